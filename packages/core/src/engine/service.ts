/**
 * A generic entity service: create, get, patch, replace, delete, list and permissions for one kind,
 * with the same guarantees for every kind — input parsed at the boundary (every problem listed),
 * permission checked before anything changes, one transaction per write, the caller's expected
 * version honoured, audit written. Kind-specific rules plug in through {@link EntityServiceSpec}.
 *
 * @module
 */
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import {
  canCreate,
  canDelete,
  canModify,
  canRead,
  type Permissions,
  type ProtectedEntity,
  permissionsFor,
} from '../access/policy.js';
import { KitosForbiddenError, KitosNotFoundError, KitosValidationError } from '../shared/errors.js';
import type { EntityMeta } from '../shared/schema.js';
import { toValidationIssues } from '../shared/schema.js';
import type { Filter, SortKey } from '../storage/port.js';
import type { CallContext } from './call.js';
import { blankFor, mergePatch } from './defaults.js';
import { deleteEntity, type EntityDefinition, readEntity, type WriteOptions, writeEntity } from './repository.js';

/** The editable part of an entity (no meta). */
export type FieldsOf<E extends EntityMeta> = Omit<E, keyof EntityMeta>;

/** Kind-specific behaviour of an entity service. */
export interface EntityServiceSpec<E extends EntityMeta, C, P, CI = C, PI = P> {
  readonly def: EntityDefinition<E>;
  /** Schema of the editable fields (used for `replace`). */
  readonly fieldsSchema: z.ZodType<FieldsOf<E>>;
  readonly createSchema: z.ZodType<C, CI>;
  readonly patchSchema: z.ZodType<P, PI>;
  /** Facts for the permission rules. */
  protect(call: CallContext, entity: E): Promise<ProtectedEntity> | ProtectedEntity;
  /** The organisation a new entity goes into (permission to create is checked there). */
  createOrganization(input: C): string | null;
  /** Fields of a new entity from the parsed input (default: blank fields overlaid with the input). */
  prepareCreate?(call: CallContext, input: C): Promise<FieldsOf<E>> | FieldsOf<E>;
  /** Applies a parsed patch (default: {@link mergePatch}); gate rules live here. */
  applyPatch?(call: CallContext, current: E, patch: P): Promise<FieldsOf<E>> | FieldsOf<E>;
  /** Rules over the whole next state (uniqueness, links, trees); throw typed errors. */
  check?(call: CallContext, next: FieldsOf<E> & { uuid: string }, current: E | undefined): Promise<void> | void;
  /** Field-level permission limits (e.g. only global admins change the registration scope). */
  guard?(call: CallContext, next: FieldsOf<E>, current: E | undefined): Promise<void> | void;
  /** Delete conflicts; throw to refuse. */
  beforeDelete?(call: CallContext, current: E): Promise<void> | void;
  /** Cascades after the entity is deleted, in the same transaction. */
  afterDelete?(call: CallContext, current: E): Promise<void> | void;
  /** Side effects after a create or update, in the same transaction (e.g. clearing links). */
  afterWrite?(call: CallContext, entity: E, previous: E | undefined): Promise<void> | void;
}

/** Query of a `list` call. Filters and sorts name index fields of the kind. */
export interface ListQuery {
  /** Only this organisation (required for organisation-owned kinds unless the actor is a global admin). */
  readonly organizationUuid?: string;
  readonly filter?: Filter;
  readonly sort?: readonly SortKey[];
  readonly offset?: number;
  readonly limit?: number;
}

/** A page of a list with the total count. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** The CRUD surface every entity service offers (`C`/`P`: the create and patch input types). */
export interface EntityService<E extends EntityMeta, C, P> {
  /** Creates an entity; returns it at version 1. */
  create(actor: Actor, input: C): Promise<E>;
  /** Reads an entity the actor may see; `KitosNotFoundError` otherwise (existence is not revealed). */
  get(actor: Actor, uuid: string): Promise<E>;
  /** Changes only the fields present in `patch`. */
  patch(actor: Actor, uuid: string, patch: P, options?: WriteOptions): Promise<E>;
  /** Replaces all editable fields (omitted sections are reset, as KITOS's PUT does). */
  replace(actor: Actor, uuid: string, fields: unknown, options?: WriteOptions): Promise<E>;
  /** Deletes an entity, with its cascades, or refuses with a typed conflict. */
  delete(actor: Actor, uuid: string, options?: WriteOptions): Promise<void>;
  /** Lists entities the actor may read. */
  list(actor: Actor, query?: ListQuery): Promise<ListPage<E>>;
  /** What the actor may do with one entity. */
  permissions(actor: Actor, uuid: string): Promise<Permissions>;
}

/** Runs a call: the engine supplies transactions and actor resolution. */
export interface CallRunner {
  /** Runs `work` in a write transaction with a resolved actor. */
  write<R>(actor: Actor, work: (call: CallContext) => Promise<R>): Promise<R>;
  /** Runs `work` with a resolved actor for reading. */
  read<R>(actor: Actor, work: (call: CallContext) => Promise<R>): Promise<R>;
}

function parseInput<T>(spec: { def: EntityDefinition<never> }, schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new KitosValidationError(spec.def.module, toValidationIssues(r.error), { kind: spec.def.kind });
  return r.data;
}

