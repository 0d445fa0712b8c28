/**
 * Roles across an organisation: who holds which role on which usage, contract, registration and
 * unit, and moving a person's roles to another person in one transaction. The transfer writes
 * through the usage, contract, registration and unit-role services themselves (bound to its one
 * transaction), so every item passes exactly the checks of a single role write: permission,
 * version, the role option and the holder's membership. One refused item refuses the whole.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { canModify, type ProtectedEntity } from '../access/policy.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { CallContext } from '../engine/call.js';
import { withEqualityIndex } from '../engine/indexed-tx.js';
import { withLockedReads } from '../engine/locked-reads.js';
import { type CallRunner, organizationLock } from '../engine/service.js';
import type { RoleObjectKind } from '../organisation/role-assignment.schema.js';
import {
  type RoleRow,
  type RoleSource,
  type RolesOverview,
  type RolesQuery,
  RolesQuerySchema,
  type RoleTransfer,
  type RoleTransferItem,
  type RoleTransferPreview,
  type RoleTransferResult,
  RoleTransferSchema,
  roleHolders,
  roleKey,
  roleRows,
} from '../organisation/roles.read-model.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import {
  KitosConflictError,
  KitosError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosStateError,
  KitosValidationError,
} from '../shared/errors.js';
import { parse } from '../shared/schema.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { contractService } from './contract.service.js';
import { dataProcessingService } from './data-processing.service.js';
import {
  CONTRACT,
  DPR,
  GLOBAL_OPTION,
  MEMBERSHIP,
  type StoredGlobalOption,
  type StoredUnitRole,
  SYSTEM,
  UNIT,
  UNIT_ROLE,
  USAGE,
  USER,
} from './kinds.js';
import { allOf } from './lookup.js';
import { unitRoleService } from './organisation.service.js';
import { byIndex } from './read-context.service.js';
import { usageService } from './usage.service.js';

/** Roles across an organisation. */
export interface RolesService {
  /**
   * Every role in the organisation the reader may see (members and global admins see their
   * organisation's), optionally of one person or on some kinds of record.
   *
   * @example
   * ```ts
   * const { rows, holders } = await kitos.roles.overview(actor, { organizationUuid, userUuid: leaving });
   * ```
   */
  overview(actor: Actor, query: RolesQuery): Promise<RolesOverview>;
  /** What {@link RolesService.transfer} would do with the same input, and whether it may. Changes nothing. */
  previewTransfer(actor: Actor, transfer: RoleTransfer): Promise<RoleTransferPreview>;
  /**
   * Moves roles from one person to another in one transaction, through the same checks as single
   * role writes. Any refused item (no right, stale version, not a member, role not held) refuses
   * the whole transfer with that item's typed error (its path or `context.item` names the item)
   * and nothing changes.
   *
   * @example
   * ```ts
   * await kitos.roles.transfer(admin, { organizationUuid, fromUserUuid: leaving, toUserUuid: successor });
   * ```
   */
  transfer(actor: Actor, transfer: RoleTransfer): Promise<RoleTransferResult>;
}

const KIND_OF = { itSystemUsage: USAGE.kind, itContract: CONTRACT.kind, dataProcessingRegistration: DPR.kind } as const;

const PROTECTED_KIND: Record<RoleObjectKind, ProtectedEntity['kind']> = {
  itSystemUsage: 'itSystemUsage',
  itContract: 'itContract',
  dataProcessingRegistration: 'dataProcessingRegistration',
  organizationUnit: 'organizationUnit',
};

function mustReadOrganisation(call: CallContext, organizationUuid: string): void {
  if (!call.actor.isGlobalAdmin && !call.actor.roles.has(organizationUuid))
    throw new KitosForbiddenError('organisation', 'you may only see the roles of organisations you are a member of', {
      organizationUuid,
    });
}

