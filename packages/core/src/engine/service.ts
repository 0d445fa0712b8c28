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
  type ReadScope,
  readFilter,
} from '../access/policy.js';
import {
  KitosConflictError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosValidationError,
  type ValidationIssue,
} from '../shared/errors.js';
import type { IssueCode } from '../shared/issue-codes.js';
import type { EntityMeta } from '../shared/schema.js';
import { toValidationIssues } from '../shared/schema.js';
import type { Filter, SortKey } from '../storage/port.js';
import type { CallContext } from './call.js';
import { blankFor, mergePatch } from './defaults.js';
import { isKnownValid } from './known-valid.js';
import { detachReferrers, type Reference, referrers } from './references.js';
import { deleteEntity, type EntityDefinition, readEntity, type WriteOptions, writeEntity } from './repository.js';

/** The editable part of an entity (no meta). */
export type FieldsOf<E extends EntityMeta> = Omit<E, keyof EntityMeta>;

/** Kind-specific behaviour of an entity service. */
export interface EntityServiceSpec<E extends EntityMeta, C, P, CI = C, PI = P, L extends string = never> {
  readonly def: EntityDefinition<E>;
  /**
   * Schema of the editable fields (used for `replace`). It may leave out the organisation, which
   * never changes and is taken from the stored record.
   */
  readonly fieldsSchema: z.ZodType<Omit<FieldsOf<E>, 'organizationUuid'>>;
  readonly createSchema: z.ZodType<C, CI>;
  readonly patchSchema: z.ZodType<P, PI>;
  /** Facts for the permission rules. */
  protect(call: CallContext, entity: E): Promise<ProtectedEntity> | ProtectedEntity;
  /** The organisation a new entity goes into (permission to create is checked there). */
  createOrganization(input: C): string | null;
  /** Fields of a new entity from the parsed input (default: blank fields overlaid with the input). */
  prepareCreate?(call: CallContext, input: C): Promise<FieldsOf<E>> | FieldsOf<E>;
  /**
   * Applies a parsed patch (default: {@link mergePatch}); gate rules live here. `currentValid` says
   * that `current` is known to pass the kind's schema (see `EntityDefinition.sections`), so the
   * rule may parse only the fields the patch changes.
   */
  applyPatch?(call: CallContext, current: E, patch: P, currentValid: boolean): Promise<FieldsOf<E>> | FieldsOf<E>;
  /**
   * Fields the core keeps from other fields of the record (e.g. a project's joint organisations
   * from its participants): computed from the next state and the stored one on every write path,
   * before any check; throw typed errors for contradictions.
   */
  derive?(next: FieldsOf<E> & { uuid: string }, current: E | undefined): FieldsOf<E>;
  /** Rules over the whole next state (uniqueness, links, trees); throw typed errors. */
  check?(call: CallContext, next: FieldsOf<E> & { uuid: string }, current: E | undefined): Promise<void> | void;
  /** Field-level permission limits (e.g. only global admins change the registration scope). */
  guard?(call: CallContext, next: FieldsOf<E>, current: E | undefined): Promise<void> | void;
  /** Delete conflicts; throw to refuse. */
  beforeDelete?(call: CallContext, current: E): Promise<void> | void;
  /**
   * What a delete with `breakBindings` does first (see {@link DeleteOptions}); kinds without it
   * refuse the option.
   */
  breakBindings?(call: CallContext, current: E): Promise<void>;
  /** Cascades after the entity is deleted, in the same transaction. */
  afterDelete?(call: CallContext, current: E): Promise<void> | void;
  /**
   * Links that follow a deleted entity of this kind away (see {@link Reference}); the delete
   * detaches every record that points at it through one of them, in the same transaction.
   */
  readonly detach?: readonly Reference[];
  /**
   * Top-level fields besides `organizationUuid` that never change after create (e.g. a usage's
   * system). Every write path refuses to change them; `replace` takes them from the stored entity.
   */
  readonly immutable?: readonly string[];
  /**
   * Lock keys besides the owning organisation's, for rules that reach across organisations (a
   * usage and the catalogue system it uses, a system's place in the shared hierarchy). Called
   * with the parsed input (create) or the stored entity and the raw input (other writes).
   */
  extraLocks?(subject: { input?: unknown; current?: E }): readonly string[];
  /**
   * What the actor may read of this kind, as a filter over its index fields (default: the
   * policy's {@link readFilter} for the kind). `list` pushes it into the storage query, so paging
   * and totals count only readable entities and never load the rest.
   */
  readScope?(call: CallContext): Promise<ReadScope> | ReadScope;
  /** Side effects after a create or update, in the same transaction (e.g. clearing links). */
  afterWrite?(call: CallContext, entity: E, previous: E | undefined): Promise<void> | void;
  /** List fields with add-one and remove-one operations (see {@link ListFieldSpec}). */
  readonly lists?: Readonly<Record<L, ListFieldSpec>>;
}

