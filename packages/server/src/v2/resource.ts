/**
 * The routes every KITOS API v2 registration resource has, declared once: list (paged, ordered,
 * `changedSinceGtEq`), get, create (201 + Location), PATCH by presence, PUT full replace, DELETE
 * (204), the per-record and the collection permission probes. ETags carry record versions and
 * If-Match becomes the core's `expectedVersion`. Each resource supplies its schemas and mapping.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Actor, EntityMeta, EntityService, Kitos, ProtectedKind } from '@os2kitos/core';
import type { Context } from 'hono';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import {
  BoundedPaging,
  CollectionPermissions,
  DeltaQuery,
  type NameLookup,
  orderKitos,
  pageOf,
  ResourcePermissions,
  WireUuid,
} from './common.js';
import { actorOf, ifMatch, locationOf, namesOf, setEtag } from './handler.js';
import { canCreateIn } from './permissions.js';

// biome-ignore lint/suspicious/noExplicitAny: the registry is generic over each resource's schemas
type AnyObject = z.ZodObject<any>;

/** What one resource supplies. */
export interface ResourceSpec<E extends EntityMeta, Out> {
  /** Path under the host, e.g. `/api/v2/it-contracts`. */
  readonly path: string;
  readonly tag: string;
  /** What the resource is called in summaries ("contract"). */
  readonly noun: string;
  readonly protectedKind: ProtectedKind;
  readonly service: (kitos: Kitos) => EntityService<E, never, never>;
  readonly response: z.ZodType<Out>;
  /** Extra list filters (KITOS query parameters besides paging and ordering). */
  readonly listQuery: Record<string, z.ZodType>;
  /** Loads what a list query selects (before ordering and paging). */
  list(kitos: Kitos, actor: Actor, query: Record<string, unknown>): Promise<E[]>;
  /** The name `orderByProperty=Name` sorts by. */
  nameOf(kitos: Kitos, entity: E, names: NameLookup): Promise<string> | string;
  out(kitos: Kitos, actor: Actor, names: NameLookup, entity: E): Promise<Out>;
  readonly createRequest: AnyObject;
  /** The core's create input from a POST body. */
  createIn(
    body: Record<string, unknown>,
    kitos: Kitos,
    actor: Actor,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  readonly updateRequest: AnyObject;
  /** The core's patch from a PATCH body: only the properties present in it. */
  patchIn(
    body: Record<string, unknown>,
    current: E,
    kitos: Kitos,
    actor: Actor,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /**
   * KITOS's newer probes for usages and registrations answer `CombinedPermissionsResponseDTO`:
   * `{ fieldPermissions: { fields: [] }, read, modify, delete }`. The core has no field-level
   * permissions, so the list is empty (every field follows `modify`).
   */
  readonly combinedPermissions?: boolean;
  /** Whether the resource has PUT (KITOS: usages, contracts, registrations). */
  readonly put: boolean;
  /** Path parameter name in KITOS's document (`systemUsageUuid`, `contractUuid`, …). */
  readonly param: string;
}

/** KITOS `CombinedPermissionsResponseDTO`. */
const CombinedPermissions = z
  .object({
    fieldPermissions: z
      .object({ fields: z.array(z.object({ key: z.string().nullable(), enabled: z.boolean() })) })
      .openapi('ModuleFieldPermissionsResponseDTO'),
    read: z.boolean(),
    modify: z.boolean(),
    delete: z.boolean(),
  })
  .openapi('CombinedPermissionsResponseDTO');

/** The schema inside `.optional()`/`.nullable()`/`.nullish()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/**
 * A PUT body with every property of the request schema present, at every depth: what the body
 * leaves out becomes `null`, which the mappings turn into "empty" — KITOS's full replacement.
 */
export function fillMissing(schema: AnyObject, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = body[key];
    const inner = unwrap(field);
    if (value === undefined) out[key] = null;
    else if (inner instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value))
      out[key] = fillMissing(inner as AnyObject, value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/** Registers the standard routes of a resource. */
export function registerResource<E extends EntityMeta, Out>(
  app: OpenAPIHono<ServerEnv>,
  spec: ResourceSpec<E, Out>,
): void {
  const tags = [spec.tag];
  const Params = z.object({ [spec.param]: WireUuid.openapi({ param: { name: spec.param, in: 'path' } }) });
  const uuidOf = (c: Context<ServerEnv>) =>
    (c.req.valid as (t: 'param') => Record<string, string>)('param')[spec.param] as string;
  const one = `${spec.path}/{${spec.param}}`;
  const ListQuery = z.strictObject({ ...spec.listQuery, ...DeltaQuery, ...BoundedPaging });

  const respond = async (c: Context<ServerEnv>, entity: E, status: 200 | 201) => {
    const kitos = c.get('kitos');
    setEtag(c, entity.version);
    // The factory is generic over each resource's DTO; the route's declared schema documents it.
    return c.json((await spec.out(kitos, actorOf(c), namesOf(c), entity)) as object, status) as never;
  };

  app.openapi(
    route({
      method: 'get',
      path: spec.path,
      tags,
      summary: `List ${spec.noun}s the caller may read`,
      request: { query: ListQuery },
      responses: { 200: json(z.array(spec.response), `A page of ${spec.noun}s.`), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query') as Record<string, unknown> & { page: number; pageSize: number };
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const names = namesOf(c);
      const items = await spec.list(kitos, actor, q);
      const sortNames = new Map<string, string>();
      if (q.orderByProperty === 'Name')
        for (const e of items) sortNames.set(e.uuid, await spec.nameOf(kitos, e, names));
      const ordered = orderKitos(items, q as never, (e) => sortNames.get(e.uuid) ?? '');
      const page = pageOf(ordered, q);
      return c.json((await Promise.all(page.map((e) => spec.out(kitos, actor, names, e)))) as object[], 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${spec.path}/permissions`,
      tags,
      summary: `May the caller create ${spec.noun}s in an organisation`,
      request: { query: z.strictObject({ organizationUuid: WireUuid }) },
      responses: { 200: json(CollectionPermissions, 'The answer.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('query');
      return c.json(
        { create: await canCreateIn(c.get('kitos'), actorOf(c), spec.protectedKind, organizationUuid) },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: one,
      tags,
      summary: `One ${spec.noun}`,
      request: { params: Params },
      responses: { 200: { ...json(spec.response, `The ${spec.noun}.`), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => respond(c, await spec.service(c.get('kitos')).get(actorOf(c), uuidOf(c)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: spec.path,
      tags,
      summary: `Create a ${spec.noun}`,
      request: jsonBody(spec.createRequest),
      responses: { 201: { ...json(spec.response, 'Created.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const input = await spec.createIn(c.req.valid('json') as Record<string, unknown>, kitos, actor);
      const created = await spec.service(kitos).create(actor, input as never);
      c.header('Location', locationOf(c, created.uuid));
      return respond(c, created, 201);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: one,
      tags,
      summary: `Change the properties present in the body`,
      description: 'Only properties present in the body change; `null` clears; a list replaces the whole list.',
      request: { params: Params, headers: IfMatchHeader, ...jsonBody(spec.updateRequest) },
      responses: { 200: { ...json(spec.response, 'Changed.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const service = spec.service(kitos);
      const uuid = uuidOf(c);
      const options = ifMatch(c);
      const current = await service.get(actor, uuid);
      const patch = await spec.patchIn(c.req.valid('json') as Record<string, unknown>, current, kitos, actor);
      return respond(c, await service.patch(actor, uuid, patch as never, options), 200);
    },
  );

  if (spec.put)
    app.openapi(
      route({
        method: 'put',
        path: one,
        tags,
        summary: `Replace the ${spec.noun}`,
        description: 'Every section and property missing from the body is reset to empty, as in KITOS.',
        request: { params: Params, headers: IfMatchHeader, ...jsonBody(spec.updateRequest) },
        responses: { 200: { ...json(spec.response, 'Replaced.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
      }),
      async (c) => {
        const kitos = c.get('kitos');
        const actor = actorOf(c);
        const service = spec.service(kitos);
        const uuid = uuidOf(c);
        const options = ifMatch(c);
        const current = await service.get(actor, uuid);
        // A full replacement is a patch in which every writable property is present: missing ones
        // are sent as absent-means-empty, so they are reset exactly as KITOS's PUT resets them.
        const body = c.req.valid('json') as Record<string, unknown>;
        const full = fillMissing(spec.updateRequest, body);
        const patch = await spec.patchIn(full, current, kitos, actor);
        return respond(c, await service.patch(actor, uuid, patch as never, options), 200);
      },
    );

  app.openapi(
    route({
      method: 'delete',
      path: one,
      tags,
      summary: `Delete a ${spec.noun}`,
      request: { params: Params, headers: IfMatchHeader },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await spec.service(c.get('kitos')).delete(actorOf(c), uuidOf(c), ifMatch(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${one}/permissions`,
      tags,
      summary: `What the caller may do with one ${spec.noun}`,
      request: { params: Params },
      responses: {
        200: json(spec.combinedPermissions ? CombinedPermissions : ResourcePermissions, 'The answer.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const uuid = uuidOf(c);
      // KITOS answers 404 for an unknown uuid; the core's probe answers "no" for anything unreadable.
      await spec.service(kitos).get(actor, uuid);
      const p = await spec.service(kitos).permissions(actor, uuid);
      const answer = { read: p.read, modify: p.modify, delete: p.delete };
      return c.json(spec.combinedPermissions ? { fieldPermissions: { fields: [] }, ...answer } : answer, 200);
    },
  );
}
