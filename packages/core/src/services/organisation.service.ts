/**
 * Services of the organisation module: organisations, units (with moves), users, memberships and
 * unit role assignments.
 *
 * @module
 */
import { DETACHING_REFERENCES } from './references.js';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { canCreate, canModify, canRead, canSetAccessModifier, type ProtectedKind } from '../access/policy.js';
import type { CallContext } from '../engine/call.js';
import {
  MEMBERSHIP,
  ORGANIZATION,
  UNIT,
  UNIT_ROLE,
  USER,
  type StoredMembership,
  type StoredUnitRole,
  USAGE,
  CONTRACT,
  DPR,
  PROJECT,
} from './kinds.js';
import { deleteEntity, type EntityDefinition, readEntity, writeEntity } from '../engine/repository.js';
import type { Runtime } from '../engine/runtime.js';
import {
  type CallRunner,
  createEntityService,
  type EntityService,
  kindLock,
  type ListQuery,
  loadVisible,
  lockForWrite,
  organizationLock,
  pageOf,
  saveEntity,
} from '../engine/service.js';
import type { Filter } from '../storage/port.js';
import { canGrantOrganizationRole, organizationMembershipAdd } from '../organisation/membership.rules.js';
import { type OrganizationRole, OrganizationMembershipSchema } from '../organisation/membership.schema.js';
import { organizationTypesCreatableBy } from '../organisation/organization.rules.js';
import {
  type Organization,
  type OrganizationCreate,
  OrganizationCreateSchema,
  type OrganizationFields,
  OrganizationFieldsSchema,
  OrganizationPatchSchema,
} from '../organisation/organization.schema.js';
import {
  type UnitUses,
  unitDelete,
  unitDirectoryEdit,
  unitMove,
  unitParentForCreate,
} from '../organisation/unit.rules.js';
import { referrers } from '../engine/references.js';
import { UNIT_REFERENCES } from './references.js';
import { unitTreeValidity } from '../organisation/unit-tree.rules.js';
import {
  type OrganizationUnit,
  type OrganizationUnitCreate,
  OrganizationUnitCreateSchema,
  OrganizationUnitFieldsSchema,
  type OrganizationUnitPatch,
  OrganizationUnitPatchSchema,
} from '../organisation/unit.schema.js';
import { userEmailIsUnique } from '../organisation/user.rules.js';
import { type User, UserCreateSchema, UserFieldsSchema, UserPatchSchema } from '../organisation/user.schema.js';
import { seedOptions } from './options.service.js';
import { KitosConflictError, KitosForbiddenError, KitosValidationError } from '../shared/errors.js';
import { parse, UuidSchema } from '../shared/schema.js';
import { enforce } from './enforce.js';
import { allOf } from './lookup.js';

/**
 * The fields of a new organisation: every optional field empty, every module shown, Local scope,
 * overlaid with the input.
 */
export function newOrganizationFields(input: OrganizationCreate): OrganizationFields {
  return {
    cvr: null,
    foreignCvr: null,
    foreignCountryCodeUuid: null,
    phone: null,
    address: null,
    email: null,
    isDefaultOrganization: false,
    accessModifier: 'Local',
    config: {
      showItSystemModule: true,
      showItContractModule: true,
      showDataProcessing: true,
      showItSystemPrefix: false,
      showItContractPrefix: false,
      itSupportGuide: null,
    },
    ...input,
  };
}

const protectOrg = (_: CallContext, o: Organization) => ({
  kind: 'organization' as const,
  uuid: o.uuid,
  organizationUuid: o.uuid,
  accessModifier: o.accessModifier,
});

/** Organisations, and the first start of an empty store. */
export interface OrganizationService
  extends EntityService<
    Organization,
    z.input<typeof OrganizationCreateSchema>,
    z.input<typeof OrganizationPatchSchema>
  > {
  /**
   * Creates the first global administrator in an empty store, with KITOS's option seed and the
   * default organisation "Fælles Kommune", and returns the administrator as an actor. Refused
   * (a conflict) once any user exists, also when several processes start at once.
   *
   * @example
   * ```ts
   * const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@kommune.dk' });
   * ```
   */
  bootstrap(admin: z.input<typeof UserCreateSchema>): Promise<Actor>;
  /**
   * May the actor create records of `kind` in the organisation? The same create rule every create
   * runs, over the actor's roles as stored; the organisation must be one the actor may read (else
   * its not-found error). For showing a "create" button only when the create would be allowed, and
   * for KITOS's permission probes.
   *
   * @example
   * ```ts
   * if (await kitos.organizations.mayCreate(actor, organizationUuid, 'itContract')) showNewContractButton();
   * ```
   */
  mayCreate(actor: Actor, organizationUuid: string, kind: ProtectedKind): Promise<boolean>;
}

