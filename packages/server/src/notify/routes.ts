/**
 * Reminder routes under `/api/v2/x-os2kitos/organizations/{organizationUuid}/…`: the
 * organisation's notification rules and manual advis (members read, writers change), the reminders
 * due and to come, and the log of sent and failed e-mails. Rules and advis go through the core's
 * write path, so the checks, versions (ETags) and audit are the same as for every other record.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Actor,
  AdvisFieldsSchema,
  AdvisPatchSchema,
  AdvisSchema,
  type Kitos,
  KitosNotFoundError,
  NotificationRuleFieldsSchema,
  NotificationRulePatchSchema,
  NotificationRuleSchema,
} from '@os2kitos/core';
import type { Context } from 'hono';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf, ifMatch, setEtag } from '../v2/handler.js';
import { deliveryOf, listDeliveries } from './deliveries.js';

const TAG = ['x-os2kitos notifications'];
const IsoDate = z.iso.date().openapi({ example: '2026-03-01' });

const RuleBody = z
  .strictObject(NotificationRuleFieldsSchema.shape)
  .omit({ organizationUuid: true })
  .openapi('NotificationRuleInput', { description: 'A rule; the organisation comes from the path.' });
const AdvisBody = z
  .strictObject(AdvisFieldsSchema.shape)
  .omit({ organizationUuid: true })
  .openapi('AdvisInput', { description: 'A manual advis; the organisation comes from the path.' });
const RuleResponse = z.object(NotificationRuleSchema.shape).openapi('NotificationRule');
const AdvisResponse = z.object(AdvisSchema.shape).openapi('Advis');

const DeliverySummary = z.object({
  status: z.enum(['sending', 'sent', 'retrying', 'failed']),
  reason: z.string().nullable(),
  updatedAt: z.string(),
});

const Reminder = z
  .object({
    key: z.string(),
    source: z.enum(['rule', 'advis']),
    sourceUuid: z.string(),
    organizationUuid: z.string(),
    entityKind: z.string(),
    entityUuid: z.string(),
    entityName: z.string(),
    deadline: z.string().nullable(),
    dueDate: z.string().nullable(),
    daysBefore: z.number().int().nullable(),
    sendOn: z.string(),
    why: z.array(z.object({ term: z.string(), value: z.union([z.string(), z.number()]) })),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    language: z.enum(['da', 'en']),
    recipients: z.array(z.object({ email: z.string(), userUuid: z.string().nullable(), role: z.string().nullable() })),
    delivery: DeliverySummary.nullable().openapi({ description: 'What became of it, once the scheduler took it on.' }),
  })
  .openapi('PlannedReminder');

const Delivery = z
  .object({
    uuid: z.string(),
    key: z.string(),
    organizationUuid: z.string(),
    source: z.enum(['rule', 'advis']),
    sourceUuid: z.string(),
    entityKind: z.string(),
    entityUuid: z.string(),
    entityName: z.string(),
    deadline: z.string().nullable(),
    dueDate: z.string().nullable(),
    daysBefore: z.number().int().nullable(),
    sendOn: z.string(),
    subject: z.string(),
    recipients: z.array(z.string()),
    rejected: z.array(z.string()),
    status: z.enum(['sending', 'sent', 'retrying', 'failed']),
    attempts: z.array(z.object({ at: z.string(), ok: z.boolean(), response: z.string().nullable() })),
    nextAttemptAt: z.string().nullable(),
    reason: z.string().nullable(),
    messageId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('NotificationDelivery');

const OrgParams = z.object({ organizationUuid: WireUuid });
const OneParams = z.object({ organizationUuid: WireUuid, uuid: WireUuid });
const Paging = {
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(0).max(1000).optional(),
};

type Service = Kitos['notifications']['rules'] | Kitos['notifications']['advis'];

/** Loads one rule or advis and checks it belongs to the organisation in the path. */
async function own(service: Service, actor: Actor, organizationUuid: string, uuid: string, noun: string) {
  const record = await service.get(actor, uuid);
  if (record.organizationUuid.toLowerCase() !== organizationUuid.toLowerCase())
    throw new KitosNotFoundError('notification', `${noun} ${uuid} is not one of the organisation's`, { uuid });
  return record;
}

