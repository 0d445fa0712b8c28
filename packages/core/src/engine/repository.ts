/**
 * Generic, versioned, audited reads and writes of one entity kind inside a storage transaction.
 * Every service builds on these three operations, so every write bumps the version, stamps
 * `lastChanged`, checks the caller's expected version and appends an audit entry — in the same
 * transaction as the change.
 *
 * @module
 */
import type { z } from 'zod';
import type { ProtectedKind } from '../access/policy.js';
import { KitosConflictError, type KitosModule, KitosValidationError } from '../shared/errors.js';
import {
  type EntityMeta,
  type ObjectSections,
  parseChangedFields,
  toValidationIssues,
  wasParsedBy,
} from '../shared/schema.js';
import { rememberValid } from './known-valid.js';
import type {
  IndexFieldDefinition,
  IndexValues,
  StorageReader,
  StorageTransaction,
  UniqueConstraint,
} from '../storage/port.js';
import { type AuditEntry, auditDiff } from './audit.js';

/** Storage kind of audit entries. */
export const AUDIT_KIND = 'audit';

/**
 * A field that holds the uuid of shared reference data or of a person, checked on every write
 * (see `checkReferenceFields` in the services): an option of one type that must exist and, when
 * newly set, be available in the owning organisation; a loaded KLE task; an organisation the
 * writer can see; a user who is a member of the owning organisation. `path` is dotted, with `*`
 * for each item of a list (`roles.*.userUuid`).
 */
export type ReferenceField =
  | { readonly path: string; readonly target: 'option'; readonly optionType: string }
  | { readonly path: string; readonly target: 'kle' | 'organization' | 'member' };

/** How one entity kind is stored, indexed and protected. */
export interface EntityDefinition<E extends EntityMeta = EntityMeta> {
  /** Storage kind and audit `entityKind`, e.g. `itContract`. */
  readonly kind: string;
  readonly module: KitosModule;
  readonly protectedKind: ProtectedKind;
  /** The schema of the stored entity, meta included. */
  readonly schema: z.ZodType<E>;
  /** Index fields the overviews and lookups filter and sort on. */
  readonly fields: readonly IndexFieldDefinition[];
  /** Uniqueness the storage guarantees on top of the services' checks (see the port). */
  readonly unique?: readonly UniqueConstraint[];
  /** Fields pointing at options, KLE, organisations and members, checked on every write. */
  readonly referenceFields?: readonly ReferenceField[];
  /**
   * {@link EntityDefinition.schema} taken apart, when it is an object schema: each top-level
   * field's schema and the check over the whole record. With it, a write whose fields came out of
   * that schema a moment before (a patch rule that parsed the merged record) parses only the fields
   * that differ from that output (the bookkeeping fields) and runs the whole-record check, instead
   * of parsing every field again.
   */
  readonly sections?: EntitySections;
  /**
   * Owning organisation (creating organisation for catalogue entries); `null` for global data.
   * Reads only the editable fields and the uuid, so it answers for a record about to be written.
   */
  organizationOf(entity: Omit<E, keyof EntityMeta> & { uuid: string }): string | null;
  /** Values of {@link EntityDefinition.fields} for an entity. */
  index(entity: E): IndexValues;
}

/** An object schema taken apart (see {@link EntityDefinition.sections}). */
export type EntitySections = ObjectSections;

/** Who writes, and when. */
export interface WriteContext {
  readonly actorUuid: string | null;
  /** UTC timestamp of this call. */
  readonly now: string;
  newUuid(): string;
}

/** Options every write accepts. */
export interface WriteOptions {
  /**
   * The version the caller last read. When given and the stored version differs, the write is
   * refused with a `KitosConflictError` instead of overwriting someone else's change.
   */
  readonly expectedVersion?: number;
}

/** Reads an entity's current stored form, or `undefined`. */
export async function readEntity<E extends EntityMeta>(
  tx: StorageReader,
  def: EntityDefinition<E>,
  uuid: string,
): Promise<E | undefined> {
  const r = await tx.get<E>(def.kind, uuid);
  if (!r) return undefined;
  // The storage's version is the one optimistic locking checks; it wins over the copy in the data.
  return r.data.version === r.version ? r.data : { ...r.data, version: r.version };
}

function checkExpectedVersion(def: EntityDefinition<never>, current: EntityMeta, options: WriteOptions): void {
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new KitosConflictError(
      def.module,
      `${def.kind} ${current.uuid} was changed by someone else (you have version ${options.expectedVersion}, it is now ${current.version})`,
      { kind: def.kind, uuid: current.uuid, expectedVersion: options.expectedVersion, actualVersion: current.version },
    );
  }
}

