/**
 * KITOS's role shortcuts on usages, contracts and registrations: `PATCH …/{uuid}/roles/add` and
 * `…/roles/remove` change one assignment without sending the whole list. They run the core's
 * list operations, so an assignment already held is a conflict (`duplicate-role-assignment`) and
 * removing one that is not held is not-found (`item-not-found`), as in KITOS.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Actor, type EntityMeta, type Kitos, roleItemKey, type WriteOptions } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { type NameLookup, RoleAssignmentIn, WireUuid } from './common.js';
import { actorOf, ifMatch, namesOf, setEtag } from './handler.js';

/** What a kind with role assignments offers the shortcuts. */
interface RoleHolderService<E> {
  addItem(actor: Actor, uuid: string, list: 'roles', item: unknown, options?: WriteOptions): Promise<E>;
  removeItem(actor: Actor, uuid: string, list: 'roles', key: string, options?: WriteOptions): Promise<E>;
}

/** Registers `roles/add` and `roles/remove` under `path/{param}`. */
export function registerRoleShortcuts<E extends EntityMeta>(
  app: OpenAPIHono<ServerEnv>,
  o: {
    readonly path: string;
    readonly tag: string;
    readonly noun: string;
    readonly param: string;
    readonly response: z.ZodType;
    service(kitos: Kitos): RoleHolderService<E>;
    out(names: NameLookup, entity: E): Promise<unknown>;
  },
): void {
  for (const action of ['add', 'remove'] as const)
    app.openapi(
      route({
        method: 'patch',
        path: `${o.path}/{${o.param}}/roles/${action}`,
        tags: [o.tag],
        summary:
          action === 'add' ? `Add a role assignment to a ${o.noun}` : `Remove a role assignment from a ${o.noun}`,
        request: {
          params: z.object({ [o.param]: WireUuid }),
          headers: IfMatchHeader,
          ...jsonBody(RoleAssignmentIn),
        },
        responses: { 200: { ...json(o.response, `The ${o.noun}.`), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
      }),
      async (c) => {
        const service = o.service(c.get('kitos'));
        const uuid = (c.req.valid('param') as Record<string, string>)[o.param] as string;
        const role = c.req.valid('json');
        const saved =
          action === 'add'
            ? await service.addItem(actorOf(c), uuid, 'roles', role, ifMatch(c))
            : await service.removeItem(
                actorOf(c),
                uuid,
                'roles',
                roleItemKey(role.roleUuid, role.userUuid),
                ifMatch(c),
              );
        setEtag(c, saved.version);
        return c.json((await o.out(namesOf(c), saved)) as never, 200);
      },
    );
}