/** Organisations. `system` runs the first start; without it (inside a unit of work) bootstrap is refused. */
export function organizationService(runner: CallRunner, system?: Pick<Runtime, 'system'>): OrganizationService {
  const base = createEntityService(runner, {
    def: ORGANIZATION,
    fieldsSchema: OrganizationFieldsSchema,
    createSchema: OrganizationCreateSchema,
    patchSchema: OrganizationPatchSchema,
    protect: protectOrg,
    createOrganization: () => null,
    prepareCreate: (call, input) => {
      const anyLocalAdmin = [...call.actor.roles.values()].some((r) => r.has('LocalAdmin'));
      const allowed = organizationTypesCreatableBy({
        isGlobalAdmin: call.actor.isGlobalAdmin,
        roles: anyLocalAdmin ? ['LocalAdmin'] : [],
      });
      if (!allowed.includes(input.type))
        throw new KitosForbiddenError('organisation', `you may not create organisations of type ${input.type}`);
      return newOrganizationFields(input);
    },
    guard: (call, next, current) => {
      const e = { kind: 'organization' as const, uuid: current?.uuid ?? '', organizationUuid: current?.uuid ?? null };
      if (next.accessModifier !== (current?.accessModifier ?? 'Local') && !canSetAccessModifier(call.actor, e)) {
        throw new KitosForbiddenError(
          'organisation',
          'only global admins and the organisation’s local admins change its scope',
        );
      }
      // The type decides who may read the organisation's public data and which municipality
      // rules apply; the default organisation inherits shared data. Neither is a local matter.
      if (current && !call.actor.isGlobalAdmin) {
        for (const field of ['type', 'isDefaultOrganization'] as const) {
          if (next[field] !== current[field])
            throw new KitosForbiddenError('organisation', `only global admins change an organisation's ${field}`, {
              field,
            });
        }
      }
      if (!current && next.isDefaultOrganization && !call.actor.isGlobalAdmin)
        throw new KitosForbiddenError('organisation', 'only global admins create the default organisation');
    },
    // Other organisations' joint projects let go of it in the same transaction (each a new version).
    detach: DETACHING_REFERENCES,
    beforeDelete: async (call, org) => {
      for (const kind of [UNIT.kind, USAGE.kind, CONTRACT.kind]) {
        const r = await call.tx.query({ kind, organizationUuids: [org.uuid], limit: 1, count: true });
        if ((r.total ?? 0) > 0)
          throw new KitosConflictError('organisation', `the organisation still has ${kind} records`, {
            kind,
            count: r.total,
          });
      }
    },
  });
  return {
    ...base,
    mayCreate: async (actor, organizationUuid, kind) => {
      await base.get(actor, organizationUuid);
      return runner.read(actor, async (call) => canCreate(call.actor, kind, organizationUuid));
    },
    bootstrap: async (admin) => {
      if (!system)
        throw new KitosConflictError('organisation', 'bootstrap runs on the facade, not inside a unit of work');
      const input = parse(UserCreateSchema, admin, 'organisation');
      return system.system(async (call) => {
        // Concurrent first starts must not each find an empty store and each create an admin.
        await call.tx.lock(['bootstrap', kindLock(USER.kind)]);
        const any = await call.tx.query({ kind: USER.kind, limit: 1 });
        if (any.records.length > 0)
          throw new KitosConflictError('organisation', 'the store already has users: bootstrap only runs once');
        const uuid = call.write.newUuid();
        // The administrator is the author of everything the first start writes.
        const first = { ...call, write: { ...call.write, actorUuid: uuid } };
        await writeEntity(
          first.tx,
          USER,
          first.write,
          {
            phoneNumber: null,
            hasApiAccess: false,
            hasStakeHolderAccess: false,
            isSystemIntegrator: false,
            ...input,
            isGlobalAdmin: true,
            uuid,
          },
          undefined,
        );
        const org = call.write.newUuid();
        await writeEntity(
          first.tx,
          ORGANIZATION,
          first.write,
          {
            uuid: org,
            ...newOrganizationFields({
              name: 'Fælles Kommune',
              type: 'Kommune',
              accessModifier: 'Public',
              isDefaultOrganization: true,
            }),
          },
          undefined,
        );
        await writeEntity(
          first.tx,
          MEMBERSHIP,
          first.write,
          {
            uuid: call.write.newUuid(),
            userUuid: uuid,
            organizationUuid: org,
            role: 'User',
          },
          undefined,
        );
        await seedOptions(first);
        return { userUuid: uuid };
      });
    },
  };
}
/** Organisation units, with tree moves. */
export interface UnitService extends EntityService<OrganizationUnit, OrganizationUnitCreate, OrganizationUnitPatch> {
  /** Moves a unit under a new parent, with its subtree or leaving its children with the old parent. */
  move(
    actor: Actor,
    uuid: string,
    newParentUuid: string,
    options?: { withSubtree?: boolean },
  ): Promise<OrganizationUnit[]>;
  /** The organisation's whole tree (flat list; one root). */
  tree(actor: Actor, organizationUuid: string): Promise<OrganizationUnit[]>;
}