async function appendAudit(
  tx: StorageTransaction,
  ctx: WriteContext,
  entry: Omit<AuditEntry, 'uuid' | 'at' | 'actorUuid'>,
) {
  const full: AuditEntry = { uuid: ctx.newUuid(), at: ctx.now, actorUuid: ctx.actorUuid, ...entry };
  await tx.put({
    kind: AUDIT_KIND,
    uuid: full.uuid,
    organizationUuid: full.organizationUuid,
    expectedVersion: 0,
    lastChanged: ctx.now,
    index: { entityKind: full.entityKind, entityUuid: full.entityUuid, at: full.at, actorUuid: full.actorUuid },
    data: full,
  });
}

/**
 * The stored form of `candidate` by the kind's schema. When `validated` is an object the schema
 * itself produced in this write (see `wasParsedBy`) and the kind has {@link EntityDefinition.sections},
 * the fields `candidate` shares with it (the same value, or the same object) have passed their
 * schema already: only the other fields are parsed, then the whole-record check runs on the
 * result. Anything short of a clean pass (an unknown field, a failing field or check) parses the
 * whole candidate, so the errors are exactly the schema's.
 */
function parseStored<E extends EntityMeta>(
  def: EntityDefinition<E>,
  candidate: Record<string, unknown>,
  validated: object | undefined,
): { success: true; data: E } | { success: false; error: z.ZodError } {
  const sections = def.sections;
  if (sections && validated !== undefined && wasParsedBy(validated, def.schema)) {
    const parsed = parseChangedFields(sections, candidate, validated);
    if (parsed !== undefined) return { success: true, data: parsed as E };
  }
  return def.schema.safeParse(candidate);
}

/**
 * Writes a new version (or the first) of an entity: fills the meta fields, validates the whole
 * entity with its schema, stores it at the expected version and appends the audit entry. `validated`
 * (internal): an object the kind's schema produced in this write that the fields were taken from
 * (see {@link parseStored}).
 */
export async function writeEntity<E extends EntityMeta>(
  tx: StorageTransaction,
  def: EntityDefinition<E>,
  ctx: WriteContext,
  next: Omit<E, keyof EntityMeta> & { uuid: string },
  current: E | undefined,
  options: WriteOptions = {},
  validated?: object,
): Promise<E> {
  if (current) checkExpectedVersion(def as EntityDefinition<never>, current, options);
  const candidate = {
    ...next,
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? ctx.now,
    createdBy: current?.createdBy ?? ctx.actorUuid,
    lastChanged: ctx.now,
    lastChangedBy: ctx.actorUuid,
  };
  const parsed = parseStored(def, candidate, validated);
  if (!parsed.success) throw new KitosValidationError(def.module, toValidationIssues(parsed.error), { kind: def.kind });
  const entity = parsed.data;
  const changes = auditDiff(current ?? {}, entity);
  if (current && changes.length === 0) return current; // nothing changed: no new version, no audit noise
  await tx.put({
    kind: def.kind,
    uuid: entity.uuid,
    organizationUuid: def.organizationOf(entity),
    expectedVersion: current?.version ?? 0,
    lastChanged: ctx.now,
    index: def.index(entity),
    data: entity,
  });
  await appendAudit(tx, ctx, {
    action: current ? 'update' : 'create',
    entityKind: def.kind,
    entityUuid: entity.uuid,
    organizationUuid: def.organizationOf(entity),
    version: entity.version,
    changes,
  });
  // The next patch of this record can parse only what it changes (see `known-valid`).
  if (def.sections) rememberValid(def.kind, entity, current);
  return entity;
}

/** Deletes an entity at its current (or the caller's expected) version, with an audit entry. */
export async function deleteEntity<E extends EntityMeta>(
  tx: StorageTransaction,
  def: EntityDefinition<E>,
  ctx: WriteContext,
  current: E,
  options: WriteOptions = {},
): Promise<void> {
  checkExpectedVersion(def as EntityDefinition<never>, current, options);
  await tx.delete(def.kind, current.uuid, current.version, ctx.now);
  await appendAudit(tx, ctx, {
    action: 'delete',
    entityKind: def.kind,
    entityUuid: current.uuid,
    organizationUuid: def.organizationOf(current),
    version: current.version,
    changes: auditDiff(current, {}),
  });
}
