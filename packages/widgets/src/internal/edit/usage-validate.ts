/**
 * The core's schemas over what the edit forms would send, and the core's words for the issues: for
 * a usage, the general, GDPR and archiving sections of the patch, the validity period and the units over the
 * values after the change; for a contract, its patch schema over the values after the change, and
 * its create schema; for a data processing registration and a project, their patch and create schemas. The only editing module that runs zod's parser: the one-script embed builds it as a file of its own
 * (`kitos-widgets.bundle.validate.js`, see rollup.config.js), so pages that only read never carry
 * the parser, and apps' bundlers load it with the edit mode.
 */
import {
  ContractCreateSchema,
  ContractPatchSchema,
  DataProcessingRegistrationCreateSchema,
  DataProcessingRegistrationPatchSchema,
  ISSUE_CODES,
  ProjectCreateSchema,
  ProjectPatchSchema,
  toValidationIssues,
  UsageArchivingPatchSchema,
  UsageGdprPatchSchema,
  UsageGeneralPatchSchema,
  UsageOrganizationUsageSchema,
  UsageValiditySchema,
  type ValidationIssue,
} from '@os2kitos/core';
import type { Lang } from '../../i18n/strings.js';

/** The values after the change that rules across fields look at. */
export interface UsageSectionValues {
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly usingUnitUuids: readonly string[];
  readonly responsibleUnitUuid: string | null;
}

const under = (prefix: readonly string[], issues: readonly ValidationIssue[]): ValidationIssue[] =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/**
 * Every issue the core's schemas find, with paths into the usage (`general.validity.validTo`).
 *
 * @example
 * ```ts
 * checkUsageSections({}, { validFrom: '2025-02-01', validTo: '2025-01-01', usingUnitUuids: [], responsibleUnitUuid: null });
 * // [{ path: ['general', 'validity', 'validTo'], code: 'date-order', … }]
 * ```
 */
export function checkUsageSections(
  patch: { readonly general?: unknown; readonly gdpr?: unknown; readonly archiving?: unknown },
  values: UsageSectionValues,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Section by section: the sections the form edits, without the whole usage schema (relations,
  // KLE, references).
  const general = UsageGeneralPatchSchema.safeParse(patch.general ?? {});
  if (!general.success) issues.push(...under(['general'], toValidationIssues(general.error)));
  const gdpr = UsageGdprPatchSchema.safeParse(patch.gdpr ?? {});
  if (!gdpr.success) issues.push(...under(['gdpr'], toValidationIssues(gdpr.error)));
  const archiving = UsageArchivingPatchSchema.safeParse(patch.archiving ?? {});
  if (!archiving.success) issues.push(...under(['archiving'], toValidationIssues(archiving.error)));
  const validity = UsageValiditySchema.safeParse({ validFrom: values.validFrom, validTo: values.validTo });
  if (!validity.success) issues.push(...under(['general', 'validity'], toValidationIssues(validity.error)));
  const units = UsageOrganizationUsageSchema.safeParse({
    usingUnitUuids: [...values.usingUnitUuids],
    responsibleUnitUuid: values.responsibleUnitUuid,
  });
  if (!units.success) issues.push(...under(['organizationUsage'], toValidationIssues(units.error)));
  return issues;
}

/** The contract values after the change that the rules across fields look at. */
export interface ContractAfterValues {
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly isContinuous: boolean;
  readonly durationYears: number | null;
  readonly durationMonths: number | null;
}

/**
 * Every issue the core's contract patch schema finds in `patch`, with the fields its rules across
 * fields read set to their values after the change (in a patch, the schema checks a rule only when
 * the patch carries every field the rule reads).
 *
 * @example
 * ```ts
 * checkContractPatch({}, { validFrom: '2025-02-01', validTo: '2025-01-01', isContinuous: false, durationYears: null, durationMonths: null });
 * // [{ path: ['general', 'validity', 'validTo'], code: 'invalid-period', … }]
 * ```
 */
export function checkContractPatch(patch: Record<string, unknown>, values: ContractAfterValues): ValidationIssue[] {
  const p = patch as { general?: { validity?: object }; agreementPeriod?: object };
  const after = {
    ...patch,
    general: {
      ...p.general,
      validity: { ...p.general?.validity, validFrom: values.validFrom, validTo: values.validTo },
    },
    agreementPeriod: {
      ...p.agreementPeriod,
      isContinuous: values.isContinuous,
      durationYears: values.durationYears,
      durationMonths: values.durationMonths,
    },
  };
  const r = ContractPatchSchema.safeParse(after);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * Every issue the core's contract create schema finds in a new contract's input.
 *
 * @example
 * ```ts
 * checkContractCreate({ organizationUuid, name: ' ' }); // [{ path: ['name'], … }]
 * ```
 */
export function checkContractCreate(input: { organizationUuid: string; name: string }): ValidationIssue[] {
  const r = ContractCreateSchema.safeParse(input);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * Every issue the core's registration patch schema finds in `patch` (its gates are the form's:
 * details behind a closed gate are not sent, and the core clears them).
 *
 * @example
 * ```ts
 * checkRegistrationPatch({ oversight: { oversightInterval: 'Weekly' } }); // [{ path: ['oversight', 'oversightInterval'], … }]
 * ```
 */
export function checkRegistrationPatch(patch: Record<string, unknown>): ValidationIssue[] {
  const r = DataProcessingRegistrationPatchSchema.safeParse(patch);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * Every issue the core's registration create schema finds in a new registration's input.
 *
 * @example
 * ```ts
 * checkRegistrationCreate({ organizationUuid, name: '' }); // [{ path: ['name'], … }]
 * ```
 */
export function checkRegistrationCreate(input: { organizationUuid: string; name: string }): ValidationIssue[] {
  const r = DataProcessingRegistrationCreateSchema.safeParse(input);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * Every issue the core's project patch schema finds in `patch` (the phases as all five, so the rule
 * on their order sees every date; the status as a whole).
 *
 * @example
 * ```ts
 * checkProjectPatch({ projectId: 'x'.repeat(101) }); // [{ path: ['projectId'], … }]
 * ```
 */
export function checkProjectPatch(patch: Record<string, unknown>): ValidationIssue[] {
  const r = ProjectPatchSchema.safeParse(patch);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * Every issue the core's project create schema finds in a new project's input.
 *
 * @example
 * ```ts
 * checkProjectCreate({ organizationUuid, name: '' }); // [{ path: ['name'], … }]
 * ```
 */
export function checkProjectCreate(input: { organizationUuid: string; name: string }): ValidationIssue[] {
  const r = ProjectCreateSchema.safeParse(input);
  return r.success ? [] : toValidationIssues(r.error);
}

/**
 * An issue in words, from the core's issue catalogue (the same words in the page and over HTTP);
 * here, so the catalogue travels with the checks and not with every page.
 *
 * @example
 * ```ts
 * issueText({ path: [], code: 'date-order', message: '' }, 'en'); // 'The dates are in the wrong order'
 * ```
 */
export function issueText(i: ValidationIssue, lang: Lang): string {
  const info = (ISSUE_CODES as Readonly<Record<string, { da: string; en: string }>>)[i.code];
  return info ? info[lang] : i.message;
}
