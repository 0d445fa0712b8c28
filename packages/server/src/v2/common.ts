/**
 * Shapes and helpers every KITOS API v2 resource shares: references (`IdentityNamePair`,
 * `ShallowOrganization`), external references, role assignments, paging, ordering and
 * `changedSinceGtEq`, dates as KITOS writes them, and a per-request name lookup for references.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { Actor, EntityMeta, Kitos, ListPage, ListQuery, Organization } from '@os2kitos/core';

/** A uuid on the wire: any case accepted, always answered lower-case. */
export const WireUuid = z
  .uuid({ version: undefined })
  .refine((u) => u !== '00000000-0000-0000-0000-000000000000', { message: 'must not be the empty uuid' })
  .transform((u) => u.toLowerCase())
  .openapi({ type: 'string', format: 'uuid', example: '4f6ad6e4-65c3-4c49-9a41-5b2e0d5a2f10' });

/** A date-time as KITOS accepts it: ISO 8601 with `Z` or an offset, or a plain date. */
export const WireDateTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .openapi({ type: 'string', format: 'date-time', example: '2025-01-01T00:00:00Z' });

/** A date-time in a response: always UTC with `Z`. */
export const WireDateTimeOut = z.string().openapi({ format: 'date-time', example: '2025-01-01T00:00:00Z' });

/** A calendar date (`YYYY-MM-DD`) as KITOS writes it: midnight UTC. */
export function dateOut(date: string | null | undefined): string | null {
  return date ? `${date}T00:00:00Z` : null;
}

/** An instant as KITOS writes it: UTC with `Z` (no trailing zeros in the fraction). */
export function instantOut(instant: string): string {
  return new Date(instant).toISOString().replace(/\.000Z$/, 'Z');
}

/** The calendar date of a wire date-time, in UTC (an offset is converted first, as KITOS does). */
export function dateIn(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(value).toISOString().slice(0, 10);
}

/** KITOS's universal reference: a uuid and a display name. */
export const IdentityNamePair = z.object({ uuid: z.string(), name: z.string() }).openapi('IdentityNamePairResponseDTO');
/** A reference with a name. */
export type IdentityNamePair = z.infer<typeof IdentityNamePair>;

/** A reference to an organisation with its CVR. */
export const ShallowOrganization = z
  .object({ cvr: z.string().nullable(), uuid: z.string(), name: z.string() })
  .openapi('ShallowOrganizationResponseDTO');
/** A reference to an organisation. */
export type ShallowOrganization = z.infer<typeof ShallowOrganization>;

/** An external reference in a response. */
export const ExternalReferenceOut = z
  .object({
    uuid: z.string(),
    title: z.string(),
    documentId: z.string().nullable(),
    url: z.string().nullable(),
    masterReference: z.boolean(),
  })
  .openapi('ExternalReferenceDataResponseDTO');

/** An external reference in a PUT/PATCH body (with `uuid` to keep an existing one). */
export const ExternalReferenceIn = z
  .strictObject({
    uuid: WireUuid.nullish(),
    title: z.string().trim().min(1).max(255),
    documentId: z.string().max(255).nullish(),
    url: z.string().max(2000).nullish(),
    masterReference: z.boolean(),
  })
  .openapi('UpdateExternalReferenceDataWriteRequestDTO');

/** A role assignment in a response. */
export const RoleAssignmentOut = z
  .object({ user: IdentityNamePair, role: IdentityNamePair })
  .openapi('RoleAssignmentResponseDTO');

/** A role assignment in a request. */
export const RoleAssignmentIn = z
  .strictObject({ roleUuid: WireUuid, userUuid: WireUuid })
  .openapi('RoleAssignmentRequestDTO');

/** The core's external references from a body's list; a reference without a uuid gets a new one. */
export function externalReferencesIn(list: readonly z.infer<typeof ExternalReferenceIn>[] | null | undefined) {
  return (list ?? []).map((r) => ({
    uuid: r.uuid ?? globalThis.crypto.randomUUID(),
    title: r.title,
    documentId: r.documentId ?? null,
    url: r.url ?? null,
    masterReference: r.masterReference,
  }));
}

/** External references as KITOS answers them (uuids lower-case). */
export function externalReferencesOut(
  list: readonly z.infer<typeof ExternalReferenceOut>[],
): z.infer<typeof ExternalReferenceOut>[] {
  return list.map((r) => ({ ...r, uuid: r.uuid.toLowerCase() }));
}

