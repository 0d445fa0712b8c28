/**
 * The notification service: an organisation's reminder rules and manual advis (both through the
 * generic entity service: parsed, permission-checked, versioned and audited), and the reminder
 * plan computed from them, the deadline engine and the records' own dates.
 *
 * @module
 */
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { CallContext } from '../engine/call.js';
import { readEntity } from '../engine/repository.js';
import type { Runtime } from '../engine/runtime.js';
import { type CallRunner, createEntityService, type EntityService } from '../engine/service.js';
import { contractDueDates, dprDueDates, projectDueDates, usageDueDates } from '../notification/notification.rules.js';
import {
  type NotifiableRecord,
  type PlannedReminder,
  planReminders,
  type ReminderPlan,
} from '../notification/notification.plan.js';
import {
  type Advis,
  AdvisCreateSchema,
  AdvisFieldsSchema,
  AdvisPatchSchema,
  type NotificationEntityKind,
  type NotificationRule,
  NotificationRuleCreateSchema,
  NotificationRuleFieldsSchema,
  NotificationRulePatchSchema,
} from '../notification/notification.schema.js';
import type { OptionType } from '../options/option-type.js';
import type { Project } from '../project/project.schema.js';
import { addDays, type IsoDate } from '../shared/dates.js';
import { KitosForbiddenError, KitosStateError, KitosValidationError, type ValidationIssue } from '../shared/errors.js';
import { EntityMetaSchema, IsoDateSchema, parse, toValidationIssues, UuidSchema } from '../shared/schema.js';
import { loadReadContext } from './read-context.service.js';
import {
  ADVIS,
  CONTRACT,
  DPR,
  GLOBAL_OPTION,
  NOTIFICATION_RULE,
  PROJECT,
  type StoredGlobalOption,
  USAGE,
} from './kinds.js';
import { allOf } from './lookup.js';

type In<S extends z.ZodType> = z.input<S>;

/** Query of {@link NotificationService.plan}. */
export interface ReminderPlanQuery {
  readonly organizationUuid: string;
  /** The day to plan for (default: today). */
  readonly today?: IsoDate;
  /** Also list reminders to come up to this day (inclusive); default: 90 days ahead. */
  readonly until?: IsoDate;
}

/** Reminder rules, manual advis and the reminder plan. */
export interface NotificationService {
  /**
   * Reminder rules of an organisation. Members read them; local admins and system or contract
   * module admins change them.
   *
   * @example
   * ```ts
   * const rule = await kitos.notifications.rules.create(admin, {
   *   organizationUuid, name: 'Opsigelsesfrist', entityKind: 'itContract', deadlines: ['notice'],
   *   daysBefore: [90, 30, 7], recipients: { roleUuids: [contractOwnerRoleUuid] },
   * });
   * ```
   */
  readonly rules: EntityService<
    NotificationRule,
    In<typeof NotificationRuleCreateSchema>,
    In<typeof NotificationRulePatchSchema>
  >;
  /**
   * Manual advis (KITOS-style e-mails with a subject and text on one record, once or repeating).
   *
   * @example
   * ```ts
   * await kitos.notifications.advis.create(admin, {
   *   organizationUuid, entityKind: 'itContract', entityUuid, subject: 'Prisregulering',
   *   body: 'Husk at forhandle prisen', alarmDate: '2027-01-10', repeat: 'year',
   *   recipients: { addresses: ['indkoeb@kommune.dk'] },
   * });
   * ```
   */
  readonly advis: EntityService<Advis, In<typeof AdvisCreateSchema>, In<typeof AdvisPatchSchema>>;
  /**
   * The organisation's reminders due on `today` and those to come up to `until` (members only).
   *
   * @example
   * ```ts
   * const { due, ahead } = await kitos.notifications.plan(actor, { organizationUuid, until: '2026-12-31' });
   * ```
   */
  plan(actor: Actor, query: ReminderPlanQuery): Promise<ReminderPlan>;
  /**
   * Throws `KitosForbiddenError` unless the actor may see the organisation's reminders and their
   * delivery log: its members and global admins (the same check {@link plan} makes).
   *
   * @example
   * ```ts
   * await kitos.notifications.assertCanSee(actor, organizationUuid);
   * ```
   */
  assertCanSee(actor: Actor, organizationUuid: string): Promise<void>;
  /**
   * Every reminder due on `today` in every organisation with rules or advis, read as the system:
   * for the server's scheduler, which records each by its key before it sends.
   *
   * @example
   * ```ts
   * for (const r of await kitos.notifications.due('2026-03-01')) console.log(r.key, r.recipients);
   * ```
   */
  due(today?: IsoDate): Promise<PlannedReminder[]>;
}

