/**
 * The GDPR section of an IT-system usage (`gdpr.*` in KITOS API v2) and its gate table.
 *
 * Several GDPR questions are "gates": a Yes/No question whose detail fields only make sense when
 * the answer is Yes (e.g. the date and result of a risk assessment only exist when one was
 * conducted). KITOS refuses details behind a closed gate and wipes them when the answer moves away
 * from Yes. The same holds for the specific kinds of personal data, which need the `PersonalData`
 * sensitivity level. {@link UsageGdprSchema} rejects a stored value that breaks a gate; the
 * `applyUsageGdprPatch` rule applies a change and clears what a closed gate hides.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, LinkSchema, UuidSchema, YesNoDontKnow } from '../shared/index.js';
import {
  GdprRiskLevel,
  PersonalDataOption,
  SensitiveDataLevel,
  TechnicalPrecaution,
  UsageHostedAt,
} from './usage-enums.js';
import { usagePatchOf } from './schema-helpers.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';

const answer = () => YesNoDontKnow.schema.nullable().default(null);
const date = () => IsoDateSchema.nullable().default(null);
const link = () => LinkSchema.nullable().default(null);

/** The GDPR fields without the gate check (the shape patches are derived from). */
const usageGdprObject = z.strictObject({
  /** General purpose of the processing. */
  purpose: boundedText(LIMITS.note).nullable().default(null),
  businessCritical: answer(),
  hostedAt: UsageHostedAt.schema.nullable().default(null),
  /** Link to the record of processing activities ("fortegnelse"). */
  directoryDocumentation: link(),
  dataSensitivityLevels: distinctList(SensitiveDataLevel.schema, { max: LIMITS.options }).default([]),
  /** Only when `dataSensitivityLevels` contains `PersonalData`. */
  specificPersonalData: distinctList(PersonalDataOption.schema, { max: LIMITS.options }).default([]),
  /** Sensitive personal data types (option uuids). */
  sensitivePersonDataUuids: distinctList(UuidSchema, { max: LIMITS.options }).default([]),
  /** Registered data categories (register type option uuids). */
  registeredDataCategoryUuids: distinctList(UuidSchema, { max: LIMITS.options }).default([]),
  technicalPrecautionsInPlace: answer(),
  technicalPrecautionsApplied: distinctList(TechnicalPrecaution.schema, { max: LIMITS.options }).default([]),
  technicalPrecautionsDocumentation: link(),
  userSupervision: answer(),
  userSupervisionDate: date(),
  userSupervisionDocumentation: link(),
  riskAssessmentConducted: answer(),
  riskAssessmentConductedDate: date(),
  riskAssessmentResult: GdprRiskLevel.schema.nullable().default(null),
  riskAssessmentDocumentation: link(),
  riskAssessmentNotes: boundedText(LIMITS.note).nullable().default(null),
  /** When the next risk assessment is planned; not behind any gate. */
  plannedRiskAssessmentDate: date(),
  dpiaConducted: answer(),
  dpiaDate: date(),
  dpiaDocumentation: link(),
  retentionPeriodDefined: answer(),
  nextDataRetentionEvaluationDate: date(),
  /** 0 means "not set" (KITOS resets it to 0 when the gate closes). */
  dataRetentionEvaluationFrequencyInMonths: z.number().int().min(0).default(0),
});

/**
 * The gated GDPR questions and their detail fields, in the order rules report them. A detail may
 * only hold a value while its question is answered `Yes`.
 */
export const UsageGdprGates = [
  {
    answer: 'technicalPrecautionsInPlace',
    details: ['technicalPrecautionsApplied', 'technicalPrecautionsDocumentation'],
  },
  { answer: 'userSupervision', details: ['userSupervisionDate', 'userSupervisionDocumentation'] },
  {
    answer: 'riskAssessmentConducted',
    details: [
      'riskAssessmentConductedDate',
      'riskAssessmentResult',
      'riskAssessmentDocumentation',
      'riskAssessmentNotes',
    ],
  },
  { answer: 'dpiaConducted', details: ['dpiaDate', 'dpiaDocumentation'] },
  {
    answer: 'retentionPeriodDefined',
    details: ['nextDataRetentionEvaluationDate', 'dataRetentionEvaluationFrequencyInMonths'],
  },
] as const satisfies readonly { answer: keyof UsageGdpr; details: readonly (keyof UsageGdpr)[] }[];

/** A field that depends on a gate (one of the {@link UsageGdprGates} details, or `specificPersonalData`). */
export type UsageGdprDetailField = (typeof UsageGdprGates)[number]['details'][number] | 'specificPersonalData';

/**
 * True when a detail holds a value. Empty text, an empty list and a frequency of 0 count as "not
 * set", so a form that sends blanks behind a closed gate is not refused.
 *
 * @example
 * ```ts
 * usageGdprDetailIsSet([]); // false
 * usageGdprDetailIsSet('2025-01-01'); // true
 * ```
 */