/** The core's role assignments from a body's list. */
export function rolesIn(list: readonly z.infer<typeof RoleAssignmentIn>[] | null | undefined) {
  return (list ?? []).map((r) => ({ roleUuid: r.roleUuid, userUuid: r.userUuid }));
}

/** Role assignments as KITOS answers them: the user and the role as identity-name pairs. */
export function rolesOut(
  names: NameLookup,
  roles: readonly { roleUuid: string; userUuid: string }[],
): Promise<z.infer<typeof RoleAssignmentOut>[]> {
  return Promise.all(
    roles.map(async (r) => ({
      user: (await names.user(r.userUuid)) as { uuid: string; name: string },
      role: (await names.pair('globalOption', r.roleUuid)) as { uuid: string; name: string },
    })),
  );
}

/** A documentation link (never null in responses). */
export const SimpleLink = z
  .object({ name: z.string().nullable(), url: z.string().nullable() })
  .openapi('SimpleLinkDTO');

/** `{ read, modify, delete }`. */
export const ResourcePermissions = z
  .object({ read: z.boolean(), modify: z.boolean(), delete: z.boolean() })
  .openapi('ResourcePermissionsResponseDTO');

/** `{ create }` for a collection in an organisation. */
export const CollectionPermissions = z
  .object({ create: z.boolean() })
  .openapi('ResourceCollectionPermissionsResponseDTO');

/** KITOS `CommonOrderByProperty`. */
export const OrderByProperty = z.enum(['CreationOrder', 'Name', 'LastChanged']).openapi('CommonOrderByProperty');

/** Page number, 0-based. */
const page = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(0)
  .openapi({ description: '0-based page number.', example: 0 });

/** `page` and `pageSize` (1..250, default 250) of KITOS's bounded lists. */
export const BoundedPaging = {
  page,
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(250)
    .default(250)
    .openapi({ description: 'Items per page, 1 to 250 (default 250).', example: 250 }),
};

/** `page` and `pageSize` of KITOS's unbounded lists (no `pageSize`: the whole list). */
export const UnboundedPaging = {
  page,
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .openapi({ description: 'Items per page; omit for all.' }),
};

/** A boolean query parameter (`true`/`false`, any case). */
export const QueryBoolean = z
  .enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'])
  .transform((v) => v.toLowerCase() === 'true')
  .openapi({ type: 'boolean' });

/** `changedSinceGtEq` and `orderByProperty`. */
export const DeltaQuery = {
  changedSinceGtEq: WireDateTime.optional().openapi({
    description: 'Only items changed at or after this instant (UTC), sorted by change time first.',
  }),
  orderByProperty: OrderByProperty.optional(),
};

/** Applies KITOS's paging to a sorted list. */
export function pageOf<T>(items: readonly T[], query: { page: number; pageSize?: number | undefined }): T[] {
  if (query.pageSize === undefined) return [...items];
  const start = query.page * query.pageSize;
  return items.slice(start, start + query.pageSize);
}

/** Most items one list request reads from the store before ordering in memory. */
export const MAX_SCAN = 50_000;

/**
 * Every item a service lists for the query, page by page (the core's pages hold at most 1000).
 * KITOS orders by creation and change time, which the store does not index, so lists are ordered
 * here: bounded by {@link MAX_SCAN} per request.
 */
export async function listAll<E>(
  list: (actor: Actor, query: ListQuery) => Promise<ListPage<E>>,
  actor: Actor,
  query: Omit<ListQuery, 'offset' | 'limit'>,
): Promise<E[]> {
  const out: E[] = [];
  for (let offset = 0; offset < MAX_SCAN; offset += 1000) {
    const r = await list(actor, { ...query, offset, limit: 1000 });
    out.push(...r.items);
    if (r.items.length < 1000) break;
  }
  return out;
}

/**
 * KITOS's ordering: with `changedSinceGtEq`, only items changed at or after it, by change time
 * and then by `orderByProperty`; without, by `orderByProperty` (default creation order). Ties
 * always fall back to the uuid, so pages are stable.
 */
