/**
 * Bulk loading: many records written in one transaction, each validated against its stored schema,
 * without one audit entry per record. For migrations from KITOS, published snapshots, demos and
 * benchmarks; everyday writes go through the services.
 *
 * @module
 */
import type { ItInterface } from '../catalogue/it-interface.schema.js';
import type { ItSystem } from '../catalogue/it-system.schema.js';
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { GlobalOption, LocalOption } from '../options/option.schema.js';
import type { KleTask } from '../organisation/kle.schema.js';
import type { OrganizationMembership } from '../organisation/membership.schema.js';
import type { Organization } from '../organisation/organization.schema.js';
import type { RoleAssignment } from '../organisation/role-assignment.schema.js';
import type { OrganizationUnit } from '../organisation/unit.schema.js';
import type { User } from '../organisation/user.schema.js';
import type { Project } from '../project/project.schema.js';
import { checkPortfolioIntegrity } from '../integrity/portfolio-integrity.js';
import { KitosValidationError } from '../shared/errors.js';
import { type EntityMeta, toValidationIssues } from '../shared/schema.js';
import type { StorageAdapter, StorageTransaction } from '../storage/port.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import {
  CONTRACT,
  CORE_STORAGE_SCHEMA,
  DPR,
  GLOBAL_OPTION,
  INTERFACE,
  KLE,
  LOCAL_OPTION,
  MEMBERSHIP,
  ORGANIZATION,
  PROJECT,
  SYSTEM,
  UNIT,
  UNIT_ROLE,
  USAGE,
  USER,
} from './kinds.js';
import type { EntityDefinition } from '../engine/repository.js';

/** One kind's part of a bulk load. */
interface Step {
  readonly kind: string;
  readonly count: number;
  write(tx: StorageTransaction): Promise<void>;
}

/** Records to load, by kind. Memberships, options, KLE tasks and unit roles may come without meta. */
export interface BulkRecords {
  readonly organizations?: readonly Organization[];
  readonly units?: readonly OrganizationUnit[];
  readonly users?: readonly User[];
  readonly memberships?: readonly OrganizationMembership[];
  /** Role assignments; those on organisation units are loaded (usage and registration roles live on those records). */
  readonly roleAssignments?: readonly RoleAssignment[];
  readonly options?: readonly GlobalOption[];
  readonly localOptions?: readonly LocalOption[];
  readonly kleTasks?: readonly KleTask[];
  readonly itSystems?: readonly ItSystem[];
  readonly itInterfaces?: readonly ItInterface[];
  readonly usages?: readonly ItSystemUsage[];
  readonly contracts?: readonly Contract[];
  readonly dataProcessingRegistrations?: readonly DataProcessingRegistration[];
  readonly projects?: readonly Project[];
}

/** Options of {@link bulkLoad}. */
export interface BulkLoadOptions {
  /** Timestamp for records that come without meta (default: now). */
  readonly now?: string;
  /** Author for records that come without meta. */
  readonly actorUuid?: string | null;
  /** Uuids for records that have none (memberships, unit roles); default `crypto.randomUUID`. */
  readonly newUuid?: () => string;
  /**
   * Check the input (default true): every record against its schema as it is written, then the
   * whole store with {@link checkPortfolioIntegrity} before the transaction commits, so links,
   * trees and unique keys across records hold as they do after service writes. `false` writes
   * trusted input (the generator, a published snapshot) as given, for speed.
   */
  readonly validate?: boolean;
  /** Called after each kind with how many records are written so far. */
  readonly onProgress?: (progress: { kind: string; done: number; total: number }) => void;
}

/**
 * Writes every record in one transaction (all or nothing), after migrating the store. Existing
 * uuids are a conflict: bulk loading never overwrites. Input that breaks a schema or a cross-record
 * invariant (a link to a missing or foreign record, a cycle, a second root, a duplicate key) is a
 * {@link KitosValidationError} listing every problem, and nothing is written.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * await bulkLoad(storage, { organizations: [org], units, usages });
 * const kitos = await createKitos({ storage });
 * ```
 */
export async function bulkLoad(
  storage: StorageAdapter,
  records: BulkRecords,
  options: BulkLoadOptions = {},
): Promise<{ written: number }> {
  const now = options.now ?? new Date().toISOString();
  const newUuid = options.newUuid ?? (() => globalThis.crypto.randomUUID());
  const meta = (uuid?: string) => ({
    uuid: uuid ?? newUuid(),
    version: 1,
    createdAt: now,
    createdBy: options.actorUuid ?? null,
    lastChanged: now,
    lastChangedBy: options.actorUuid ?? null,
  });
  const withMeta = <T extends object>(list: readonly T[] | undefined) =>
    (list ?? []).map((r) => ({ ...meta((r as { uuid?: string }).uuid), ...r }));
  /** One kind's records: parsed with the kind's schema (unless told not to), then put. */
  const step = <E extends EntityMeta>(def: EntityDefinition<E>, list: readonly object[]): Step => ({
    kind: def.kind,
    count: list.length,
    async write(tx) {
      for (const [i, raw] of list.entries()) {
        let entity: E;
        if (options.validate === false) {
          // Trusted input (the generator, a published snapshot): written as given, for speed.
          entity = raw as E;
        } else {
          const r = def.schema.safeParse(raw);
          if (!r.success) {
            throw new KitosValidationError(
              def.module,
              toValidationIssues(r.error).map((issue) => ({ ...issue, path: [def.kind, i, ...issue.path] })),
            );
          }
          entity = r.data;
        }
        await tx.put({
          kind: def.kind,
          uuid: entity.uuid,
          organizationUuid: def.organizationOf(entity),
          expectedVersion: 0,
          lastChanged: entity.lastChanged,
          index: def.index(entity),
          data: entity,
        });
      }
    },
  });
  const plan: Step[] = [
    step(ORGANIZATION, records.organizations ?? []),
    step(USER, records.users ?? []),
    step(MEMBERSHIP, withMeta(records.memberships)),
    step(GLOBAL_OPTION, withMeta(records.options)),
    step(LOCAL_OPTION, withMeta(records.localOptions)),
    step(KLE, withMeta(records.kleTasks)),
    step(UNIT, records.units ?? []),
    step(
      UNIT_ROLE,
      withMeta((records.roleAssignments ?? []).filter((r) => r.objectKind === 'organizationUnit')).map((r) => ({
        ...r,
        organizationUuid: (records.units ?? []).find((u) => u.uuid === r.objectUuid)?.organizationUuid,
      })),
    ),
    step(SYSTEM, records.itSystems ?? []),
    step(INTERFACE, records.itInterfaces ?? []),
    step(USAGE, records.usages ?? []),
    step(CONTRACT, records.contracts ?? []),
    step(DPR, records.dataProcessingRegistrations ?? []),
    step(PROJECT, records.projects ?? []),
  ];
  const total = plan.reduce((n, p) => n + p.count, 0);
  await storage.migrate(CORE_STORAGE_SCHEMA);
  let done = 0;
  await storage.transaction(async (tx) => {
    for (const p of plan) {
      await p.write(tx);
      done += p.count;
      options.onProgress?.({ kind: p.kind, done, total });
    }
    if (options.validate === false) return;
    const problems = await checkPortfolioIntegrity(tx);
    if (problems.length > 0)
      throw new KitosValidationError(
        'core',
        problems.map((p) => ({ path: [p.kind, p.uuid, ...p.field.split('.')], code: p.code, message: p.message })),
      );
  });
  return { written: done };
}
