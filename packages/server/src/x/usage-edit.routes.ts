/**
 * What the widgets' edit mode of a usage writes through: the stored usage in the core's own shape
 * (so the browser validates with the same schemas the core applies), a patch in that shape with
 * If-Match, taking a catalogue system into use, and the option lists an editor offers. KITOS's own
 * `/api/v2/it-system-usages` routes stay for KITOS clients; these speak the core's vocabulary.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { editChoicesOf, USAGE_EDIT_OPTION_TYPES } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf, ifMatch, setEtag } from '../v2/handler.js';

const TAG = ['x-os2kitos'];

// The core's schemas carry refinements and transforms the document generator cannot describe; the
// document names them and the core validates every body (a `KitosValidationError` becomes a 400
// problem with the issues by path).
const UsageRecordDoc = z
  .object({ uuid: z.string(), version: z.number().int() })
  .passthrough()
  .openapi('UsageRecord', { description: "The stored usage in the core's shape (`ItSystemUsageSchema`)." });
const UsagePatchDoc = z
  .record(z.string(), z.unknown())
  .openapi('UsageRecordPatch', { description: "A change in the core's shape (`ItSystemUsagePatchSchema`)." });
const UsageCreateDoc = z
  .strictObject({ organizationUuid: WireUuid, systemUuid: WireUuid })
  .openapi('UsageRecordCreate');
export const OptionChoice = z.object({ uuid: z.string(), name: z.string(), description: z.string().nullable() });
export const UserChoice = z.object({ uuid: z.string(), name: z.string(), email: z.string() });
const UsageEditChoicesDoc = z
  .object({
    ...Object.fromEntries(Object.keys(USAGE_EDIT_OPTION_TYPES).map((k) => [k, z.array(OptionChoice)])),
    users: z.array(UserChoice),
    organizations: z.array(z.object({ uuid: z.string(), name: z.string() })),
  })
  .openapi('UsageEditChoices', { description: 'The option lists a usage editor offers in the organisation.' });

/** Registers the usage edit routes under `prefix`. */
export function registerUsageEditRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  const Params = z.object({ uuid: WireUuid });
  const record = `${prefix}/it-system-usages/{uuid}/record`;

  app.openapi(
    route({
      method: 'get',
      path: record,
      tags: TAG,
      summary: "An IT-system usage as stored, in the core's shape (what an editor starts from)",
      request: { params: Params },
      responses: { 200: { ...json(UsageRecordDoc, 'The usage.'), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const usage = await c.get('kitos').usages.get(actorOf(c), c.req.valid('param').uuid);
      setEtag(c, usage.version);
      return c.json(usage as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: record,
      tags: TAG,
      summary: "Change an IT-system usage with a patch in the core's shape",
      description:
        'Sections given are merged field by field, lists replaced whole (`ItSystemUsagePatchSchema`). ' +
        'With If-Match, a usage someone else changed since is refused with 412 and nothing changes.',
      request: { params: Params, headers: IfMatchHeader, ...jsonBody(UsagePatchDoc) },
      responses: { 200: { ...json(UsageRecordDoc, 'The changed usage.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const options = ifMatch(c);
      const usage = await c
        .get('kitos')
        .usages.patch(actorOf(c), c.req.valid('param').uuid, c.req.valid('json') as never, options);
      setEtag(c, usage.version);
      return c.json(usage as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${prefix}/it-system-usages`,
      tags: TAG,
      summary: 'Take a catalogue system into use in an organisation',
      description: 'A system the organisation already uses is refused with 409 (code `duplicate`).',
      request: jsonBody(UsageCreateDoc),
      responses: { 201: { ...json(UsageRecordDoc, 'The new usage.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const usage = await c.get('kitos').usages.create(actorOf(c), c.req.valid('json'));
      setEtag(c, usage.version);
      return c.json(usage as never, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/usage-edit-choices`,
      tags: TAG,
      summary: 'The option lists a usage editor offers in the organisation',
      request: { params: z.object({ organizationUuid: WireUuid }) },
      responses: { 200: json(UsageEditChoicesDoc, 'The choices.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const choices = await editChoicesOf(c.get('kitos'), actorOf(c), organizationUuid, USAGE_EDIT_OPTION_TYPES, {
        organizations: true,
      });
      return c.json({ ...choices.options, users: choices.users, organizations: choices.organizations } as never, 200);
    },
  );
}