/** The organisation's records that hold roles (of `userUuid` only, when given), with names and rights. */
async function loadRows(call: CallContext, organizationUuid: string, userUuid?: string): Promise<RoleRow[]> {
  const { tx } = call;
  const holding = userUuid ? { op: 'hasAny' as const, field: 'roleUserUuids', values: [userUuid] } : undefined;
  // One statement at a time: inside a transaction these share one connection.
  const usages = await allOf<ItSystemUsage>(tx, USAGE.kind, organizationUuid, holding);
  const contracts = await allOf<Contract>(tx, CONTRACT.kind, organizationUuid, holding);
  const registrations = await allOf<DataProcessingRegistration>(tx, DPR.kind, organizationUuid, holding);
  const unitRoles = await allOf<StoredUnitRole>(
    tx,
    UNIT_ROLE.kind,
    organizationUuid,
    userUuid ? { op: 'eq', field: 'userUuid', value: userUuid } : undefined,
  );
  const units = await allOf<OrganizationUnit>(tx, UNIT.kind, organizationUuid);
  const systems = new Map(
    (
      await byIndex<ItSystem>(
        tx,
        SYSTEM.kind,
        'uuid',
        usages.map((u) => u.systemUuid),
      )
    ).map((s) => [s.uuid, s.name]),
  );
  const may = (kind: RoleObjectKind, uuid: string) =>
    canModify(call.actor, { kind: PROTECTED_KIND[kind], uuid, organizationUuid });
  const sources: RoleSource[] = [
    ...usages.map((u) => ({
      objectKind: 'itSystemUsage' as const,
      objectUuid: u.uuid,
      objectName: u.general.localCallName ?? systems.get(u.systemUuid) ?? u.systemUuid,
      objectVersion: u.version,
      mayChange: may('itSystemUsage', u.uuid),
      roles: u.roles,
    })),
    ...contracts.map((c) => ({
      objectKind: 'itContract' as const,
      objectUuid: c.uuid,
      objectName: c.name,
      objectVersion: c.version,
      mayChange: may('itContract', c.uuid),
      roles: c.roles,
    })),
    ...registrations.map((d) => ({
      objectKind: 'dataProcessingRegistration' as const,
      objectUuid: d.uuid,
      objectName: d.name,
      objectVersion: d.version,
      mayChange: may('dataProcessingRegistration', d.uuid),
      roles: d.roles,
    })),
  ];
  const unitName = new Map(units.map((u) => [u.uuid, u.name]));
  const byUnit = new Map<string, { roleUuid: string; userUuid: string }[]>();
  for (const r of unitRoles) byUnit.set(r.objectUuid, [...(byUnit.get(r.objectUuid) ?? []), r]);
  for (const [unit, roles] of byUnit)
    sources.push({
      objectKind: 'organizationUnit',
      objectUuid: unit,
      objectName: unitName.get(unit) ?? unit,
      objectVersion: null,
      mayChange: may('organizationUnit', unit),
      roles,
    });
  const userUuids = new Set<string>();
  for (const s of sources) for (const r of s.roles) userUuids.add(r.userUuid);
  const users = new Map(
    (
      await byIndex<{ uuid: string; firstName: string; lastName: string; email: string }>(
        tx,
        USER.kind,
        'uuid',
        userUuids,
      )
    ).map((u) => [u.uuid, { name: `${u.firstName} ${u.lastName}`.trim(), email: u.email }]),
  );
  const roleUuids = new Set<string>();
  for (const s of sources) for (const r of s.roles) roleUuids.add(r.roleUuid);
  const options = new Map(
    (await byIndex<StoredGlobalOption>(tx, GLOBAL_OPTION.kind, 'uuid', roleUuids)).map((o) => [o.uuid, o.name]),
  );
  const rows = roleRows(sources, { role: (u) => options.get(u) ?? null, user: (u) => users.get(u) });
  return userUuid ? rows.filter((r) => r.userUuid === userUuid) : rows;
}

/** A user's name and e-mail, or the uuid when the user is unknown. */
async function person(call: CallContext, userUuid: string) {
  const u = (await call.tx.get<{ firstName: string; lastName: string; email: string }>(USER.kind, userUuid))?.data;
  return { userUuid, user: u ? `${u.firstName} ${u.lastName}`.trim() : userUuid, email: u?.email ?? null };
}