/** Loads an entity the actor may read, or throws not-found. */
export async function loadVisible<E extends EntityMeta>(
  call: CallContext,
  spec: Pick<EntityServiceSpec<E, never, never, never, never>, 'def' | 'protect'>,
  uuid: string,
): Promise<{ entity: E; protectedEntity: ProtectedEntity }> {
  const entity = await readEntity(call.tx, spec.def, uuid);
  if (entity) {
    const protectedEntity = await spec.protect(call, entity);
    if (canRead(call.actor, protectedEntity)) return { entity, protectedEntity };
  }
  throw new KitosNotFoundError(spec.def.module, `${spec.def.kind} ${uuid} does not exist or is not visible to you`, {
    kind: spec.def.kind,
    uuid,
  });
}

function forbidden(spec: { def: EntityDefinition<never> }, what: string, uuid?: string): KitosForbiddenError {
  return new KitosForbiddenError(spec.def.module, `you may not ${what} this ${spec.def.kind}`, {
    kind: spec.def.kind,
    uuid,
  });
}

/**
 * Builds the CRUD service of one kind.
 *
 * @example
 * ```ts
 * const contracts = createEntityService(runner, contractSpec);
 * const c = await contracts.create(actor, { organizationUuid, name: 'ESDH drift' });
 * await contracts.patch(actor, c.uuid, { general: { notes: 'forlænget' } }, { expectedVersion: c.version });
 * ```
 */
export function createEntityService<E extends EntityMeta, C, P, CI = C, PI = P>(
  runner: CallRunner,
  spec: EntityServiceSpec<E, C, P, CI, PI>,
): EntityService<E, CI, PI> {
  const s = spec as unknown as { def: EntityDefinition<never> };

  async function save(
    call: CallContext,
    next: FieldsOf<E> & { uuid: string },
    current: E | undefined,
    options?: WriteOptions,
  ) {
    await spec.guard?.(call, next, current);
    await spec.check?.(call, next, current);
    const saved = await writeEntity(call.tx, spec.def, call.write, next as never, current, options);
    await spec.afterWrite?.(call, saved, current);
    return saved;
  }

  async function loadModifiable(call: CallContext, uuid: string) {
    const { entity, protectedEntity } = await loadVisible(call, spec, uuid);
    if (!canModify(call.actor, protectedEntity)) throw forbidden(s, 'change', uuid);
    return entity;
  }

  return {
    create: (actor, input) =>
      runner.write(actor, async (call) => {
        const parsed = parseInput(s, spec.createSchema as z.ZodType<C>, input);
        const org = spec.createOrganization(parsed);
        if (!canCreate(call.actor, spec.def.protectedKind, org)) throw forbidden(s, 'create');
        const fields = spec.prepareCreate
          ? await spec.prepareCreate(call, parsed)
          : mergePatch(blankFor(spec.fieldsSchema) as FieldsOf<E>, parsed);
        const uuid = (parsed as { uuid?: string }).uuid ?? call.write.newUuid();
        return save(call, { ...fields, uuid }, undefined);
      }),
    get: (actor, uuid) => runner.read(actor, async (call) => (await loadVisible(call, spec, uuid)).entity),
    patch: (actor, uuid, patch, options) =>
      runner.write(actor, async (call) => {
        const parsed = parseInput(s, spec.patchSchema as z.ZodType<P>, patch);
        const current = await loadModifiable(call, uuid);
        const next = spec.applyPatch
          ? await spec.applyPatch(call, current, parsed)
          : mergePatch(current as FieldsOf<E>, parsed);
        return save(call, { ...next, uuid }, current, options);
      }),
    replace: (actor, uuid, fields, options) =>
      runner.write(actor, async (call) => {
        const parsed = parseInput(s, spec.fieldsSchema, fields);
        const current = await loadModifiable(call, uuid);
        return save(call, { ...parsed, uuid }, current, options);
      }),
    delete: (actor, uuid, options) =>
      runner.write(actor, async (call) => {
        const { entity, protectedEntity } = await loadVisible(call, spec, uuid);
        if (!canDelete(call.actor, protectedEntity)) throw forbidden(s, 'delete', uuid);
        await spec.beforeDelete?.(call, entity);
        await deleteEntity(call.tx, spec.def, call.write, entity, options);
        await spec.afterDelete?.(call, entity);
      }),
    list: (actor, query = {}) =>
      runner.read(actor, async (call) => {
        const result = await call.tx.query<E>({
          kind: spec.def.kind,
          organizationUuids: query.organizationUuid ? [query.organizationUuid] : undefined,
          filter: query.filter,
          sort: query.sort ?? [{ field: 'name' }],
        });
        const visible: E[] = [];
        for (const r of result.records) {
          if (canRead(call.actor, await spec.protect(call, r.data))) visible.push(r.data);
        }
        const offset = query.offset ?? 0;
        const items = query.limit === undefined ? visible.slice(offset) : visible.slice(offset, offset + query.limit);
        return { items, total: visible.length };
      }),
    permissions: (actor, uuid) =>
      runner.read(actor, async (call) => {
        const entity = await readEntity(call.tx, spec.def, uuid);
        if (!entity) return { read: false, modify: false, delete: false };
        return permissionsFor(call.actor, await spec.protect(call, entity));
      }),
  };
}