/** Registers list, create, get, patch and delete of one of the two kinds. */
function registerCrud(
  app: OpenAPIHono<ServerEnv>,
  base: string,
  segment: string,
  noun: string,
  service: (c: Context<ServerEnv>) => Service,
  body: z.ZodType,
  patch: z.ZodType,
  response: z.ZodType,
): void {
  const many = `${base}/organizations/{organizationUuid}/${segment}`;
  const one = `${many}/{uuid}`;
  app.openapi(
    route({
      method: 'get',
      path: many,
      tags: TAG,
      summary: `The organisation's ${noun}s (members)`,
      request: { params: OrgParams, query: z.strictObject(Paging) },
      responses: {
        200: json(z.object({ items: z.array(response), total: z.number().int() }), `The ${noun}s.`),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const actor = actorOf(c);
      await c.get('kitos').notifications.assertCanSee(actor, organizationUuid);
      const page = await service(c).list(actor, { organizationUuid, ...c.req.valid('query') });
      return c.json(page as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: many,
      tags: TAG,
      summary: `Create a ${noun} (local admins, system and contract module admins)`,
      request: { params: OrgParams, ...jsonBody(body) },
      responses: { 201: { ...json(response, 'Created.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const input = { ...(c.req.valid('json') as object), organizationUuid };
      const created = await service(c).create(actorOf(c), input as never);
      setEtag(c, created.version);
      return c.json(created as never, 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: one,
      tags: TAG,
      summary: `One ${noun}`,
      request: { params: OneParams },
      responses: { 200: { ...json(response, `The ${noun}.`), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid, uuid } = c.req.valid('param');
      const record = await own(service(c), actorOf(c), organizationUuid, uuid, noun);
      setEtag(c, record.version);
      return c.json(record as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: one,
      tags: TAG,
      summary: `Change a ${noun} (the fields given; the whole result is checked)`,
      request: { params: OneParams, headers: IfMatchHeader, ...jsonBody(patch) },
      responses: { 200: { ...json(response, 'Changed.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid, uuid } = c.req.valid('param');
      const actor = actorOf(c);
      await own(service(c), actor, organizationUuid, uuid, noun);
      const changed = await service(c).patch(actor, uuid, c.req.valid('json') as never, ifMatch(c));
      setEtag(c, changed.version);
      return c.json(changed as never, 200);
    },
  );
  app.openapi(
    route({
      method: 'delete',
      path: one,
      tags: TAG,
      summary: `Delete a ${noun} (what it already sent stays in the log)`,
      request: { params: OneParams, headers: IfMatchHeader },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid, uuid } = c.req.valid('param');
      const actor = actorOf(c);
      await own(service(c), actor, organizationUuid, uuid, noun);
      await service(c).delete(actor, uuid, ifMatch(c));
      return c.body(null, 204);
    },
  );
}

/**
 * Registers the reminder routes under `base` (the extension prefix).
 *
 * @example
 * ```ts
 * registerNotificationRoutes(app, '/api/v2/x-os2kitos');
 * ```
 */
export function registerNotificationRoutes(app: OpenAPIHono<ServerEnv>, base: string): void {
  registerCrud(
    app,
    base,
    'notification-rules',
    'notification rule',
    (c) => c.get('kitos').notifications.rules,
    RuleBody,
    z.strictObject(NotificationRulePatchSchema.shape).openapi('NotificationRulePatch'),
    RuleResponse,
  );
  registerCrud(
    app,
    base,
    'advis',
    'manual advis',
    (c) => c.get('kitos').notifications.advis,
    AdvisBody,
    z.strictObject(AdvisPatchSchema.shape).openapi('AdvisPatch'),
    AdvisResponse,
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/organizations/{organizationUuid}/reminders`,
      tags: TAG,
      summary: 'Reminders due today and to come, with what became of those already taken on',
      description:
        "From the rules, the manual advis, the deadline engine and the records' own dates. `due` holds the reminders due on `today` (each with its delivery once the scheduler took it on); `ahead` those due after it, up to `until` (default 90 days).",
      request: {
        params: OrgParams,
        query: z.strictObject({
          today: IsoDate.optional(),
          until: IsoDate.optional(),
          entityUuid: WireUuid.optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ due: z.array(Reminder), ahead: z.array(Reminder) }).openapi('ReminderPlan'),
          'The reminders.',
        ),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      const plan = await kitos.notifications.plan(actorOf(c), { organizationUuid, today: q.today, until: q.until });
      const mine = <T extends { entityUuid: string }>(list: T[]) =>
        q.entityUuid ? list.filter((r) => r.entityUuid.toLowerCase() === q.entityUuid?.toLowerCase()) : list;
      const withDelivery = async (r: (typeof plan.due)[number]) => {
        const d = (await deliveryOf(kitos, r.key))?.data;
        return { ...r, delivery: d ? { status: d.status, reason: d.reason, updatedAt: d.updatedAt } : null };
      };
      const due = await Promise.all(mine(plan.due).map(withDelivery));
      const ahead = mine(plan.ahead).map((r) => ({ ...r, delivery: null }));
      return c.json({ due, ahead } as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${base}/organizations/{organizationUuid}/notification-deliveries`,
      tags: TAG,
      summary: 'The log of reminder e-mails: sent, retrying and failed (with the reason), newest first',
      request: {
        params: OrgParams,
        query: z.strictObject({
          entityUuid: WireUuid.optional(),
          status: z
            .string()
            .regex(/^(sending|sent|retrying|failed)(,(sending|sent|retrying|failed))*$/)
            .optional()
            .openapi({ description: 'Comma-separated statuses, e.g. `failed,retrying`.' }),
          ...Paging,
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(Delivery), total: z.number().int() }), 'The deliveries.'),
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const q = c.req.valid('query');
      const kitos = c.get('kitos');
      await kitos.notifications.assertCanSee(actorOf(c), organizationUuid);
      const page = await listDeliveries(kitos, {
        organizationUuid: organizationUuid.toLowerCase(),
        entityUuid: q.entityUuid?.toLowerCase(),
        status: q.status?.split(',') as never,
        offset: q.offset,
        limit: q.limit,
      });
      // The stored message body stays in the store; the log shows subject, recipients and outcome.
      const items = page.items.map((d) => {
        const { message: _m, claimedBy: _c, ...rest } = d as typeof d & { message?: unknown };
        return rest;
      });
      return c.json({ items, total: page.total } as never, 200);
    },
  );
}
