/**
 * Reminders ("advis"): an organisation's notification rules — which computed deadlines give
 * e-mails, how many days before, to whom — and KITOS-style manual advis (one-off or repeating
 * e-mails with a subject and text on one record).
 *
 * KITOS schedules every advis by hand. Here the deadlines come from the deadline engine and the
 * record's own dates, so one rule covers every contract (or usage, registration, project) of the
 * organisation and nobody has to remember to schedule anything.
 *
 * @module
 */
import { z } from 'zod';
import { UserEmailSchema } from '../organisation/user.schema.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';
import { EntityMetaSchema, IsoDateSchema, nameSchema, UuidSchema } from '../shared/schema.js';

/** The kinds of record reminders can be about. */
export const NOTIFICATION_ENTITY_KINDS = [
  'itContract',
  'itSystemUsage',
  'dataProcessingRegistration',
  'project',
] as const;
/** A kind of record reminders can be about. */
export type NotificationEntityKind = (typeof NOTIFICATION_ENTITY_KINDS)[number];

/**
 * The deadlines a rule can remind of, per kind of record:
 *
 * - contracts (from the deadline engine): `notice` (the latest day to give notice, for the next
 *   possible end or, on a fixed term, before the expiry), `earliest-end` (the next possible end
 *   if notice were given today), `expiry`, `extension-decision`, `tender-start`;
 * - registrations: `next-oversight` (the scheduled inspection date);
 * - usages: `planned-risk-assessment`, `dpia-review` (a year after the last DPIA),
 *   `data-retention-evaluation` (the next evaluation date);
 * - projects: `phase-end` (the end of the current phase).
 */
export const NOTIFICATION_DEADLINES = {
  itContract: ['notice', 'earliest-end', 'expiry', 'extension-decision', 'tender-start'],
  dataProcessingRegistration: ['next-oversight'],
  itSystemUsage: ['planned-risk-assessment', 'dpia-review', 'data-retention-evaluation'],
  project: ['phase-end'],
} as const satisfies Record<NotificationEntityKind, readonly string[]>;
/** A deadline a rule can remind of. */
export type NotificationDeadline = (typeof NOTIFICATION_DEADLINES)[NotificationEntityKind][number];
/** Every deadline, for the schema. */
export const NOTIFICATION_DEADLINE_NAMES = Object.values(NOTIFICATION_DEADLINES).flat() as [
  NotificationDeadline,
  ...NotificationDeadline[],
];

/** Languages reminders are written in (Danish by default, as KITOS). */
export const NotificationLanguageSchema = z.enum(['da', 'en']);
/** A language reminders are written in. */
export type NotificationLanguage = z.infer<typeof NotificationLanguageSchema>;

/**
 * Who gets a reminder: the holders of role options on the record (e.g. Kontraktejer,
 * Systemejer, Databeskyttelsesrådgiver), fixed addresses, or both. At least one of the two.
 */
export const NotificationRecipientsSchema = z
  .strictObject({
    /** Role options of the record's role type; every holder of one of them gets the e-mail. */
    roleUuids: distinctList(UuidSchema, { max: 20, what: 'a role' }).default([]),
    /** Fixed addresses (a shared mailbox, say). */
    addresses: distinctList(UserEmailSchema, { max: 20, what: 'an address' }).default([]),
  })
  .refine((r) => r.roleUuids.length + r.addresses.length > 0, {
    message: 'name at least one role or address',
    params: { code: 'required' },
  });
/** Who gets a reminder. */
export type NotificationRecipients = z.infer<typeof NotificationRecipientsSchema>;

const daysBefore = distinctList(z.number().int().min(0).max(3650), { max: 10, what: 'a number of days' }).min(1, {
  message: 'give at least one number of days',
});

/** The fields of a notification rule. */
export const NotificationRuleFieldsSchema = z
  .strictObject({
    organizationUuid: UuidSchema,
    name: nameSchema(LIMITS.shortText),
    entityKind: z.enum(NOTIFICATION_ENTITY_KINDS),
    /** The deadlines of that kind this rule reminds of. */
    deadlines: distinctList(z.enum(NOTIFICATION_DEADLINE_NAMES), { max: 10, what: 'a deadline' }).min(1, {
      message: 'choose at least one deadline',
    }),
    /** Days before the deadline to send (0 = on the day), e.g. `[90, 30, 7]`. */
    daysBefore,
    recipients: NotificationRecipientsSchema,
    language: NotificationLanguageSchema.default('da'),
    /** An inactive rule sends nothing and plans nothing. */
    active: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const allowed: readonly string[] = NOTIFICATION_DEADLINES[rule.entityKind];
    rule.deadlines.forEach((d, i) => {
      if (!allowed.includes(d))
        ctx.addIssue({
          code: 'custom',
          path: ['deadlines', i],
          message: `a ${rule.entityKind} has no deadline "${d}" (it has ${allowed.join(', ')})`,
          params: { code: 'invalid-value' },
        });
    });
  });
