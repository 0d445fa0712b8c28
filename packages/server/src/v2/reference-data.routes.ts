/**
 * Reference data of KITOS API v2: `kle-options`, every option-type endpoint (mapped to the core's
 * option types and `kitos.options.available`) and the deleted-entities delta feed.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  isRoleOptionType,
  type Kitos,
  KitosNotFoundError,
  OPTION_TYPE_INFO,
  OPTION_TYPES,
  type OptionType,
} from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, route } from '../openapi.js';
import {
  BoundedPaging,
  IdentityNamePair,
  instantOut,
  pageOf,
  UnboundedPaging,
  WireDateTime,
  WireUuid,
  wireEnum,
} from './common.js';
import { actorOf, namesOf } from './handler.js';

/** A KLE task as the core's `kle.list` returns it. */
type StoredKleTask = Awaited<ReturnType<Kitos['kle']['list']>>[number];

const KleDetails = z
  .object({ uuid: z.string(), kleNumber: z.string(), description: z.string(), parentKle: IdentityNamePair.nullable() })
  .openapi('KLEDetailsDTO');

/** KITOS does not know the KLE-Online version date here: `0001-01-01T00:00:00Z` means "unknown". */
const UNKNOWN_VERSION = '0001-01-01T00:00:00Z';

const RegularOption = z
  .object({ description: z.string().nullable(), uuid: z.string(), name: z.string() })
  .openapi('RegularOptionResponseDTO');
const RoleOption = z
  .object({
    writeAccess: z.boolean(),
    isExternallyAvailable: z.boolean(),
    externallyAvailableDescription: z.string().nullable(),
    description: z.string().nullable(),
    uuid: z.string(),
    name: z.string(),
  })
  .openapi('RoleOptionResponseDTO');

/** The tracked kinds of the deleted-entities feed ⇄ KITOS `TrackedEntityTypeChoice`. */
const TRACKED = {
  itSystem: 'ItSystem',
  itSystemUsage: 'ItSystemUsage',
  itInterface: 'ItInterface',
  itContract: 'ItContract',
  dataProcessingRegistration: 'DataProcessingRegistration',
  organizationUnit: 'OrganizationUnit',
} as const;
const TrackedEntityTypeChoice = wireEnum(Object.values(TRACKED), 'TrackedEntityTypeChoice');
const TrackingEvent = z
  .object({ occurredAtUtc: z.string(), entityUuid: z.string(), entityType: TrackedEntityTypeChoice })
  .openapi('TrackingEventResponseDTO');

/** Most feed pages one deleted-entities request reads. */
const MAX_FEED_PAGES = 100;