export function orderKitos<E extends EntityMeta>(
  items: readonly E[],
  query: { changedSinceGtEq?: string | undefined; orderByProperty?: z.infer<typeof OrderByProperty> | undefined },
  nameOf: (e: E) => string,
): E[] {
  const since = query.changedSinceGtEq ? Date.parse(query.changedSinceGtEq) : undefined;
  const kept = since === undefined ? [...items] : items.filter((e) => Date.parse(e.lastChanged) >= since);
  const by = query.orderByProperty ?? 'CreationOrder';
  const secondary = (a: E, b: E): number => {
    if (by === 'Name') return nameOf(a).localeCompare(nameOf(b), 'da') || a.uuid.localeCompare(b.uuid);
    if (by === 'LastChanged') return a.lastChanged.localeCompare(b.lastChanged) || a.uuid.localeCompare(b.uuid);
    return a.createdAt.localeCompare(b.createdAt) || a.uuid.localeCompare(b.uuid);
  };
  return kept.sort((a, b) =>
    since === undefined ? secondary(a, b) : a.lastChanged.localeCompare(b.lastChanged) || secondary(a, b),
  );
}

/**
 * Display names of referenced records, looked up once per request. References inside a record the
 * caller may read are shown with their names, as KITOS does; a record that is gone shows its uuid.
 */
export class NameLookup {
  private readonly cache = new Map<string, Promise<Record<string, unknown> | undefined>>();
  constructor(private readonly kitos: Kitos) {}

  private load(kind: string, uuid: string): Promise<Record<string, unknown> | undefined> {
    const key = `${kind}/${uuid}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.kitos.storage.get<Record<string, unknown>>(kind, uuid).then((r) => r?.data);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** `{ uuid, name }` of a record with a `name` field (options, units, systems, contracts, …). */
  async pair(kind: string, uuid: string | null | undefined): Promise<IdentityNamePair | null> {
    if (!uuid) return null;
    const data = await this.load(kind, uuid);
    return { uuid: uuid.toLowerCase(), name: typeof data?.name === 'string' ? data.name : uuid };
  }

  /** Pairs for a list of uuids, in order. */
  async pairs(kind: string, uuids: readonly string[]): Promise<IdentityNamePair[]> {
    return (await Promise.all(uuids.map((u) => this.pair(kind, u)))).filter((p): p is IdentityNamePair => p !== null);
  }

  /** A user as `{ uuid, name: first + last }`. */
  async user(uuid: string | null | undefined): Promise<IdentityNamePair | null> {
    if (!uuid) return null;
    const u = await this.load('user', uuid);
    const name = u ? `${u.firstName ?? ''} ${u.lastName ?? ''}`.trim() : uuid;
    return { uuid: uuid.toLowerCase(), name };
  }

  /** A KLE task as `{ uuid, name: task key }` (KITOS names KLE references by number). */
  async kle(uuid: string): Promise<IdentityNamePair> {
    const k = await this.load('kle', uuid);
    return { uuid: uuid.toLowerCase(), name: typeof k?.taskKey === 'string' ? k.taskKey : uuid };
  }

  /** A usage as `{ uuid: usage, name: the system's name }`. */
  async usage(uuid: string): Promise<IdentityNamePair> {
    const u = await this.load('itSystemUsage', uuid);
    const system = typeof u?.systemUuid === 'string' ? await this.load('itSystem', u.systemUuid) : undefined;
    return { uuid: uuid.toLowerCase(), name: typeof system?.name === 'string' ? system.name : uuid };
  }

  /** An organisation as `ShallowOrganization` (CVR falls back to the foreign CVR). */
  async organization(uuid: string | null | undefined): Promise<ShallowOrganization | null> {
    if (!uuid) return null;
    const o = (await this.load('organization', uuid)) as Partial<Organization> | undefined;
    return { cvr: o?.cvr ?? o?.foreignCvr ?? null, uuid: uuid.toLowerCase(), name: o?.name ?? uuid };
  }

  /** The raw data of a record (for derived fields such as a main contract's validity). */
  data<T>(kind: string, uuid: string): Promise<T | undefined> {
    return this.load(kind, uuid) as Promise<T | undefined>;
  }
}

/**
 * A KITOS enum on the wire, from the core's names (schemas made with the core's own zod cannot
 * carry OpenAPI names, so the wire enum is declared here from the same list of names).
 */
export function wireEnum<const N extends string>(values: readonly N[], name: string) {
  return z.enum(values as unknown as [N, ...N[]]).openapi(name);
}
