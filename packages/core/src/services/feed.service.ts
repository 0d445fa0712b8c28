/**
 * The change feed and the audit history, filtered by what the actor may read.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { canRead, type ProtectedEntity } from '../access/policy.js';
import type { AuditEntry } from '../engine/audit.js';
import type { CallContext } from '../engine/call.js';
import { ENTITY_DEFINITIONS } from './kinds.js';
import { AUDIT_KIND } from '../engine/repository.js';
import type { CallRunner } from '../engine/service.js';
import { KitosValidationError } from '../shared/errors.js';
import type { ChangeSet, StoredRecord } from '../storage/port.js';

/** One changed entity in the feed. */
export interface FeedChange {
  readonly kind: string;
  readonly uuid: string;
  /** The organisation the entity belongs to (`null` for global data). */
  readonly organizationUuid: string | null;
  readonly version: number;
  readonly lastChanged: string;
  readonly data: unknown;
}

/** One deleted entity in the feed. */
export interface FeedDeletion {
  readonly kind: string;
  readonly uuid: string;
  /** The organisation the entity belonged to (`null` for global data). */
  readonly organizationUuid: string | null;
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

/** Default number of feed positions one `changesSince` call reads. */
export const DEFAULT_FEED_LIMIT = 1000;
/** Most feed positions one `changesSince` call reads. */
export const MAX_FEED_LIMIT = 10_000;

/** Kinds that never leave their organisation: the feed reads them only for the actor's organisations. */
const PRIVATE_KINDS = new Set<ProtectedEntity['kind']>([
  'organizationUnit',
  'membership',
  'roleAssignment',
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'localOption',
]);

/**
 * One bounded page of the feed. For everyone but global admins, organisation-private kinds are read
 * only for the actor's organisations (so a municipality's feed does not page through the country),
 * the rest (catalogue, organisations, projects, global data) for all; the two pages are merged in
 * feed order and cut where the first full one ends, so no position is skipped.
 */
async function readFeed(call: CallContext, since: number, kinds: readonly string[] | undefined, limit: number) {
  const wanted = kinds ?? [...KINDS.keys()];
  if (call.actor.isGlobalAdmin) return call.tx.changesSince(since, { kinds: wanted, limit });
  const privateKinds = wanted.filter((k) => {
    const kind = KINDS.get(k)?.protectedKind;
    return kind !== undefined && PRIVATE_KINDS.has(kind);
  });
  const otherKinds = wanted.filter((k) => KINDS.has(k) && !privateKinds.includes(k));
  const orgs = [...call.actor.roles.keys()];
  const empty: ChangeSet = { changed: [], deleted: [], next: since };
  const a =
    privateKinds.length && orgs.length
      ? await call.tx.changesSince(since, { kinds: privateKinds, organizationUuids: orgs, limit })
      : empty;
  const b = otherKinds.length ? await call.tx.changesSince(since, { kinds: otherKinds, limit }) : empty;
  const full = (x: ChangeSet) => x.changed.length + x.deleted.length >= limit;
  const cutoff = Math.min(full(a) ? a.next : Number.POSITIVE_INFINITY, full(b) ? b.next : Number.POSITIVE_INFINITY);
  const keep = <T extends { seq: number }>(xs: readonly T[]) =>
    xs.filter((x) => x.seq <= cutoff).sort((x, y) => x.seq - y.seq);
  return {
    changed: keep([...a.changed, ...b.changed]),
    deleted: keep([...a.deleted, ...b.deleted]),
    next: Number.isFinite(cutoff) ? cutoff : Math.max(a.next, b.next),
  };
}

/** The change feed. */
export function feedService(runner: CallRunner): FeedService {
  return {
    changesSince: (actor, since, options = {}) =>
      runner.read(actor, async (call) => {
        const limit = options.limit ?? DEFAULT_FEED_LIMIT;
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_FEED_LIMIT)
          throw new KitosValidationError('core', [
            {
              path: ['limit'],
              code: 'invalid-number',
              message: `limit must be an integer from 1 to ${MAX_FEED_LIMIT}`,
            },
          ]);
        const set = await readFeed(call, since, options.kinds, limit);
        return {
          changed: set.changed
            .filter((r) => visible(call, r))
            .map((r) => ({
              kind: r.kind,
              uuid: r.uuid,
              organizationUuid: r.organizationUuid,
              version: r.version,
              lastChanged: r.lastChanged,
              data: r.data,
            })),
          deleted: set.deleted
            .filter((t) => visible(call, t))
            .map((t) => ({ kind: t.kind, uuid: t.uuid, organizationUuid: t.organizationUuid, deletedAt: t.deletedAt })),
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
        // Each entry is judged by the organisation it was written in: history is the owner's data,
        // readable by its members (and global admins), never by whoever reads the entity later.
        const entries = r.records
          .map((x) => x.data)
          .filter(
            (e) =>
              KINDS.has(e.entityKind) &&
              (call.actor.isGlobalAdmin || (e.organizationUuid !== null && call.actor.roles.has(e.organizationUuid))),
          );
        return entries.sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
      }),
  };
}
