/**
 * The context of one service call: the transaction, the resolved actor, the write stamp and today.
 *
 * @module
 */
import type { ActorContext } from '../access/actor.js';
import type { IsoDate } from '../shared/dates.js';
import type { StorageTransaction } from '../storage/port.js';
import type { EntityDefinition, WriteContext } from './repository.js';

/**
 * A check every save runs before the kind's own rules, given by the services (the engine knows
 * no concrete kind): whether the record's reference fields point at what they may.
 */
export type WriteCheck = (
  call: CallContext,
  def: EntityDefinition,
  next: { readonly uuid: string },
  current: { readonly uuid: string } | undefined,
) => Promise<void>;

/** Everything a service step needs while running inside one transaction. */
export interface CallContext {
  readonly tx: StorageTransaction;
  readonly actor: ActorContext;
  readonly write: WriteContext;
  /** Today in the configured time zone, fixed for the whole call. */
  readonly today: IsoDate;
  /** The check every save runs (see {@link WriteCheck}); absent in bare contexts of tests. */
  readonly checkWrite?: WriteCheck;
}