/** The fields of a notification rule. */
export type NotificationRuleFields = z.infer<typeof NotificationRuleFieldsSchema>;

/**
 * A stored notification rule.
 *
 * @example
 * ```ts
 * await kitos.notifications.rules.create(admin, {
 *   organizationUuid, name: 'Opsigelse', entityKind: 'itContract', deadlines: ['notice'],
 *   daysBefore: [90, 30, 7], recipients: { roleUuids: [contractOwnerRole], addresses: ['it@kommune.dk'] },
 * });
 * ```
 */
export const NotificationRuleSchema = z.strictObject({
  ...EntityMetaSchema.shape,
  ...NotificationRuleFieldsSchema.shape,
});
/** A stored notification rule. */
export type NotificationRule = z.infer<typeof NotificationRuleSchema>;
/** Input for creating a rule. */
export const NotificationRuleCreateSchema = NotificationRuleFieldsSchema;
/** Input for changing a rule (the organisation never changes; the whole next state is checked). */
export const NotificationRulePatchSchema = z
  .strictObject(NotificationRuleFieldsSchema.shape)
  .omit({ organizationUuid: true })
  .partial();

/** How often a manual advis repeats (KITOS `Scheduling`, without hours). */
export const AdvisRepeatSchema = z.enum(['once', 'week', 'month', 'quarter', 'half-year', 'year']);
/** How often a manual advis repeats. */
export type AdvisRepeat = z.infer<typeof AdvisRepeatSchema>;

/** The fields of a manual advis. */
export const AdvisFieldsSchema = z
  .strictObject({
    organizationUuid: UuidSchema,
    entityKind: z.enum(NOTIFICATION_ENTITY_KINDS),
    /** The record it is about, in the same organisation. */
    entityUuid: UuidSchema,
    subject: nameSchema(LIMITS.shortText),
    body: boundedText(LIMITS.text),
    /** First day to send. Must not be in the past when set or changed. */
    alarmDate: IsoDateSchema,
    repeat: AdvisRepeatSchema.default('once'),
    /** Last day a repeating advis may be sent (inclusive); `null` repeats until deactivated. */
    stopDate: IsoDateSchema.nullable().default(null),
    recipients: NotificationRecipientsSchema,
    language: NotificationLanguageSchema.default('da'),
    active: z.boolean().default(true),
  })
  .superRefine((a, ctx) => {
    if (a.stopDate !== null && a.stopDate < a.alarmDate)
      ctx.addIssue({
        code: 'custom',
        path: ['stopDate'],
        message: 'the stop date is before the alarm date',
        params: { code: 'invalid-period' },
      });
  });
/** The fields of a manual advis. */
export type AdvisFields = z.infer<typeof AdvisFieldsSchema>;

/**
 * A stored manual advis.
 *
 * @example
 * ```ts
 * await kitos.notifications.advis.create(user, {
 *   organizationUuid, entityKind: 'itContract', entityUuid: contract.uuid, subject: 'Genforhandl prisen',
 *   body: 'Husk prisregulering', alarmDate: '2027-01-10', repeat: 'year', recipients: { addresses: ['it@kommune.dk'] },
 * });
 * ```
 */
export const AdvisSchema = z.strictObject({ ...EntityMetaSchema.shape, ...AdvisFieldsSchema.shape });
/** A stored manual advis. */
export type Advis = z.infer<typeof AdvisSchema>;
/** Input for creating a manual advis. */
export const AdvisCreateSchema = AdvisFieldsSchema;
/** Input for changing a manual advis (organisation and record never change). */
export const AdvisPatchSchema = z
  .strictObject(AdvisFieldsSchema.shape)
  .omit({ organizationUuid: true, entityKind: true, entityUuid: true })
  .partial();
