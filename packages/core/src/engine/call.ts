/**
 * The context of one service call: the transaction, the resolved actor, the write stamp and today.
 *
 * @module
 */
import type { ActorContext } from '../access/actor.js';
import type { IsoDate } from '../shared/dates.js';
import type { StorageTransaction } from '../storage/port.js';
import type { WriteContext } from './repository.js';

/** Everything a service step needs while running inside one transaction. */
export interface CallContext {
  readonly tx: StorageTransaction;
  readonly actor: ActorContext;
  readonly write: WriteContext;
  /** Today in the configured time zone, fixed for the whole call. */
  readonly today: IsoDate;
}
