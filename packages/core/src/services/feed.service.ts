/**
 * The change feed and the audit history, filtered by what the actor may read.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { canRead, type ProtectedEntity } from '../access/policy.js';
import type { AuditEntry } from '../engine/audit.js';
import type { CallContext } from '../engine/call.js';
import { ENTITY_DEFINITIONS } from '../engine/kinds.js';
import { AUDIT_KIND } from '../engine/repository.js';
import type { CallRunner } from '../engine/service.js';
import type { StoredRecord } from '../storage/port.js';

/** One changed entity in the feed. */
export interface FeedChange {
  readonly kind: string;
  readonly uuid: string;
  readonly version: number;
  readonly lastChanged: string;
  readonly data: unknown;
}

/** One deleted entity in the feed. */
export interface FeedDeletion {
  readonly kind: string;
  readonly uuid: string;
  readonly deletedAt: string;
}

/** A page of the change feed; ask again from `next`. */
export interface FeedPage {
  readonly changed: readonly FeedChange[];
  readonly deleted: readonly FeedDeletion[];
  readonly next: number;
}

/** The change feed and history service. */
export interface FeedService {
  /**
   * Entities changed or deleted after `since` (0 for everything) that the actor may see.
   *
   * @example
   * ```ts
   * let point = 0;
   * const page = await kitos.feed.changesSince(actor, point);
   * point = page.next;
   * ```
   */
  changesSince(actor: Actor, since: number, options?: { kinds?: string[]; limit?: number }): Promise<FeedPage>;
  /** The audit history of one entity, oldest first (only for actors who may read the entity's organisation). */
  history(actor: Actor, kind: string, uuid: string): Promise<AuditEntry[]>;
}

const KINDS = new Map(ENTITY_DEFINITIONS.map((d) => [d.kind, d]));

/** Protection facts without per-kind lookups (deletions keep only kind and organisation). */
function coarse(
  kind: string,
  uuid: string,
  organizationUuid: string | null,
  data?: unknown,
): ProtectedEntity | undefined {
  const def = KINDS.get(kind);
  if (!def) return undefined;
  const d = (data ?? {}) as {
    accessModifier?: 'Local' | 'Public';
    rightsHolderUuid?: string | null;
    jointOrganizationUuids?: string[];
  };
  return {
    kind: def.protectedKind,
    uuid,
    organizationUuid,
    accessModifier: d.accessModifier,
    rightsHolderUuid: d.rightsHolderUuid ?? null,
    jointOrganizationUuids: d.jointOrganizationUuids,
  };
}

function visible(
  call: CallContext,
  r: Pick<StoredRecord, 'kind' | 'uuid' | 'organizationUuid'> & { data?: unknown },
): boolean {
  if (r.kind === AUDIT_KIND) return false;
  const p = coarse(r.kind, r.uuid, r.organizationUuid, r.data);
  if (!p) return false;
  // Users, memberships and unit roles are personal data: only within the organisation (or global admins).
  if (p.kind === 'user') return call.actor.isGlobalAdmin || r.uuid === call.actor.userUuid;
  return canRead(call.actor, p);
}

/** The change feed. */
export function feedService(runner: CallRunner): FeedService {
  return {
    changesSince: (actor, since, options = {}) =>
      runner.read(actor, async (call) => {
        const set = await call.tx.changesSince(since, { kinds: options.kinds, limit: options.limit });
        return {
          changed: set.changed
            .filter((r) => visible(call, r))
            .map((r) => ({ kind: r.kind, uuid: r.uuid, version: r.version, lastChanged: r.lastChanged, data: r.data })),
          deleted: set.deleted
            .filter((t) => visible(call, t))
            .map((t) => ({ kind: t.kind, uuid: t.uuid, deletedAt: t.deletedAt })),
          next: set.next,
        };
      }),
    history: (actor, kind, uuid) =>
      runner.read(actor, async (call) => {
        const r = await call.tx.query<AuditEntry>({
          kind: AUDIT_KIND,
          filter: {
            op: 'and',
            filters: [
              { op: 'eq', field: 'entityKind', value: kind },
              { op: 'eq', field: 'entityUuid', value: uuid },
            ],
          },
          sort: [{ field: 'at' }],
        });
        const entries = r.records.map((x) => x.data);
        const first = entries[0];
        if (!first) return [];
        const p = coarse(kind, uuid, first.organizationUuid);
        if (
          !p ||
          !(call.actor.isGlobalAdmin || (first.organizationUuid && call.actor.roles.has(first.organizationUuid)))
        )
          return [];
        return entries.sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
      }),
  };
}