/** The role option type of each kind of record (projects have no role assignments). */
const ROLE_TYPES: Readonly<Record<NotificationEntityKind, OptionType | null>> = {
  itContract: 'it-contract-role-types',
  itSystemUsage: 'it-system-usage-role-types',
  dataProcessingRegistration: 'data-processing-registration-role-types',
  project: null,
};

const RECORD_DEFS = { itContract: CONTRACT, itSystemUsage: USAGE, dataProcessingRegistration: DPR, project: PROJECT };

/** The whole next state against the fields schema: a patch must not slip past a rule of the whole. */
function reparse<T>(schema: z.ZodType<T>, next: unknown, kind: string): T {
  const fields = Object.fromEntries(
    Object.entries(next as Record<string, unknown>).filter(([key]) => !Object.hasOwn(EntityMetaSchema.shape, key)),
  );
  const r = schema.safeParse(fields);
  if (!r.success) throw new KitosValidationError('notification', toValidationIssues(r.error), { kind });
  return r.data;
}

/** Every chosen role must be a role option of the record kind's role type. */
async function checkRoles(call: CallContext, kind: NotificationEntityKind, roleUuids: readonly string[]) {
  const type = ROLE_TYPES[kind];
  const issues: ValidationIssue[] = [];
  for (const [i, uuid] of roleUuids.entries()) {
    const option = (await call.tx.get<StoredGlobalOption>(GLOBAL_OPTION.kind, uuid))?.data;
    if (type === null || !option || option.type !== type)
      issues.push({
        path: ['recipients', 'roleUuids', i],
        code: 'option-not-found',
        message: type === null ? `a ${kind} has no roles` : `no role of type ${type} with uuid ${uuid}`,
      });
  }
  if (issues.length) throw new KitosValidationError('notification', issues);
}

/** The records of one organisation with their due dates and role holders. */
async function notifiableRecords(call: CallContext, organizationUuid: string, today: IsoDate) {
  const ctx = await loadReadContext(call, organizationUuid, today);
  const records: NotifiableRecord[] = [];
  for (const c of ctx.contracts)
    records.push({
      kind: 'itContract',
      uuid: c.uuid,
      name: c.name,
      roles: ctx.roleHolders(c.roles),
      due: contractDueDates(ctx.deadlines(c)),
    });
  for (const u of ctx.usages)
    records.push({
      kind: 'itSystemUsage',
      uuid: u.uuid,
      name: ctx.usageName(u.uuid).name,
      roles: ctx.roleHolders(u.roles),
      due: usageDueDates(u),
    });
  for (const r of ctx.registrations)
    records.push({
      kind: 'dataProcessingRegistration',
      uuid: r.uuid,
      name: r.name,
      roles: ctx.roleHolders(r.roles),
      due: dprDueDates(r),
    });
  for (const p of await allOf<Project>(call.tx, PROJECT.kind, organizationUuid))
    records.push({ kind: 'project', uuid: p.uuid, name: p.name, roles: [], due: projectDueDates(p, today) });
  return records;
}

async function planFor(call: CallContext, organizationUuid: string, today: IsoDate, until?: IsoDate) {
  const rules = await allOf<NotificationRule>(call.tx, NOTIFICATION_RULE.kind, organizationUuid);
  const advis = await allOf<Advis>(call.tx, ADVIS.kind, organizationUuid);
  if (!rules.some((r) => r.active) && !advis.some((a) => a.active)) return { due: [], ahead: [] };
  const records = await notifiableRecords(call, organizationUuid, today);
  return planReminders({ organizationUuid, today, until, rules, advis, records });
}

/** Members and global admins see an organisation's reminders; the parsed uuid otherwise. */
function mustSee(call: CallContext, organizationUuid: string): string {
  const org = parse(UuidSchema, organizationUuid, 'notification');
  if (!call.actor.isGlobalAdmin && !call.actor.roles.has(org))
    throw new KitosForbiddenError('notification', 'only members of the organisation see its reminders', {
      organizationUuid: org,
    });
  return org;
}