/**
 * A list field of a kind that has add-one and remove-one operations beside the whole-list patch
 * (KITOS's list endpoints). Items are matched by `key`: the value itself for lists of uuids or
 * enum values, a field (or several) for lists of objects.
 */
export interface ListFieldSpec {
  /** Where the list sits in the record, e.g. `['gdpr', 'dataSensitivityLevels']`. */
  readonly path: readonly string[];
  /** The identity of an item (default: the item itself, for lists of strings). */
  key?(item: unknown): string;
  /** The conflict code when the item is already there (default `already-exists`). */
  readonly conflictCode?: IssueCode;
}

/** Records of one kind that let go of a deleted record through one field (the reference table the delete runs on). */
export interface DetachedRecords {
  /** Kind of the records, e.g. `itSystemUsage`. */
  readonly kind: string;
  /** The field that points at the deleted record, e.g. `general.mainContractUuid`. */
  readonly field: string;
  /** The records, with their names where the kind has one (usages have none of their own). */
  readonly records: readonly { readonly uuid: string; readonly name: string | null }[];
}

/**
 * What a delete takes with it (see `EntityService.deleteConsequences`): the item count of each
 * of the record's own list fields that is not empty (e.g. `{ roles: 2, systemUsages: 3 }`; the
 * items go with the record, records they name stay), and the records that let go of it.
 */
export interface DeleteConsequences {
  readonly kind: string;
  readonly uuid: string;
  /** The version the consequences were read at: delete with it as `expectedVersion`. */
  readonly version: number;
  readonly lists: Readonly<Record<string, number>>;
  readonly detached: readonly DetachedRecords[];
}

/** Options of a delete. */
export interface DeleteOptions extends WriteOptions {
  /**
   * Catalogue systems only, global admins only: delete the system's usages, detach its sub-systems
   * and stop its interfaces being exposed, then delete it, in one transaction (KITOS's "break
   * bindings"). Without it, a system in use, with children or exposing interfaces is refused.
   */
  readonly breakBindings?: boolean;
}

/** Default page size of `list` calls. */
export const DEFAULT_LIST_LIMIT = 100;
/** Largest page a `list` call returns (KITOS API v2 pages hold at most 250). */
export const MAX_LIST_LIMIT = 1000;

/** Query of a `list` call. Filters and sorts name index fields of the kind. */
export interface ListQuery {
  /** Only this organisation. */
  readonly organizationUuid?: string;
  readonly filter?: Filter;
  readonly sort?: readonly SortKey[];
  readonly offset?: number;
  /** Page size: default {@link DEFAULT_LIST_LIMIT}, at most {@link MAX_LIST_LIMIT}. */
  readonly limit?: number;
}

/** A page of a list with the total count. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/**
 * Every item a paged `list` call finds, read page by page at {@link MAX_LIST_LIMIT} (one call
 * returns one page, {@link DEFAULT_LIST_LIMIT} items unless asked for more). For work that needs
 * all of an organisation's records, such as imports and exports. Inside a unit of work the pages
 * are one consistent view; outside it, records written between two pages may be missed or seen
 * twice, as with any paging.
 *
 * @example
 * ```ts
 * const units = await listAll((q) => kitos.units.list(actor, q), { organizationUuid });
 * ```
 */