/** What still points at a unit, counted as the unit delete rule names it. */
async function unitUses(call: CallContext, unit: OrganizationUnit): Promise<UnitUses> {
  const found = await referrers(call, UNIT_REFERENCES, {
    kind: UNIT.kind,
    uuid: unit.uuid,
    organizationUuid: unit.organizationUuid,
  });
  const records = (kind: string) =>
    new Set(found.filter((f) => f.reference.from.kind === kind).map((f) => f.entity.uuid)).size;
  const links = (field: string) => found.filter((f) => f.reference.field === field).reduce((n, f) => n + f.count, 0);
  return {
    systemUsages: records(USAGE.kind),
    economyStreams: links('payments.organizationUnitUuid'),
    responsibleForContracts: links('responsible.organizationUnitUuid'),
    roleAssignments: records(UNIT_ROLE.kind),
    dataProcessingRegistrations: records(DPR.kind),
    projects: records(PROJECT.kind),
  };
}

/** Organisation units. */
export function unitService(runner: CallRunner): UnitService {
  const spec = {
    def: UNIT,
    fieldsSchema: OrganizationUnitFieldsSchema,
    createSchema: OrganizationUnitCreateSchema,
    patchSchema: OrganizationUnitPatchSchema,
    protect: (_: CallContext, u: OrganizationUnit) => ({
      kind: 'organizationUnit' as const,
      uuid: u.uuid,
      organizationUuid: u.organizationUuid,
    }),
    createOrganization: (i: OrganizationUnitCreate) => i.organizationUuid,
    prepareCreate: async (call: CallContext, input: OrganizationUnitCreate) => {
      const units = await allOf<OrganizationUnit>(call.tx, UNIT.kind, input.organizationUuid);
      const parentUuid = enforce(unitParentForCreate(units, input), 'organisation');
      return { localId: null, ean: null, origin: 'Kitos' as const, externalOriginUuid: null, ...input, parentUuid };
    },
    // The source and the external id never change; units from FK Organisation keep their name and
    // place unless the directory synchronisation (a global administrator) changes them.
    immutable: ['origin', 'externalOriginUuid'],
    guard: (call: CallContext, next: OrganizationUnit, current: OrganizationUnit | undefined) => {
      enforce(unitDirectoryEdit(current, next, call.actor.isGlobalAdmin), 'organisation');
    },
    // Every write (create, patch, replace, move) ends with the organisation's tree still one tree:
    // one root, parents in the organisation, no cycles.
    check: async (call: CallContext, next: OrganizationUnit) => {
      const units = await allOf<OrganizationUnit>(call.tx, UNIT.kind, next.organizationUuid);
      const candidate = [...units.filter((u) => u.uuid !== next.uuid), next];
      enforce(unitTreeValidity(candidate, next.organizationUuid), 'organisation');
    },
    beforeDelete: async (call: CallContext, unit: OrganizationUnit) => {
      enforce(unitDirectoryEdit(unit, null, call.actor.isGlobalAdmin), 'organisation');
      const units = await allOf<OrganizationUnit>(call.tx, UNIT.kind, unit.organizationUuid);
      const moved = enforce(unitDelete(units, unit.uuid, await unitUses(call, unit)), 'organisation');
      // The children move up before the unit goes; until then they hang under their grandparent
      // and the tree stays whole, so they are written directly (the unit itself is deleted next).
      for (const child of moved.changed) {
        const current = await readEntity(call.tx, UNIT, child.uuid);
        if (current && current.parentUuid !== child.parentUuid)
          await writeEntity(call.tx, UNIT, call.write, { ...current, parentUuid: child.parentUuid }, current);
      }
    },
  };
  const base = createEntityService(runner, spec);
  return {
    ...base,
    move: (actor, uuid, newParentUuid, options = {}) =>
      runner.write(actor, async (call) => {
        const first = await readEntity(call.tx, UNIT, parse(UuidSchema, uuid, 'organisation'));
        if (first) await lockForWrite(call, spec, first.organizationUuid, { current: first });
        const { entity, protectedEntity } = await loadVisible(call, spec, uuid);
        if (!canModify(call.actor, protectedEntity))
          throw new KitosForbiddenError('organisation', 'you may not move this unit');
        const units = await allOf<OrganizationUnit>(call.tx, UNIT.kind, entity.organizationUuid);
        const next = enforce(
          unitMove(units, uuid, parse(UuidSchema, newParentUuid, 'organisation'), {
            withSubtree: options.withSubtree ?? true,
          }),
          'organisation',
        );
        const changed: OrganizationUnit[] = [];
        // Children first: when the unit moves under a former child, that child must already hang
        // elsewhere, so every step leaves a sound tree for the check.
        const ordered = [...next.filter((u) => u.uuid !== uuid), ...next.filter((u) => u.uuid === uuid)];
        for (const u of ordered) {
          const current = await readEntity(call.tx, UNIT, u.uuid);
          if (current && current.parentUuid !== u.parentUuid)
            changed.push(await saveEntity(call, spec, { ...current, parentUuid: u.parentUuid }, current));
        }
        return changed;
      }),
    tree: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        const units = await allOf<OrganizationUnit>(call.tx, UNIT.kind, organizationUuid);
        return units.filter((u) => canRead(call.actor, spec.protect(call, u)));
      }),
  };
}