const protect = (_call: CallContext, e: { uuid: string; organizationUuid: string }) => ({
  kind: 'notification' as const,
  uuid: e.uuid,
  organizationUuid: e.organizationUuid,
});

/** The notification service (the scheduler's `due` needs the runtime's system calls). */
export function notificationService(runner: CallRunner, system?: Pick<Runtime, 'system'>): NotificationService {
  const rules = createEntityService<
    NotificationRule,
    z.output<typeof NotificationRuleCreateSchema>,
    z.output<typeof NotificationRulePatchSchema>,
    In<typeof NotificationRuleCreateSchema>,
    In<typeof NotificationRulePatchSchema>
  >(runner, {
    def: NOTIFICATION_RULE,
    fieldsSchema: NotificationRuleFieldsSchema,
    createSchema: NotificationRuleCreateSchema,
    patchSchema: NotificationRulePatchSchema,
    protect,
    createOrganization: (i) => i.organizationUuid,
    prepareCreate: (_call, input) => input,
    immutable: ['entityKind'],
    check: async (call, next) => {
      const rule = reparse(NotificationRuleFieldsSchema, next, NOTIFICATION_RULE.kind);
      await checkRoles(call, rule.entityKind, rule.recipients.roleUuids);
    },
  });
  const advis = createEntityService<
    Advis,
    z.output<typeof AdvisCreateSchema>,
    z.output<typeof AdvisPatchSchema>,
    In<typeof AdvisCreateSchema>,
    In<typeof AdvisPatchSchema>
  >(runner, {
    def: ADVIS,
    fieldsSchema: AdvisFieldsSchema,
    createSchema: AdvisCreateSchema,
    patchSchema: AdvisPatchSchema,
    protect,
    createOrganization: (i) => i.organizationUuid,
    prepareCreate: (_call, input) => input,
    immutable: ['entityKind', 'entityUuid'],
    check: async (call, next, current) => {
      const a = reparse(AdvisFieldsSchema, next, ADVIS.kind);
      const record = await readEntity(call.tx, RECORD_DEFS[a.entityKind] as never, a.entityUuid);
      if (!record || (record as unknown as { organizationUuid: string }).organizationUuid !== a.organizationUuid)
        throw new KitosValidationError('notification', [
          {
            path: ['entityUuid'],
            code: 'reference-not-found',
            message: `no ${a.entityKind} ${a.entityUuid} in the organisation`,
          },
        ]);
      // An alarm date kept from before may have passed; a new or changed one may not.
      if ((!current || current.alarmDate !== a.alarmDate) && a.alarmDate < call.today)
        throw new KitosValidationError('notification', [
          {
            path: ['alarmDate'],
            code: 'date-in-past',
            message: `the alarm date ${a.alarmDate} is before today (${call.today})`,
          },
        ]);
      await checkRoles(call, a.entityKind, a.recipients.roleUuids);
    },
  });
  return {
    rules,
    advis,
    plan: (actor, query) =>
      runner.read(actor, async (call) => {
        const org = mustSee(call, query.organizationUuid);
        const today = query.today === undefined ? call.today : parse(IsoDateSchema, query.today, 'notification');
        const until =
          query.until === undefined ? addDays(today, 90) : parse(IsoDateSchema, query.until, 'notification');
        return planFor(call, org, today, until);
      }),
    assertCanSee: (actor, organizationUuid) =>
      runner.read(actor, async (call) => {
        mustSee(call, organizationUuid);
      }),
    due: (today) => {
      if (!system) throw new KitosStateError('notification', 'due() runs on the facade, not inside a unit of work');
      return system.system(async (call) => {
        const day = today === undefined ? call.today : parse(IsoDateSchema, today, 'notification');
        const orgs = new Set<string>();
        for (const kind of [NOTIFICATION_RULE.kind, ADVIS.kind])
          for (const r of await allOf<{ organizationUuid: string; active: boolean }>(call.tx, kind))
            if (r.active) orgs.add(r.organizationUuid);
        const due: PlannedReminder[] = [];
        for (const org of [...orgs].sort()) due.push(...(await planFor(call, org, day)).due);
        return due;
      });
    },
  };
}
