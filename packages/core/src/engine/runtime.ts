/**
 * The runtime behind the facade: transactions per call, the actor resolved once per call (by the
 * resolver the services give it), and the write stamp (time, uuid, actor). It knows no concrete
 * kind of record.
 *
 * @module
 */
import { type Actor, type ActorContext, actorContext } from '../access/actor.js';
import type { StorageAdapter, StorageReader, StorageTransaction } from '../storage/port.js';
import { PositionCache } from './cache.js';
import type { CallContext, WriteCheck } from './call.js';
import { type Clock, todayBy } from './clock.js';
import { withEqualityIndex } from './indexed-tx.js';
import type { CallRunner } from './service.js';

/** Options of the runtime. */
export interface RuntimeOptions {
  readonly storage: StorageAdapter;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly newUuid: () => string;
  /**
   * Turns the caller's actor into the facts the permission rules need, from storage (the services
   * say how: the engine knows no concrete kind).
   */
  readonly resolveActor: (reader: StorageReader, actor: Actor) => Promise<ActorContext>;
  /** The check every save runs before the kind's rules (the services' reference-field check). */
  readonly checkWrite?: WriteCheck;
}

/** A transaction view that refuses writes: read calls run on it. */
function readOnly(reader: StorageReader): StorageTransaction {
  const refuse = () => Promise.reject(new Error('[kitos] [core] a read call tried to write'));
  return {
    ...reader,
    get: reader.get.bind(reader),
    query: reader.query.bind(reader),
    changesSince: reader.changesSince.bind(reader),
    // Reads take no locks: they see committed data and never check-then-write.
    lock: async () => undefined,
    put: refuse,
    delete: refuse,
  };
}

/**
 * The actor of work the system does itself (the first start, scheduled jobs): a global admin with
 * no user behind it. Its writes are stamped with no author unless the work says otherwise.
 */
export const SYSTEM_ACTOR: ActorContext = actorContext({ userUuid: 'system', isGlobalAdmin: true });

/** The runtime: the call runner plus what only it may do. */
export interface Runtime extends CallRunner {
  readonly options: RuntimeOptions;
  /** Runs `work` in one transaction as the system (no user; see {@link SYSTEM_ACTOR}). */
  system<R>(work: (call: CallContext) => Promise<R>): Promise<R>;
  /**
   * Runs `work` in one transaction with the actor resolved once; `work` gets a call runner bound to
   * that transaction, so every service built on it runs inside it. Throwing rolls everything back.
   */
  unitOfWork<R>(actor: Actor, work: (runner: CallRunner, call: CallContext) => Promise<R>): Promise<R>;
}

/** Builds the call runner the services use. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { storage, clock, timeZone, newUuid, resolveActor, checkWrite } = options;
  // Actor facts are reused until what they were read from changes (the user, their memberships
  // and roles): the token is read from the storage on every call, so a revoked right is seen at
  // once, also from another process. Writes take the facts before their transaction begins (one
  // token read instead of three look-ups while the transaction holds its locks); a revocation that
  // commits after that read races the write exactly as it would race look-ups inside it.
  const actors = new PositionCache<ActorContext>(storage, 256);
  const factsOf = (reader: StorageReader, actor: Actor): Promise<ActorContext> => {
    const userUuid = typeof actor?.userUuid === 'string' ? actor.userUuid : '';
    return userUuid
      ? actors.get(userUuid, reader, (tracked) => resolveActor(tracked, actor))
      : resolveActor(reader, actor);
  };
  const context = async (tx: StorageTransaction, actor: Actor, facts?: ActorContext): Promise<CallContext> => {
    const now = clock.now();
    return {
      tx,
      actor: facts ?? (await resolveActor(tx, actor)),
      write: { actorUuid: actor.userUuid, now: now.toISOString(), newUuid },
      today: todayBy({ now: () => now }, timeZone),
      checkWrite,
    };
  };
  const stamp = () => {
    const now = clock.now();
    return { now, today: todayBy({ now: () => now }, timeZone) };
  };
  return {
    options,
    write: async (actor, work) => {
      const facts = await factsOf(storage, actor);
      return storage.transaction(async (tx) => work(await context(tx, actor, facts)));
    },
    read: async (actor, work) => {
      const reader = readOnly(storage);
      return work(await context(reader, actor, await factsOf(reader, actor)));
    },
    system: (work) =>
      storage.transaction((tx) => {
        const { now, today } = stamp();
        const write = { actorUuid: null, now: now.toISOString(), newUuid };
        return work({ tx, actor: SYSTEM_ACTOR, write, today, checkWrite });
      }),
    unitOfWork: (actor, work) =>
      storage.transaction(async (raw) => {
        // Many calls in one transaction repeat the same equality look-ups (a row's unit by name,
        // its system): an index kept current by the unit's own writes answers them from memory.
        const tx = withEqualityIndex(raw);
        // The actor is resolved once for the whole unit: re-resolving per call would rescan every
        // usage for role holders, and the facts cannot change under this transaction anyway.
        const call = await context(tx, actor);
        const bound: CallRunner = { write: (_a, w) => w(call), read: (_a, w) => w(call) };
        return work(bound, call);
      }),
  };
}