async function userOrganizations(call: CallContext, userUuid: string): Promise<string[]> {
  const m = await allOf<StoredMembership>(call.tx, MEMBERSHIP.kind, undefined, {
    op: 'eq',
    field: 'userUuid',
    value: userUuid,
  });
  return [...new Set(m.map((x) => x.organizationUuid))];
}

const USER_FLAGS = ['isGlobalAdmin', 'hasApiAccess', 'hasStakeHolderAccess', 'isSystemIntegrator'] as const;

/** Users. */
export function userService(runner: CallRunner) {
  const base = createEntityService(runner, {
    def: USER,
    fieldsSchema: UserFieldsSchema,
    createSchema: UserCreateSchema,
    patchSchema: UserPatchSchema,
    protect: async (call, u) => ({
      kind: 'user' as const,
      uuid: u.uuid,
      organizationUuid: null,
      memberOfOrganizationUuids: await userOrganizations(call, u.uuid),
      isGlobalAdmin: u.isGlobalAdmin,
    }),
    createOrganization: () => null,
    prepareCreate: (_call, input) => ({
      phoneNumber: null,
      isGlobalAdmin: false,
      hasApiAccess: false,
      hasStakeHolderAccess: false,
      isSystemIntegrator: false,
      ...input,
    }),
    // A user's flags are rights across every organisation (global admin, API access, stakeholder
    // access, system integrator): only a global admin grants or takes them, on create and after.
    guard: (call, next, current) => {
      if (call.actor.isGlobalAdmin) return;
      for (const flag of USER_FLAGS) {
        if (next[flag] !== (current?.[flag] ?? false))
          throw new KitosForbiddenError('organisation', `only global admins change ${flag}`, { field: flag });
      }
    },
    check: async (call, next) => {
      const same = await allOf<User>(call.tx, USER.kind, undefined, { op: 'eq', field: 'email', value: next.email });
      enforce(userEmailIsUnique(next.email, same, next.uuid), 'organisation');
    },
  });
  return {
    ...base,
    /**
     * Users the actor may see: everyone for global admins, else the members of the actor's
     * organisations (and the actor). Two queries whatever the page size: the memberships, then
     * one page of users.
     */
    list: (actor: Actor, query: ListQuery = {}) =>
      runner.read(actor, async (call) => {
        const page = pageOf('organisation', query);
        let scope: Filter | undefined;
        if (!call.actor.isGlobalAdmin) {
          const orgs = [...call.actor.roles.keys()].filter(
            (o) => query.organizationUuid === undefined || o === query.organizationUuid,
          );
          const members = orgs.length
            ? await allOf<StoredMembership>(call.tx, MEMBERSHIP.kind, undefined, {
                op: 'in',
                field: 'organizationUuid',
                values: orgs,
              })
            : [];
          const uuids = new Set(members.map((m) => m.userUuid));
          if (query.organizationUuid === undefined) uuids.add(call.actor.userUuid);
          scope = { op: 'in', field: 'uuid', values: [...uuids] };
        } else if (query.organizationUuid !== undefined) {
          const members = await allOf<StoredMembership>(call.tx, MEMBERSHIP.kind, query.organizationUuid);
          scope = { op: 'in', field: 'uuid', values: [...new Set(members.map((m) => m.userUuid))] };
        }
        const filters = [query.filter, scope].filter((f): f is Filter => !!f);
        const result = await call.tx.query<User>({
          kind: USER.kind,
          filter: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { op: 'and', filters },
          sort: query.sort ?? [{ field: 'name' }],
          offset: page.offset,
          limit: page.limit,
          count: true,
        });
        return { items: result.records.map((r) => r.data), total: result.total ?? result.records.length };
      }),
  };
}

