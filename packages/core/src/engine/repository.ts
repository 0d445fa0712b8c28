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
import { type EntityMeta, toValidationIssues } from '../shared/schema.js';
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
  /**
   * Owning organisation (creating organisation for catalogue entries); `null` for global data.
   * Reads only the editable fields and the uuid, so it answers for a record about to be written.
   */
  organizationOf(entity: Omit<E, keyof EntityMeta> & { uuid: string }): string | null;
  /** Values of {@link EntityDefinition.fields} for an entity. */
  index(entity: E): IndexValues;
}

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
 * Writes a new version (or the first) of an entity: fills the meta fields, validates the whole
 * entity with its schema, stores it at the expected version and appends the audit entry.
 */
export async function writeEntity<E extends EntityMeta>(
  tx: StorageTransaction,
  def: EntityDefinition<E>,
  ctx: WriteContext,
  next: Omit<E, keyof EntityMeta> & { uuid: string },
  current: E | undefined,
  options: WriteOptions = {},
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
  const parsed = def.schema.safeParse(candidate);
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