/** Registers `kle-options`, the option types and the delta feed. */
export function registerReferenceDataRoutes(app: OpenAPIHono<ServerEnv>): void {
  const kleOut = async (names: ReturnType<typeof namesOf>, k: StoredKleTask) => ({
    uuid: k.uuid.toLowerCase(),
    kleNumber: k.taskKey,
    description: k.description,
    parentKle: k.parentUuid ? await names.kle(k.parentUuid) : null,
  });

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/kle-options',
      tags: ['kle-options'],
      summary: 'KLE tasks',
      request: {
        query: z.strictObject({
          parentKleUuid: WireUuid.optional(),
          parentKleNumber: z.string().max(20).optional(),
          kleNumberPrefix: z.string().max(20).optional(),
          kleDescriptionContent: z.string().max(200).optional(),
          ...UnboundedPaging,
        }),
      },
      responses: {
        200: json(z.object({ referenceVersion: z.string(), payload: z.array(KleDetails) }), 'The tasks.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let tasks = await c.get('kitos').kle.list(actorOf(c), { prefix: q.kleNumberPrefix });
      if (q.parentKleUuid) tasks = tasks.filter((t) => t.parentUuid?.toLowerCase() === q.parentKleUuid);
      if (q.parentKleNumber) {
        const parent = tasks.find((t) => t.taskKey === q.parentKleNumber);
        tasks = tasks.filter((t) => parent !== undefined && t.parentUuid === parent.uuid);
      }
      if (q.kleDescriptionContent) {
        const n = q.kleDescriptionContent.toLowerCase();
        tasks = tasks.filter((t) => t.description.toLowerCase().includes(n));
      }
      tasks.sort((a, b) => a.taskKey.localeCompare(b.taskKey));
      const names = namesOf(c);
      return c.json(
        {
          referenceVersion: UNKNOWN_VERSION,
          payload: await Promise.all(pageOf(tasks, q).map((t) => kleOut(names, t))),
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/kle-options/{kleUuid}',
      tags: ['kle-options'],
      summary: 'One KLE task',
      request: { params: z.object({ kleUuid: WireUuid }) },
      responses: {
        200: json(z.object({ referenceVersion: z.string(), payload: KleDetails }), 'The task.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { kleUuid } = c.req.valid('param');
      const tasks = await c.get('kitos').kle.list(actorOf(c), { includeInactive: true });
      const task = tasks.find((t) => t.uuid.toLowerCase() === kleUuid);
      if (!task) throw new KitosNotFoundError('organisation', `KLE task ${kleUuid} does not exist`);
      return c.json({ referenceVersion: UNKNOWN_VERSION, payload: await kleOut(namesOf(c), task) }, 200);
    },
  );

  for (const type of OPTION_TYPES) {
    const path = OPTION_TYPE_INFO[type].apiV2Path;
    if (!path) continue;
    registerOptionType(app, type, path);
  }

  app.openapi(
    route({
      method: 'get',
      path: '/api/v2/delta-feed/deleted-entities',
      tags: ['delta-feed'],
      summary: 'Deleted records the caller could read, oldest first',
      request: {
        query: z.strictObject({
          entityType: TrackedEntityTypeChoice.optional(),
          deletedSinceUTC: WireDateTime.optional(),
          ...BoundedPaging,
        }),
      },
      responses: { 200: json(z.array(TrackingEvent), 'A page of deletions.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const kinds = Object.entries(TRACKED)
        .filter(([, name]) => !q.entityType || name === q.entityType)
        .map(([kind]) => kind);
      const since = q.deletedSinceUTC ? Date.parse(q.deletedSinceUTC) : Number.NEGATIVE_INFINITY;
      const events: z.infer<typeof TrackingEvent>[] = [];
      // The core's feed is ordered by position; deletions are collected from it page by page.
      let point = 0;
      for (let i = 0; i < MAX_FEED_PAGES; i++) {
        const page = await kitos.feed.changesSince(actor, point, { kinds, limit: 10_000 });
        for (const d of page.deleted)
          if (Date.parse(d.deletedAt) >= since)
            events.push({
              occurredAtUtc: instantOut(d.deletedAt),
              entityUuid: d.uuid.toLowerCase(),
              entityType: TRACKED[d.kind as keyof typeof TRACKED],
            });
        if (page.next === point) break;
        point = page.next;
      }
      events.sort((a, b) => a.occurredAtUtc.localeCompare(b.occurredAtUtc) || a.entityUuid.localeCompare(b.entityUuid));
      return c.json(pageOf(events, q), 200);
    },
  );
}

function registerOptionType(app: OpenAPIHono<ServerEnv>, type: OptionType, path: string): void {
  const role = isRoleOptionType(type);
  const tags = ['option-types'];
  const Out = role ? RoleOption : RegularOption;
  const OrgQuery = { organizationUuid: WireUuid };
  const outOf = (o: { uuid: string; name: string; description: string | null; hasWriteAccess?: boolean }) =>
    role
      ? {
          writeAccess: o.hasWriteAccess ?? false,
          isExternallyAvailable: false,
          externallyAvailableDescription: null,
          description: o.description,
          uuid: o.uuid.toLowerCase(),
          name: o.name,
        }
      : { description: o.description, uuid: o.uuid.toLowerCase(), name: o.name };

  app.openapi(
    route({
      method: 'get',
      path: `/api/v2/${path}`,
      tags,
      summary: `Options of ${type} available in an organisation`,
      request: { query: z.strictObject({ ...OrgQuery, ...UnboundedPaging }) },
      responses: { 200: json(z.array(Out), 'The available options, by name.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const options = await c.get('kitos').options.available(actorOf(c), type, q.organizationUuid, 'name');
      return c.json(pageOf(options, q).map(outOf), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `/api/v2/${path}/{optionUuid}`,
      tags,
      summary: `One option of ${type}, with whether it is available in the organisation`,
      request: { params: z.object({ optionUuid: WireUuid }), query: z.strictObject(OrgQuery) },
      responses: { 200: json(Out.extend({ isAvailable: z.boolean() }), 'The option.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const { optionUuid } = c.req.valid('param');
      const { organizationUuid } = c.req.valid('query');
      const available = await kitos.options.available(actor, type, organizationUuid, 'name');
      const hit = available.find((o) => o.uuid.toLowerCase() === optionUuid);
      const option = hit ?? (await kitos.options.global(actor, type)).find((o) => o.uuid.toLowerCase() === optionUuid);
      if (!option) throw new KitosNotFoundError('options', `option ${optionUuid} of ${type} does not exist`);
      return c.json({ isAvailable: hit !== undefined, ...outOf(option) }, 200);
    },
  );
}