const GrantSchema = OrganizationMembershipSchema;

/** Memberships: granting and revoking organisation roles. */
export interface MembershipService {
  /** Grants a role in an organisation (idempotent refusal: a duplicate is a conflict). */
  grant(
    actor: Actor,
    membership: { userUuid: string; organizationUuid: string; role: OrganizationRole },
  ): Promise<StoredMembership>;
  /** Revokes one role; revoking `User` removes the plain membership. */
  revoke(
    actor: Actor,
    membership: { userUuid: string; organizationUuid: string; role: OrganizationRole },
  ): Promise<void>;
  /** Memberships in an organisation, for members and admins of it. */
  list(actor: Actor, organizationUuid: string): Promise<StoredMembership[]>;
}

/** Memberships. */
export function membershipService(runner: CallRunner): MembershipService {
  const find = async (call: CallContext, m: z.infer<typeof GrantSchema>) =>
    (
      await allOf<StoredMembership>(call.tx, MEMBERSHIP.kind, m.organizationUuid, {
        op: 'eq',
        field: 'userUuid',
        value: m.userUuid,
      })
    ).find((x) => x.role === m.role);
  const mayGrant = (call: CallContext, m: z.infer<typeof GrantSchema>) => {
    const roles = call.actor.roles.get(m.organizationUuid) ?? new Set();
    return canGrantOrganizationRole({ isGlobalAdmin: call.actor.isGlobalAdmin, roles: [...roles] }, m.role);
  };
  return {
    grant: (actor, input) =>
      runner.write(actor, async (call) => {
        const m = parse(GrantSchema, input, 'organisation');
        if (!mayGrant(call, m))
          throw new KitosForbiddenError('organisation', `you may not grant ${m.role} in this organisation`);
        await call.tx.lock([organizationLock(m.organizationUuid)]);
        if (!(await call.tx.get(USER.kind, m.userUuid)))
          throw new KitosValidationError('organisation', [
            { path: ['userUuid'], code: 'not-found', message: 'no such user' },
          ]);
        if (!(await call.tx.get(ORGANIZATION.kind, m.organizationUuid)))
          throw new KitosValidationError('organisation', [
            { path: ['organizationUuid'], code: 'not-found', message: 'no such organisation' },
          ]);
        const held = await find(call, m);
        enforce(organizationMembershipAdd(held ? [held] : [], m), 'organisation');
        return writeEntity(call.tx, MEMBERSHIP, call.write, { ...m, uuid: call.write.newUuid() }, undefined);
      }),
    revoke: (actor, input) =>
      runner.write(actor, async (call) => {
        const m = parse(GrantSchema, input, 'organisation');
        if (!mayGrant(call, m))
          throw new KitosForbiddenError('organisation', `you may not revoke ${m.role} in this organisation`);
        await call.tx.lock([organizationLock(m.organizationUuid)]);
        const existing = await find(call, m);
        if (!existing)
          throw new KitosValidationError('organisation', [
            { path: ['role'], code: 'membership-not-found', message: 'the user does not have this role' },
          ]);
        await deleteEntity(call.tx, MEMBERSHIP, call.write, existing);
      }),
    list: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        if (!call.actor.isGlobalAdmin && !call.actor.roles.has(organizationUuid)) return [];
        return allOf<StoredMembership>(call.tx, MEMBERSHIP.kind, organizationUuid);
      }),
  };
}