/** The rows a transfer moves: all of the person's, or those listed (each must be theirs). */
function selectItems(rows: readonly RoleRow[], items: readonly RoleTransferItem[] | undefined): RoleRow[] {
  if (!items) return [...rows];
  const held = new Map(rows.map((r) => [roleKey(r), r]));
  const issues = items.flatMap((item, index) =>
    held.has(roleKey(item))
      ? []
      : [
          {
            path: ['items', index],
            code: 'role-assignment-not-found' as const,
            message: 'the person does not hold this role on this record',
          },
        ],
  );
  if (issues.length) throw new KitosValidationError('organisation', issues);
  return items.map((item) => held.get(roleKey(item)) as RoleRow);
}

/** `error` as the same kind of typed error, naming the transfer item it came from. */
function atItem(error: unknown, index: number, item: RoleRow): unknown {
  if (!(error instanceof KitosError)) return error;
  const context = {
    ...error.context,
    item: { index, objectKind: item.objectKind, objectUuid: item.objectUuid, roleUuid: item.roleUuid },
  };
  const message = `${item.objectKind} ${item.objectUuid}: ${error.message.replace(/^\[kitos\] \[[a-z-]+\] /, '')}`;
  if (error instanceof KitosValidationError)
    return new KitosValidationError(
      'organisation',
      error.issues.map((i) => ({ ...i, path: ['items', index, ...i.path] })),
      context,
    );
  if (error instanceof KitosForbiddenError) return new KitosForbiddenError('organisation', message, context);
  if (error instanceof KitosConflictError) return new KitosConflictError('organisation', message, context);
  if (error instanceof KitosNotFoundError) return new KitosNotFoundError('organisation', message, context);
  if (error instanceof KitosStateError) return new KitosStateError('organisation', message, context);
  return error;
}

