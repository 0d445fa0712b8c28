/**
 * The reminder plan: from an organisation's rules, manual advis and records (each with its dated
 * deadlines and role holders), every reminder due on `today` and every one still to come, each
 * with its recipients and a key that names it for good. The key is what makes sending safe: a
 * sender records the key before it sends, and the store refuses a second record with the same key.
 *
 * @module
 */
import type { IsoDate } from '../shared/dates.js';
import { advisDue, advisNext, type DueDate, type DueTerm, reminderDue, remindersAhead } from './notification.rules.js';
import type {
  Advis,
  NotificationDeadline,
  NotificationEntityKind,
  NotificationLanguage,
  NotificationRule,
} from './notification.schema.js';

/** A record reminders can be about, with what the plan needs of it. */
export interface NotifiableRecord {
  readonly kind: NotificationEntityKind;
  readonly uuid: string;
  readonly name: string;
  /** Role holders on the record, with their e-mail address (`null` when the user has none). */
  readonly roles: readonly { roleUuid: string; role: string; userUuid: string; email: string | null }[];
  readonly due: readonly DueDate[];
}

/** One recipient of a reminder: a role holder (with the role) or a fixed address. */
export interface ReminderRecipient {
  readonly email: string;
  readonly userUuid: string | null;
  /** The role's name when the recipient holds a chosen role. */
  readonly role: string | null;
}

/** One reminder: due now or later, from a rule or a manual advis. */
export interface PlannedReminder {
  /** Names this reminder for good: `rule/<rule>/<record>/<deadline>/<date>/<days>` or `advis/<advis>/<date>`. */
  readonly key: string;
  readonly source: 'rule' | 'advis';
  /** The rule's or the advis's uuid. */
  readonly sourceUuid: string;
  readonly organizationUuid: string;
  readonly entityKind: NotificationEntityKind;
  readonly entityUuid: string;
  readonly entityName: string;
  /** Rules only: the deadline, its date and how many days before it this reminder goes. */
  readonly deadline: NotificationDeadline | null;
  readonly dueDate: IsoDate | null;
  readonly daysBefore: number | null;
  /** The day it is (or was) due to be sent. */
  readonly sendOn: IsoDate;
  /** The terms that give the deadline its date. */
  readonly why: readonly DueTerm[];
  /** Manual advis only: the subject and text. */
  readonly subject: string | null;
  readonly body: string | null;
  readonly language: NotificationLanguage;
  readonly recipients: readonly ReminderRecipient[];
}

/** Input of {@link planReminders}. */
export interface PlanInput {
  readonly organizationUuid: string;
  readonly today: IsoDate;
  readonly rules: readonly NotificationRule[];
  readonly advis: readonly Advis[];
  readonly records: readonly NotifiableRecord[];
  /** Also list reminders due after `today` up to this day (inclusive); default: none. */
  readonly until?: IsoDate;
}

/** The plan: what is due on `today`, and what comes later (up to `until`). */
export interface ReminderPlan {
  readonly due: PlannedReminder[];
  readonly ahead: PlannedReminder[];
}

/** Role holders of the chosen roles and the fixed addresses, each address once. */
export function reminderRecipients(
  chosen: { readonly roleUuids: readonly string[]; readonly addresses: readonly string[] },
  record: Pick<NotifiableRecord, 'roles'> | undefined,
): ReminderRecipient[] {
  const out = new Map<string, ReminderRecipient>();
  for (const r of record?.roles ?? [])
    if (r.email && chosen.roleUuids.includes(r.roleUuid) && !out.has(r.email.toLowerCase()))
      out.set(r.email.toLowerCase(), { email: r.email.toLowerCase(), userUuid: r.userUuid, role: r.role });
  for (const a of chosen.addresses)
    if (!out.has(a.toLowerCase())) out.set(a.toLowerCase(), { email: a.toLowerCase(), userUuid: null, role: null });
  return [...out.values()];
}

function byDay(a: PlannedReminder, b: PlannedReminder): number {
  return a.sendOn < b.sendOn ? -1 : a.sendOn > b.sendOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The reminders of one rule. */
function ruleReminders(input: PlanInput, rule: NotificationRule, plan: ReminderPlan): void {
  for (const record of input.records) {
    if (record.kind !== rule.entityKind) continue;
    const recipients = reminderRecipients(rule.recipients, record);
    for (const due of record.due) {
      if (!rule.deadlines.includes(due.deadline)) continue;
      const make = (slot: { daysBefore: number; sendOn: IsoDate }): PlannedReminder => ({
        key: `rule/${rule.uuid}/${record.uuid}/${due.deadline}/${due.date}/${slot.daysBefore}`,
        source: 'rule',
        sourceUuid: rule.uuid,
        organizationUuid: input.organizationUuid,
        entityKind: record.kind,
        entityUuid: record.uuid,
        entityName: record.name,
        deadline: due.deadline,
        dueDate: due.date,
        daysBefore: slot.daysBefore,
        sendOn: slot.sendOn,
        why: due.why,
        subject: null,
        body: null,
        language: rule.language,
        recipients,
      });
      const now = reminderDue(rule.daysBefore, due.date, input.today);
      if (now) plan.due.push(make(now));
      if (input.until)
        for (const slot of remindersAhead(rule.daysBefore, due.date, input.today))
          if (slot.sendOn <= input.until) plan.ahead.push(make(slot));
    }
  }
}

/** The reminders of one manual advis. */
function advisReminders(input: PlanInput, a: Advis, records: Map<string, NotifiableRecord>, plan: ReminderPlan): void {
  const record = records.get(a.entityUuid);
  const make = (sendOn: IsoDate): PlannedReminder => ({
    key: `advis/${a.uuid}/${sendOn}`,
    source: 'advis',
    sourceUuid: a.uuid,
    organizationUuid: input.organizationUuid,
    entityKind: a.entityKind,
    entityUuid: a.entityUuid,
    entityName: record?.name ?? a.entityUuid,
    deadline: null,
    dueDate: null,
    daysBefore: null,
    sendOn,
    why: [],
    subject: a.subject,
    body: a.body,
    language: a.language,
    recipients: reminderRecipients(a.recipients, record),
  });
  const now = advisDue(a, input.today);
  if (now) plan.due.push(make(now));
  let day: IsoDate = input.today;
  for (let i = 0; input.until && i < 1000; i++) {
    const next = advisNext(a, day);
    if (next === null || next > input.until) break;
    plan.ahead.push(make(next));
    day = next;
  }
}

/**
 * Every reminder of an organisation due on `today`, and (with `until`) those still to come.
 * Inactive rules and advis plan nothing.
 *
 * @example
 * ```ts
 * const { due, ahead } = planReminders({ organizationUuid, today: '2026-03-01', until: '2026-06-01', rules, advis, records });
 * due[0]; // { key: 'rule/…/notice/2026-03-31/30', sendOn: '2026-03-01', recipients: [{ email: 'ejer@kommune.dk', … }], … }
 * ```
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const plan: ReminderPlan = { due: [], ahead: [] };
  for (const rule of input.rules) if (rule.active) ruleReminders(input, rule, plan);
  const records = new Map(input.records.map((r) => [r.uuid, r]));
  for (const a of input.advis) if (a.active) advisReminders(input, a, records, plan);
  plan.due.sort(byDay);
  plan.ahead.sort(byDay);
  return plan;
}