/** Role assignments on organisation units (write roles are inherited by every sub-unit). */
export interface UnitRoleService {
  assign(actor: Actor, input: { unitUuid: string; roleUuid: string; userUuid: string }): Promise<StoredUnitRole>;
  remove(actor: Actor, input: { unitUuid: string; roleUuid: string; userUuid: string }): Promise<void>;
  list(actor: Actor, unitUuid: string): Promise<StoredUnitRole[]>;
}

const UnitRoleInputSchema = z.strictObject({ unitUuid: UuidSchema, roleUuid: UuidSchema, userUuid: UuidSchema });

/** Unit role assignments. */
export function unitRoleService(runner: CallRunner): UnitRoleService {
  const unitSpec = {
    def: UNIT,
    protect: (_: CallContext, u: OrganizationUnit) => ({
      kind: 'organizationUnit' as const,
      uuid: u.uuid,
      organizationUuid: u.organizationUuid,
    }),
  };
  const existing = async (call: CallContext, i: z.infer<typeof UnitRoleInputSchema>) =>
    (
      await allOf<StoredUnitRole>(call.tx, UNIT_ROLE.kind, undefined, {
        op: 'eq',
        field: 'objectUuid',
        value: i.unitUuid,
      })
    ).find((r) => r.roleUuid === i.roleUuid && r.userUuid === i.userUuid);
  return {
    assign: (actor, input) =>
      runner.write(actor, async (call) => {
        const i = parse(UnitRoleInputSchema, input, 'organisation');
        const unit = await readEntity(call.tx, UNIT, i.unitUuid);
        if (unit) await call.tx.lock([organizationLock(unit.organizationUuid)]);
        const { entity, protectedEntity } = await loadVisible(call, unitSpec, i.unitUuid);
        if (!canModify(call.actor, protectedEntity))
          throw new KitosForbiddenError('organisation', 'you may not assign roles on this unit');
        const record = {
          uuid: call.write.newUuid(),
          objectKind: 'organizationUnit' as const,
          objectUuid: i.unitUuid,
          roleUuid: i.roleUuid,
          userUuid: i.userUuid,
          organizationUuid: entity.organizationUuid,
        };
        // The reference fields every save checks: a unit role available here, held by a member.
        await call.checkWrite?.(call, UNIT_ROLE as unknown as EntityDefinition, record, undefined);
        if (await existing(call, i))
          throw new KitosConflictError('organisation', 'the user already has this role on the unit', {
            code: 'duplicate-role-assignment',
          });
        return writeEntity(call.tx, UNIT_ROLE, call.write, record, undefined);
      }),
    remove: (actor, input) =>
      runner.write(actor, async (call) => {
        const i = parse(UnitRoleInputSchema, input, 'organisation');
        const unit = await readEntity(call.tx, UNIT, i.unitUuid);
        if (unit) await call.tx.lock([organizationLock(unit.organizationUuid)]);
        const { protectedEntity } = await loadVisible(call, unitSpec, i.unitUuid);
        if (!canModify(call.actor, protectedEntity))
          throw new KitosForbiddenError('organisation', 'you may not remove roles on this unit');
        const found = await existing(call, i);
        if (!found)
          throw new KitosValidationError('organisation', [
            { path: ['roleUuid'], code: 'role-assignment-not-found', message: 'no such role assignment' },
          ]);
        await deleteEntity(call.tx, UNIT_ROLE, call.write, found);
      }),
    list: (actor, unitUuid) =>
      runner.read(actor, async (call) => {
        await loadVisible(call, unitSpec, unitUuid);
        return allOf<StoredUnitRole>(call.tx, UNIT_ROLE.kind, undefined, {
          op: 'eq',
          field: 'objectUuid',
          value: unitUuid,
        });
      }),
  };
}

export { canCreate };