export function usageGdprDetailIsSet(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0) return false;
  return !(Array.isArray(value) && value.length === 0);
}

/**
 * The value a detail takes when its gate closes: `[]` for lists, `0` for the retention frequency,
 * `null` otherwise.
 *
 * @example
 * ```ts
 * usageGdprClearedValue('dataRetentionEvaluationFrequencyInMonths'); // 0
 * ```
 */
export function usageGdprClearedValue(field: UsageGdprDetailField): [] | 0 | null {
  if (field === 'dataRetentionEvaluationFrequencyInMonths') return 0;
  if (field === 'technicalPrecautionsApplied' || field === 'specificPersonalData') return [];
  return null;
}

/** One detail that holds a value behind a closed gate. */
export interface UsageGdprGateBreach {
  /** The detail field. */
  readonly field: UsageGdprDetailField;
  /** The question (or `dataSensitivityLevels`) that keeps it closed. */
  readonly gate: (typeof UsageGdprGates)[number]['answer'] | 'dataSensitivityLevels';
}

/**
 * True when the gate of `gate` is open in `gdpr`: the question is answered `Yes`, or for
 * `dataSensitivityLevels` the `PersonalData` level is present.
 *
 * @example
 * ```ts
 * usageGdprGateOpen({ dpiaConducted: 'Yes' }, 'dpiaConducted'); // true
 * usageGdprGateOpen({ dataSensitivityLevels: ['None'] }, 'dataSensitivityLevels'); // false
 * ```
 */
export function usageGdprGateOpen(gdpr: Partial<UsageGdpr>, gate: UsageGdprGateBreach['gate']): boolean {
  if (gate === 'dataSensitivityLevels') return (gdpr.dataSensitivityLevels ?? []).includes('PersonalData');
  return gdpr[gate] === 'Yes';
}

/**
 * Lists the details of `gdpr` that hold a value behind a closed gate, in {@link UsageGdprGates}
 * order, the specific personal data last.
 *
 * @example
 * ```ts
 * findUsageGdprGateBreaches({ dpiaConducted: 'No', dpiaDate: '2025-01-01' });
 * // [{ field: 'dpiaDate', gate: 'dpiaConducted' }]
 * ```
 */
export function findUsageGdprGateBreaches(gdpr: Partial<UsageGdpr>): UsageGdprGateBreach[] {
  const breaches: UsageGdprGateBreach[] = [];
  for (const { answer, details } of UsageGdprGates) {
    if (usageGdprGateOpen(gdpr, answer)) continue;
    for (const field of details) if (usageGdprDetailIsSet(gdpr[field])) breaches.push({ field, gate: answer });
  }
  if (!usageGdprGateOpen(gdpr, 'dataSensitivityLevels') && usageGdprDetailIsSet(gdpr.specificPersonalData)) {
    breaches.push({ field: 'specificPersonalData', gate: 'dataSensitivityLevels' });
  }
  return breaches;
}

/**
 * Readable explanation of a breach, shared by the schema and the patch rule.
 *
 * @example
 * ```ts
 * describeUsageGdprBreach({ field: 'dpiaDate', gate: 'dpiaConducted' }, { dpiaConducted: 'No' });
 * // 'dpiaDate can only be set when dpiaConducted is Yes (it is No)'
 * ```
 */
export function describeUsageGdprBreach(breach: UsageGdprGateBreach, gdpr: Partial<UsageGdpr>): string {
  if (breach.gate === 'dataSensitivityLevels') {
    return 'specificPersonalData can only be set when dataSensitivityLevels contains PersonalData';
  }
  return `${breach.field} can only be set when ${breach.gate} is Yes (it is ${gdpr[breach.gate] ?? 'not answered'})`;
}

/**
 * The GDPR section of a usage. Details behind a closed gate are rejected with the issue code
 * `gate-closed` at the detail's path.
 *
 * @example
 * ```ts
 * UsageGdprSchema.parse({ riskAssessmentConducted: 'Yes', riskAssessmentResult: 'Low' }); // ok
 * UsageGdprSchema.safeParse({ riskAssessmentConducted: 'No', riskAssessmentResult: 'Low' }).success; // false
 * ```
 */
export const UsageGdprSchema = usageGdprObject.superRefine((gdpr, ctx) => {
  for (const breach of findUsageGdprGateBreaches(gdpr)) {
    ctx.addIssue({
      code: 'custom',
      path: [breach.field],
      message: describeUsageGdprBreach(breach, gdpr),
      params: { code: 'gate-closed' },
    });
  }
});
/** The GDPR section of a usage. */
export type UsageGdpr = z.infer<typeof UsageGdprSchema>;

/**
 * A change to the GDPR section: only the fields given are changed (`null` clears a field). Apply
 * it with `applyUsageGdprPatch`, which enforces the gates.
 */
export const UsageGdprPatchSchema = usagePatchOf(usageGdprObject);
/** A change to the GDPR section. */
export type UsageGdprPatch = z.infer<typeof UsageGdprPatchSchema>;
