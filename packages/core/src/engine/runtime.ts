/**
 * The runtime behind the facade: transactions per call, actor resolution from stored users,
 * memberships and role assignments, and the write stamp (time, uuid, actor).
 *
 * @module
 */
import { type Actor, type ActorContext, actorContext } from '../access/actor.js';
import { organizationCategory } from '../organisation/organization.schema.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import { KitosForbiddenError, KitosValidationError } from '../shared/errors.js';
import type { StorageAdapter, StorageReader, StorageTransaction } from '../storage/port.js';
import { PositionCache } from './cache.js';
import type { CallContext } from './call.js';
import { type Clock, todayBy } from './clock.js';
import { CONTRACT, DPR, GLOBAL_OPTION, MEMBERSHIP, ORGANIZATION, UNIT, UNIT_ROLE, USAGE, USER } from './kinds.js';
import { withEqualityIndex } from './indexed-tx.js';
import type { CallRunner } from './service.js';

/** Options of the runtime. */
export interface RuntimeOptions {
  readonly storage: StorageAdapter;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly newUuid: () => string;
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

async function writableRoleUuids(tx: StorageReader): Promise<Set<string>> {
  const roles = await tx.query<{ uuid: string; hasWriteAccess?: boolean }>({ kind: GLOBAL_OPTION.kind });
  return new Set(roles.records.filter((r) => r.data.hasWriteAccess).map((r) => r.uuid));
}

/**
 * Objects on which the user holds a role with write access; unit roles reach every sub-unit. Roles
 * only count inside organisations the user is a member of, so only those are searched.
 */
async function writableObjects(
  tx: StorageReader,
  userUuid: string,
  organizationUuids: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (organizationUuids.length === 0) return out;
  const writeRoles = await writableRoleUuids(tx);
  for (const def of [USAGE, CONTRACT, DPR]) {
    const held = await tx.query<{ uuid: string; roles: { roleUuid: string; userUuid: string }[] }>({
      kind: def.kind,
      organizationUuids,
      filter: { op: 'hasAny', field: 'roleUserUuids', values: [userUuid] },
    });
    for (const r of held.records) {
      if (r.data.roles.some((x) => x.userUuid === userUuid && writeRoles.has(x.roleUuid))) out.add(r.uuid);
    }
  }
  const unitRoles = await tx.query<{ objectUuid: string; roleUuid: string; organizationUuid: string }>({
    kind: UNIT_ROLE.kind,
    organizationUuids,
    filter: { op: 'eq', field: 'userUuid', value: userUuid },
  });
  for (const r of unitRoles.records.filter((x) => writeRoles.has(x.data.roleUuid))) {
    const units = await tx.query<OrganizationUnit>({
      kind: UNIT.kind,
      organizationUuids: [r.data.organizationUuid],
    });
    for (const u of unitDescendants(
      units.records.map((x) => x.data),
      r.data.objectUuid,
      { includeSelf: true },
    ))
      out.add(u.uuid);
  }
  return out;
}

/** Resolves an actor from storage; unknown users are refused. */
export async function resolveActor(tx: StorageReader, actor: Actor): Promise<ActorContext> {
  if (!actor || typeof actor.userUuid !== 'string') {
    throw new KitosValidationError('access', [
      { path: ['actor', 'userUuid'], code: 'required', message: 'an actor with a userUuid is required' },
    ]);
  }
  const user = await tx.get<{ isGlobalAdmin: boolean; hasStakeHolderAccess: boolean; isSystemIntegrator: boolean }>(
    USER.kind,
    actor.userUuid,
  );
  if (!user) throw new KitosForbiddenError('access', 'unknown user', { userUuid: actor.userUuid });
  const memberships = await tx.query<{ organizationUuid: string; role: never }>({
    kind: MEMBERSHIP.kind,
    filter: { op: 'eq', field: 'userUuid', value: actor.userUuid },
  });
  const orgUuids = [...new Set(memberships.records.map((m) => m.data.organizationUuid))];
  const municipal: string[] = [];
  for (const uuid of orgUuids) {
    const org = await tx.get<{ type: Parameters<typeof organizationCategory>[0] }>(ORGANIZATION.kind, uuid);
    if (org && organizationCategory(org.data.type) === 'Municipality') municipal.push(uuid);
  }
  return actorContext({
    userUuid: actor.userUuid,
    isGlobalAdmin: user.data.isGlobalAdmin,
    hasStakeHolderAccess: user.data.hasStakeHolderAccess,
    isSystemIntegrator: user.data.isSystemIntegrator,
    memberships: memberships.records.map((m) => m.data),
    municipalityOrganizationUuids: municipal,
    // Global admins may write everything; their per-object roles add nothing.
    writableObjects: user.data.isGlobalAdmin ? [] : await writableObjects(tx, actor.userUuid, orgUuids),
  });
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
  const { storage, clock, timeZone, newUuid } = options;
  // Actor facts for reads are reused until the store changes; writes always resolve afresh inside
  // their transaction.
  const actors = new PositionCache<ActorContext>(storage, 256);
  const context = async (tx: StorageTransaction, actor: Actor, cached: boolean): Promise<CallContext> => {
    const now = clock.now();
    const userUuid = typeof actor?.userUuid === 'string' ? actor.userUuid : '';
    return {
      tx,
      actor:
        cached && userUuid ? await actors.get(userUuid, () => resolveActor(tx, actor)) : await resolveActor(tx, actor),
      write: { actorUuid: actor.userUuid, now: now.toISOString(), newUuid },
      today: todayBy({ now: () => now }, timeZone),
    };
  };
  const stamp = () => {
    const now = clock.now();
    return { now, today: todayBy({ now: () => now }, timeZone) };
  };
  return {
    options,
    write: (actor, work) => storage.transaction(async (tx) => work(await context(tx, actor, false))),
    read: async (actor, work) => work(await context(readOnly(storage), actor, true)),
    system: (work) =>
      storage.transaction((tx) => {
        const { now, today } = stamp();
        return work({ tx, actor: SYSTEM_ACTOR, write: { actorUuid: null, now: now.toISOString(), newUuid }, today });
      }),
    unitOfWork: (actor, work) =>
      storage.transaction(async (raw) => {
        // Many calls in one transaction repeat the same equality look-ups (a row's unit by name,
        // its system): an index kept current by the unit's own writes answers them from memory.
        const tx = withEqualityIndex(raw);
        // The actor is resolved once for the whole unit: re-resolving per call would rescan every
        // usage for role holders, and the facts cannot change under this transaction anyway.
        const call = await context(tx, actor, false);
        const bound: CallRunner = { write: (_a, w) => w(call), read: (_a, w) => w(call) };
        return work(bound, call);
      }),
  };
}