/** The roles service. */
export function rolesService(runner: CallRunner): RolesService {
  const plan = async (call: CallContext, input: RoleTransfer) => {
    const t = parse(RoleTransferSchema, input, 'organisation');
    mustReadOrganisation(call, t.organizationUuid);
    const rows = selectItems(await loadRows(call, t.organizationUuid, t.fromUserUuid), t.items);
    const successor = new Set((await loadRows(call, t.organizationUuid, t.toUserUuid)).map((r) => roleKey(r)));
    return { t, rows, successor };
  };

  return {
    overview: (actor, query) =>
      runner.read(actor, async (call) => {
        const q = parse(RolesQuerySchema, query, 'organisation');
        mustReadOrganisation(call, q.organizationUuid);
        const all = await loadRows(call, q.organizationUuid);
        const kinds = q.objectKinds ? new Set(q.objectKinds) : undefined;
        const rows = all.filter(
          (r) => (!q.userUuid || r.userUuid === q.userUuid) && (!kinds || kinds.has(r.objectKind)),
        );
        return { organizationUuid: q.organizationUuid, rows, holders: roleHolders(all) };
      }),

    previewTransfer: (actor, input) =>
      runner.read(actor, async (call) => {
        const { t, rows, successor } = await plan(call, input);
        const members = await allOf<{ userUuid: string }>(call.tx, MEMBERSHIP.kind, t.organizationUuid, {
          op: 'eq',
          field: 'userUuid',
          value: t.toUserUuid,
        });
        const items = rows.map((r) => ({ ...r, alreadyHeld: successor.has(roleKey(r)) }));
        const refused = items.filter((i) => !i.mayChange).length;
        const toIsMember = members.length > 0;
        return {
          organizationUuid: t.organizationUuid,
          from: await person(call, t.fromUserUuid),
          to: await person(call, t.toUserUuid),
          items,
          toIsMember,
          refused,
          allowed: items.length > 0 && refused === 0 && toIsMember,
        };
      }),

    transfer: (actor, input) =>
      runner.write(actor, async (call) => {
        const parsed = parse(RoleTransferSchema, input, 'organisation');
        mustReadOrganisation(call, parsed.organizationUuid);
        // The single-write services, bound to this transaction: the same checks, one commit. What
        // they read of the organisation after its lock is taken below (the records, their units,
        // the unit roles' units) is remembered until the transaction ends, kept current by its own
        // writes; their repeated equality look-ups (memberships, local options, unit roles) are
        // answered from an index kept current the same way, as in a unit of work.
        const inner: CallContext = { ...call, tx: withEqualityIndex(withLockedReads(call.tx)) };
        // Hold the organisation while reading what moves: the records read are the ones written.
        await inner.tx.lock([organizationLock(parsed.organizationUuid)]);
        const { t, rows, successor } = await plan(inner, parsed);
        if (rows.length === 0)
          throw new KitosValidationError('organisation', [
            { path: ['fromUserUuid'], code: 'role-assignment-not-found', message: 'the person holds no roles here' },
          ]);
        const bound: CallRunner = { write: (_a, work) => work(inner), read: (_a, work) => work(inner) };
        const services = {
          itSystemUsage: usageService(bound),
          itContract: contractService(bound),
          dataProcessingRegistration: dataProcessingService(bound),
        };
        const unitRoles = unitRoleService(bound);
        const given = new Map((t.items ?? []).map((i) => [roleKey(i), i.expectedVersion]));
        const records: RoleTransferResult['records'] = [];
        // Items grouped by record, in the order first listed: one patch per record.
        const groups = new Map<string, { index: number; row: RoleRow }[]>();
        rows.forEach((row, index) => {
          const key = `${row.objectKind}/${row.objectUuid}`;
          groups.set(key, [...(groups.get(key) ?? []), { index, row }]);
        });
        for (const group of groups.values()) {
          const first = group[0] as { index: number; row: RoleRow };
          const { objectKind, objectUuid } = first.row;
          if (objectKind === 'organizationUnit') {
            for (const { index, row } of group) {
              const assignment = { unitUuid: objectUuid, roleUuid: row.roleUuid };
              try {
                await unitRoles.remove(actor, { ...assignment, userUuid: t.fromUserUuid });
                if (!successor.has(roleKey(row)))
                  await unitRoles.assign(actor, { ...assignment, userUuid: t.toUserUuid });
              } catch (e) {
                throw atItem(e, index, row);
              }
            }
            records.push({ objectKind, objectUuid, version: null });
            continue;
          }
          const service = services[objectKind];
          const versions = group.map(({ row }) => given.get(roleKey(row))).filter((v) => v !== undefined);
          const expectedVersion = versions[0] ?? first.row.objectVersion ?? undefined;
          if (versions.some((v) => v !== expectedVersion))
            throw atItem(
              new KitosValidationError('organisation', [
                {
                  path: ['expectedVersion'],
                  code: 'invalid-options',
                  message: 'items of one record give different versions',
                },
              ]),
              first.index,
              first.row,
            );
          try {
            // The patch below loads the record again with its permission check; here only its roles.
            const stored = await inner.tx.get<{ roles: { roleUuid: string; userUuid: string }[] }>(
              KIND_OF[objectKind],
              objectUuid,
            );
            const current = stored?.data ?? { roles: [] };
            const moving = new Set(group.map(({ row }) => row.roleUuid.toLowerCase()));
            const has = (roleUuid: string, userUuid: string) =>
              current.roles.some(
                (r) =>
                  r.roleUuid.toLowerCase() === roleUuid.toLowerCase() &&
                  r.userUuid.toLowerCase() === userUuid.toLowerCase(),
              );
            const kept = current.roles.filter(
              (r) =>
                !(r.userUuid.toLowerCase() === t.fromUserUuid.toLowerCase() && moving.has(r.roleUuid.toLowerCase())),
            );
            const added = group
              .filter(({ row }) => !has(row.roleUuid, t.toUserUuid))
              .map(({ row }) => ({ roleUuid: row.roleUuid, userUuid: t.toUserUuid }));
            const saved = await service.patch(actor, objectUuid, { roles: [...kept, ...added] }, { expectedVersion });
            records.push({ objectKind, objectUuid, version: saved.version });
          } catch (e) {
            throw atItem(e, first.index, first.row);
          }
        }
        return { moved: rows.length, records };
      }),
  };
}