export async function listAll<T>(
  list: (query: ListQuery) => Promise<ListPage<T>>,
  query: Omit<ListQuery, 'offset' | 'limit'> = {},
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await list({ ...query, offset: items.length, limit: MAX_LIST_LIMIT });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/**
 * The CRUD surface every entity service offers (`C`/`P`: the create and patch input types; `L`:
 * the names of the kind's list fields with add-one and remove-one operations).
 */
export interface EntityService<E extends EntityMeta, C, P, L extends string = never> {
  /** Creates an entity; returns it at version 1. */
  create(actor: Actor, input: C): Promise<E>;
  /** Reads an entity the actor may see; `KitosNotFoundError` otherwise (existence is not revealed). */
  get(actor: Actor, uuid: string): Promise<E>;
  /** Changes only the fields present in `patch`. */
  patch(actor: Actor, uuid: string, patch: P, options?: WriteOptions): Promise<E>;
  /** Replaces all editable fields (omitted sections are reset, as KITOS's PUT does). */
  replace(actor: Actor, uuid: string, fields: unknown, options?: WriteOptions): Promise<E>;
  /** Deletes an entity, with its cascades, or refuses with a typed conflict. */
  delete(actor: Actor, uuid: string, options?: DeleteOptions): Promise<void>;
  /** Lists entities the actor may read. */
  list(actor: Actor, query?: ListQuery): Promise<ListPage<E>>;
  /** What the actor may do with one entity. */
  permissions(actor: Actor, uuid: string): Promise<Permissions>;
  /**
   * What deleting the entity would take with it, read from the same tables the delete runs on: the
   * items of its own list fields (deleted with it) and the records that let go of it (the kind's
   * detaching references). Needs read access only; says nothing about whether the actor may delete.
   */
  deleteConsequences(actor: Actor, uuid: string): Promise<DeleteConsequences>;
  /**
   * Adds one item to a list field, through the same checks as a patch of the whole list. An item
   * already there is a conflict (`already-exists`, or the list's own code).
   */
  addItem(actor: Actor, uuid: string, list: L, item: unknown, options?: WriteOptions): Promise<E>;
  /**
   * Removes the item with `key` (the value itself for lists of strings) from a list field, through
   * the same checks as a patch of the whole list. An absent item is `KitosNotFoundError`
   * (`item-not-found`).
   */
  removeItem(actor: Actor, uuid: string, list: L, key: string, options?: WriteOptions): Promise<E>;
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

/** The lock key of an organisation: every write to its data takes it before its checks. */
export function organizationLock(organizationUuid: string): string {
  return `org:${organizationUuid}`;
}

/** The lock key of data without an owning organisation (users, global options), per kind. */
export function kindLock(kind: string): string {
  return `kind:${kind}`;
}

type AnySpec<E extends EntityMeta> = Pick<
  EntityServiceSpec<E, never, never, never, never>,
  'def' | 'derive' | 'guard' | 'check' | 'afterWrite' | 'immutable' | 'extraLocks'
>;

/**
 * Locks what a write of `spec`'s kind must hold before it reads anything it will check: the
 * owning organisation (or the kind, for global data) and the spec's extra keys. On adapters with
 * concurrent transactions this is what makes "check, then write" safe against other writers.
 */
export async function lockForWrite<E extends EntityMeta>(
  call: CallContext,
  spec: AnySpec<E>,
  owner: string | null,
  subject: { input?: unknown; current?: E },
): Promise<void> {
  const keys = [owner ? organizationLock(owner) : kindLock(spec.def.kind), ...(spec.extraLocks?.(subject) ?? [])];
  await call.tx.lock(keys);
}

function immutableViolation(def: EntityDefinition<never>, field: string, uuid: string): KitosValidationError {
  return new KitosValidationError(
    def.module,
    [{ path: [field], code: 'immutable', message: `${field} cannot change after the ${def.kind} is created` }],
    { kind: def.kind, uuid },
  );
}

/**
 * The one write path of every service: the derived fields (`derive`), field-level permission
 * limits (`guard`), the fields that never change, the reference fields (the runtime's `checkWrite`), the kind's rules over the whole
 * next state (`check`), the versioned and audited
 * write, then side effects (`afterWrite`). Create, patch, replace, moves and imports all end
 * here, so a rule checked in `check` holds whichever way the data arrived.
 */
export async function saveEntity<E extends EntityMeta>(
  call: CallContext,
  spec: AnySpec<E>,
  given: FieldsOf<E> & { uuid: string },
  current: E | undefined,
  options?: WriteOptions,
  validated?: object,
): Promise<E> {
  const def = spec.def as unknown as EntityDefinition<never>;
  const next = spec.derive ? { ...spec.derive(given, current), uuid: given.uuid } : given;
  if (current) {
    if (spec.def.organizationOf(next) !== spec.def.organizationOf(current))
      throw immutableViolation(def, 'organizationUuid', current.uuid);
    for (const field of spec.immutable ?? []) {
      const before = (current as Record<string, unknown>)[field];
      if ((next as Record<string, unknown>)[field] !== before) throw immutableViolation(def, field, current.uuid);
    }
  }
  await spec.guard?.(call, next, current);
  await call.checkWrite?.(call, spec.def as unknown as EntityDefinition, next, current);
  await spec.check?.(call, next, current);
  const saved = await writeEntity(call.tx, spec.def, call.write, next, current, options, validated);
  await spec.afterWrite?.(call, saved, current);
  return saved;
}

/** The value at `path` in a record (`undefined` when a step is missing). */
function valueAtPath(record: unknown, path: readonly string[]): unknown {
  let at: unknown = record;
  for (const step of path) at = isRecord(at) ? at[step] : undefined;
  return at;
}

/** A patch that sets `path` to `value`, e.g. `{ gdpr: { dataSensitivityLevels: [...] } }`. */
function patchAt(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, step) => ({ [step]: inner }), value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasKey(schema: z.ZodType, key: string): boolean {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return !!shape && Object.hasOwn(shape, key);
}

/** A page size within bounds, or a validation error naming the field. */
export function pageOf(
  module: EntityDefinition['module'],
  query: { offset?: unknown; limit?: unknown },
  defaults: { limit: number; max: number } = { limit: DEFAULT_LIST_LIMIT, max: MAX_LIST_LIMIT },
): { offset: number; limit: number } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? defaults.limit;
  const issues: ValidationIssue[] = [];
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
    issues.push({ path: ['offset'], code: 'invalid-number', message: 'offset must be a non-negative integer' });
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0 || limit > defaults.max)
    issues.push({
      path: ['limit'],
      code: 'invalid-number',
      message: `limit must be an integer from 0 to ${defaults.max}`,
    });
  if (issues.length) throw new KitosValidationError(module, issues);
  return { offset: offset as number, limit: limit as number };
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
export function createEntityService<E extends EntityMeta, C, P, CI = C, PI = P, L extends string = never>(
  runner: CallRunner,
  spec: EntityServiceSpec<E, C, P, CI, PI, L>,
): EntityService<E, CI, PI, L> {
  const s = spec as unknown as { def: EntityDefinition<never> };
  const immutables = ['organizationUuid', ...(spec.immutable ?? [])];

  /**
   * Reads the entity once to learn its organisation, locks, then reads it again: the second read
   * sees every write that committed before the lock was granted, so a write without an expected
   * version applies on top of them instead of failing as stale.
   */
  async function lockAndLoad(call: CallContext, uuid: string, input: unknown) {
    const first = await readEntity(call.tx, spec.def, typeof uuid === 'string' ? uuid : String(uuid));
    if (first) await lockForWrite(call, spec, spec.def.organizationOf(first), { input, current: first });
    return loadVisible(call, spec, uuid);
  }

  async function loadModifiable(call: CallContext, uuid: string, input: unknown) {
    const { entity, protectedEntity } = await lockAndLoad(call, uuid, input);
    if (!canModify(call.actor, protectedEntity)) throw forbidden(s, 'change', uuid);
    return entity;
  }

  /** Applies a parsed patch and saves: the one path of `patch` and the list operations. */
  async function patchWith(call: CallContext, current: E, parsed: P, options?: WriteOptions): Promise<E> {
    const next = spec.applyPatch
      ? await spec.applyPatch(call, current, parsed, !!spec.def.sections && isKnownValid(spec.def.kind, current))
      : mergePatch(current as FieldsOf<E>, parsed);
    // A patch rule that parsed the merged record with the kind's schema hands that output on, so
    // the write parses only what it adds (see `writeEntity`).
    return saveEntity(call, spec, { ...next, uuid: current.uuid }, current, options, next);
  }

  /** Changes one list field by `change` (given the current items), as a patch of the whole list. */
  function changeList(
    actor: Actor,
    uuid: string,
    list: L,
    options: WriteOptions | undefined,
    change: (items: readonly unknown[], field: ListFieldSpec & { key(item: unknown): string }) => unknown[],
  ): Promise<E> {
    return runner.write(actor, async (call) => {
      const declared = spec.lists && Object.hasOwn(spec.lists, list) ? spec.lists[list] : undefined;
      if (!declared)
        throw new KitosValidationError(spec.def.module, [
          { path: ['list'], code: 'invalid-options', message: `a ${spec.def.kind} has no list "${String(list)}"` },
        ]);
      // Uuids match whatever their case (as stored lists are distinct case-insensitively).
      const keyOf = declared.key ?? ((item: unknown) => String(item));
      const field = { ...declared, key: (item: unknown) => keyOf(item).toLowerCase() };
      const current = await loadModifiable(call, uuid, undefined);
      const items = valueAtPath(current, field.path);
      const patch = patchAt(field.path, change(Array.isArray(items) ? items : [], field));
      return patchWith(call, current, parseInput(s, spec.patchSchema as z.ZodType<P>, patch), options);
    });
  }

  return {
    create: (actor, input) =>
      runner.write(actor, async (call) => {
        const parsed = parseInput(s, spec.createSchema as z.ZodType<C>, input);
        const org = spec.createOrganization(parsed);
        if (!canCreate(call.actor, spec.def.protectedKind, org)) throw forbidden(s, 'create');
        await lockForWrite(call, spec, org, { input: parsed });
        const fields = spec.prepareCreate
          ? await spec.prepareCreate(call, parsed)
          : mergePatch(blankFor(spec.fieldsSchema) as FieldsOf<E>, parsed);
        const given = (parsed as { uuid?: string }).uuid;
        // A caller-supplied uuid (imports keep their source's ids) must be new for the kind.
        if (given !== undefined && (await readEntity(call.tx, spec.def, given)))
          throw new KitosConflictError(spec.def.module, `a ${spec.def.kind} with uuid ${given} already exists`, {
            code: 'duplicate-uuid',
            kind: spec.def.kind,
            uuid: given,
          });
        const uuid = given ?? call.write.newUuid();
        return saveEntity(call, spec, { ...fields, uuid }, undefined);
      }),
    get: (actor, uuid) => runner.read(actor, async (call) => (await loadVisible(call, spec, uuid)).entity),
    patch: (actor, uuid, patch, options) =>
      runner.write(actor, async (call) => {
        const parsed = parseInput(s, spec.patchSchema as z.ZodType<P>, patch);
        const current = await loadModifiable(call, uuid, parsed);
        return patchWith(call, current, parsed, options);
      }),
    addItem: (actor, uuid, list, item, options) =>
      changeList(actor, uuid, list, options, (items, field) => {
        const key = field.key(item);
        if (items.some((i) => field.key(i) === key))
          throw new KitosConflictError(spec.def.module, `the ${field.path.join('.')} list already holds ${key}`, {
            code: field.conflictCode ?? 'already-exists',
            list,
            key,
          });
        return [...items, item];
      }),
    removeItem: (actor, uuid, list, key, options) =>
      changeList(actor, uuid, list, options, (items, field) => {
        const kept = items.filter((i) => field.key(i) !== key.toLowerCase());
        if (kept.length === items.length)
          throw new KitosNotFoundError(spec.def.module, `the ${field.path.join('.')} list does not hold ${key}`, {
            code: 'item-not-found',
            list,
            key,
          });
        return kept;
      }),
    replace: (actor, uuid, fields, options) =>
      runner.write(actor, async (call) => {
        const current = await loadModifiable(call, uuid, fields);
        // Fields that never change come from the stored entity; sending them is allowed only
        // unchanged (so a GET body can be PUT back), and a schema without them never sees them.
        const body = isRecord(fields) ? { ...fields } : fields;
        const kept: Record<string, unknown> = {};
        for (const field of immutables) {
          const stored = (current as Record<string, unknown>)[field];
          if (isRecord(body) && Object.hasOwn(body, field)) {
            if (body[field] !== stored) throw immutableViolation(s.def, field, current.uuid);
            if (!hasKey(spec.fieldsSchema, field)) delete body[field];
          }
          if (stored !== undefined) kept[field] = stored;
        }
        const known = Object.fromEntries(Object.entries(kept).filter(([k]) => hasKey(spec.fieldsSchema, k)));
        const parsed = parseInput(s, spec.fieldsSchema, isRecord(body) ? { ...body, ...known } : body);
        // The parsed editable fields plus the stored ones that never change make the whole record.
        const next = { ...parsed, ...kept, uuid: current.uuid } as FieldsOf<E> & { uuid: string };
        return saveEntity(call, spec, next, current, options);
      }),
    delete: (actor, uuid, options) =>
      runner.write(actor, async (call) => {
        const { entity, protectedEntity } = await lockAndLoad(call, uuid, undefined);
        if (!canDelete(call.actor, protectedEntity)) throw forbidden(s, 'delete', uuid);
        if (options?.breakBindings !== undefined) {
          if (typeof options.breakBindings !== 'boolean' || !spec.breakBindings)
            throw new KitosValidationError(spec.def.module, [
              {
                path: ['breakBindings'],
                code: 'invalid-options',
                message: `a ${spec.def.kind} has no bindings to break`,
              },
            ]);
          if (options.breakBindings) await spec.breakBindings(call, entity);
        }
        await spec.beforeDelete?.(call, entity);
        await deleteEntity(call.tx, spec.def, call.write, entity, options);
        if (spec.detach)
          await detachReferrers(call, spec.detach, {
            kind: spec.def.kind,
            uuid: entity.uuid,
            organizationUuid: spec.def.organizationOf(entity),
          });
        await spec.afterDelete?.(call, entity);
      }),
    list: (actor, query = {}) =>
      runner.read(actor, async (call) => {
        const page = pageOf(spec.def.module, query);
        const scope = spec.readScope ? await spec.readScope(call) : readFilter(call.actor, spec.def.protectedKind);
        if (scope === 'none') return { items: [], total: 0 };
        const filters = [query.filter, scope === 'all' ? undefined : scope].filter((f): f is Filter => !!f);
        const result = await call.tx.query<E>({
          kind: spec.def.kind,
          organizationUuids: query.organizationUuid !== undefined ? [query.organizationUuid] : undefined,
          filter: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { op: 'and', filters },
          sort: query.sort ?? [{ field: 'name' }],
          offset: page.offset,
          limit: page.limit,
          count: true,
        });
        return { items: result.records.map((r) => r.data), total: result.total ?? result.records.length };
      }),
    deleteConsequences: (actor, uuid) =>
      runner.read(actor, async (call) => {
        const { entity } = await loadVisible(call, spec, uuid);
        const lists: Record<string, number> = {};
        for (const [name, field] of Object.entries(spec.lists ?? {}) as [string, ListFieldSpec][]) {
          const items = field.path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], entity);
          if (Array.isArray(items) && items.length > 0) lists[name] = items.length;
        }
        const found = await referrers(
          call,
          (spec.detach ?? []).filter((r) => r.onDelete !== 'block'),
          { kind: spec.def.kind, uuid: entity.uuid, organizationUuid: spec.def.organizationOf(entity) },
        );
        const groups = new Map<string, { kind: string; field: string; records: Map<string, string | null> }>();
        for (const { reference, entity: from } of found) {
          if (from.uuid === entity.uuid) continue; // a link of the record to itself goes with it
          const key = `${reference.from.kind}:${reference.field}`;
          const group = groups.get(key) ?? { kind: reference.from.kind, field: reference.field, records: new Map() };
          const name = (from as { name?: unknown }).name;
          group.records.set(from.uuid, typeof name === 'string' ? name : null);
          groups.set(key, group);
        }
        return {
          kind: spec.def.kind,
          uuid: entity.uuid,
          version: entity.version,
          lists,
          detached: [...groups.values()].map((g) => ({
            kind: g.kind,
            field: g.field,
            records: [...g.records].map(([uuid, name]) => ({ uuid, name })),
          })),
        };
      }),
    permissions: (actor, uuid) =>
      runner.read(actor, async (call) => {
        const entity = await readEntity(call.tx, spec.def, uuid);
        if (!entity) return { read: false, modify: false, delete: false };
        return permissionsFor(call.actor, await spec.protect(call, entity));
      }),
  };
}
