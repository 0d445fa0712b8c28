/**
 * `/api/v2/organizations` with their users and organisation units (read-only, as in KITOS).
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { KitosNotFoundError, type OrganizationRole, type User } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, route } from '../openapi.js';
import {
  BoundedPaging,
  DeltaQuery,
  listAll,
  OrderByProperty,
  orderKitos,
  pageOf,
  QueryBoolean,
  WireUuid,
} from './common.js';
import { actorOf, namesOf } from './handler.js';
import {
  OrganizationResponse,
  OrganizationUnitResponse,
  OrganizationUserResponse,
  OrganizationUserRole,
  organizationOut,
  organizationUserOut,
  unitOut,
} from './organizations.mapping.js';

const TAG = ['organizations'];
const Org = z.object({ organizationUuid: WireUuid });

/** Registers the organisation routes. */
export function registerOrganizationRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations',
      tags: TAG,
      summary: 'List organisations the caller may see',
      request: {
        query: z.strictObject({
          onlyWhereUserHasMembership: QueryBoolean.optional(),
          nameContent: z.string().max(200).optional(),
          cvrContent: z.string().max(20).optional(),
          nameOrCvrContent: z.string().max(200).optional(),
          uuid: WireUuid.optional(),
          orderByProperty: OrderByProperty.optional(),
          ...BoundedPaging,
        }),
      },
      responses: { 200: json(z.array(OrganizationResponse), 'A page of organisations.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      let items = await listAll(kitos.organizations.list, actor, {});
      if (q.onlyWhereUserHasMembership) {
        const mine = await kitos.storage.query<{ organizationUuid: string }>({
          kind: 'membership',
          filter: { op: 'eq', field: 'userUuid', value: actor.userUuid },
        });
        const orgs = new Set(mine.records.map((m) => m.data.organizationUuid));
        items = items.filter((o) => orgs.has(o.uuid));
      }
      const contains = (v: string | null, needle: string | undefined) =>
        needle === undefined || (v ?? '').toLowerCase().includes(needle.toLowerCase());
      items = items.filter(
        (o) =>
          contains(o.name, q.nameContent) &&
          contains(o.cvr, q.cvrContent) &&
          (q.nameOrCvrContent === undefined ||
            contains(o.name, q.nameOrCvrContent) ||
            contains(o.cvr, q.nameOrCvrContent)) &&
          (q.uuid === undefined || o.uuid.toLowerCase() === q.uuid),
      );
      return c.json(
        pageOf(
          orderKitos(items, q, (o) => o.name),
          q,
        ).map(organizationOut),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations/{organizationUuid}',
      tags: TAG,
      summary: 'One organisation',
      request: { params: Org },
      responses: { 200: json(OrganizationResponse, 'The organisation.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const o = await c.get('kitos').organizations.get(actorOf(c), c.req.valid('param').organizationUuid);
      return c.json(organizationOut(o), 200);
    },
  );

  /** Members of an organisation with their roles there (memberships are read through the service). */
  async function members(c: Parameters<Parameters<typeof app.openapi>[1]>[0], organizationUuid: string) {
    const kitos = c.get('kitos');
    const actor = actorOf(c);
    const memberships = await kitos.memberships.list(actor, organizationUuid);
    const roles = new Map<string, OrganizationRole[]>();
    for (const m of memberships) roles.set(m.userUuid, [...(roles.get(m.userUuid) ?? []), m.role]);
    const users: { user: User; roles: OrganizationRole[] }[] = [];
    for (const [uuid, held] of roles) users.push({ user: await kitos.users.get(actor, uuid), roles: held });
    return users;
  }

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations/{organizationUuid}/users',
      tags: TAG,
      summary: "The organisation's users",
      request: {
        params: Org,
        query: z.strictObject({
          nameOrEmailQuery: z.string().max(200).optional(),
          emailQuery: z.string().max(200).optional(),
          roleQuery: OrganizationUserRole.optional(),
          orderByProperty: OrderByProperty.optional(),
          ...BoundedPaging,
        }),
      },
      responses: { 200: json(z.array(OrganizationUserResponse), 'A page of users.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let list = await members(c, c.req.valid('param').organizationUuid);
      const needle = q.nameOrEmailQuery?.toLowerCase();
      if (needle)
        list = list.filter(
          ({ user }) =>
            `${user.firstName} ${user.lastName}`.toLowerCase().includes(needle) || user.email.includes(needle),
        );
      if (q.emailQuery) list = list.filter(({ user }) => user.email === q.emailQuery?.trim().toLowerCase());
      if (q.roleQuery) list = list.filter(({ roles }) => roles.includes(q.roleQuery as OrganizationRole));
      const byUuid = new Map(list.map((x) => [x.user.uuid, x]));
      const ordered = orderKitos(
        list.map((x) => x.user),
        q,
        (u) => `${u.firstName} ${u.lastName}`,
      );
      return c.json(
        pageOf(ordered, q).map((u) => organizationUserOut(u, byUuid.get(u.uuid)?.roles ?? [])),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations/{organizationUuid}/users/{userUuid}',
      tags: TAG,
      summary: 'One user of the organisation',
      request: { params: Org.extend({ userUuid: WireUuid }) },
      responses: { 200: json(OrganizationUserResponse, 'The user.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid, userUuid } = c.req.valid('param');
      const hit = (await members(c, organizationUuid)).find((x) => x.user.uuid.toLowerCase() === userUuid);
      if (!hit) {
        throw new KitosNotFoundError('organisation', `user ${userUuid} is not a member of ${organizationUuid}`);
      }
      return c.json(organizationUserOut(hit.user, hit.roles), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations/{organizationUuid}/organization-units',
      tags: TAG,
      summary: "The organisation's units",
      request: {
        params: Org,
        query: z.strictObject({ nameQuery: z.string().max(200).optional(), ...DeltaQuery, ...BoundedPaging }),
      },
      responses: { 200: json(z.array(OrganizationUnitResponse), 'A page of units.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      const { organizationUuid } = c.req.valid('param');
      await kitos.organizations.get(actorOf(c), organizationUuid);
      let units = await listAll(kitos.units.list, actorOf(c), { organizationUuid });
      if (q.nameQuery) units = units.filter((u) => u.name.toLowerCase().includes(q.nameQuery?.toLowerCase() ?? ''));
      const names = namesOf(c);
      return c.json(
        await Promise.all(
          pageOf(
            orderKitos(units, q, (u) => u.name),
            q,
          ).map((u) => unitOut(names, u)),
        ),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/organizations/{organizationUuid}/organization-units/{organizationUnitId}',
      tags: TAG,
      summary: 'One unit (by uuid)',
      request: { params: Org.extend({ organizationUnitId: WireUuid }) },
      responses: { 200: json(OrganizationUnitResponse, 'The unit.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid, organizationUnitId } = c.req.valid('param');
      const unit = await c.get('kitos').units.get(actorOf(c), organizationUnitId);
      if (unit.organizationUuid.toLowerCase() !== organizationUuid) {
        throw new KitosNotFoundError('organisation', `unit ${organizationUnitId} is not in ${organizationUuid}`);
      }
      return c.json(await unitOut(namesOf(c), unit), 200);
    },
  );
}
