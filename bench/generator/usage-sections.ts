/**
 * The GDPR and archiving sections of generated usages. The GDPR answers respect the gates: a
 * detail only carries a value while its question is answered "Yes" (see `UsageGdprGates`), and the
 * specific kinds of personal data only appear with the `PersonalData` level.
 *
 * @module
 */
import type { IsoDate, UsageArchiving, UsageGdpr, YesNoDontKnow } from '@os2kitos/core';
import type { BusinessArea } from './areas.js';
import { type GeneratorContext, dayAround, maybe } from './context.js';
import { type Random, type WeightedPicker, weightedPicker } from './random.js';

const HOSTED_AT = weightedPicker<UsageGdpr['hostedAt']>([
  ['External', 50],
  ['OnPremise', 25],
  ['Hybrid', 15],
  ['Undecided', 5],
  [null, 5],
]);
const RISK_RESULT = weightedPicker<UsageGdpr['riskAssessmentResult']>([
  ['Low', 50],
  ['Middle', 30],
  ['High', 10],
  ['Undecided', 10],
]);
const ARCHIVE_DUTY = weightedPicker<UsageArchiving['archiveDuty']>([
  ['B', 30],
  ['K', 35],
  ['Undecided', 15],
  ['Unknown', 10],
  ['PreserveDataCanDiscardDocuments', 10],
]);

/** A GDPR section with nothing answered (every gate closed). */
export function emptyGdpr(): UsageGdpr {
  return {
    purpose: null,
    businessCritical: null,
    hostedAt: null,
    directoryDocumentation: null,
    dataSensitivityLevels: [],
    specificPersonalData: [],
    sensitivePersonDataUuids: [],
    registeredDataCategoryUuids: [],
    technicalPrecautionsInPlace: null,
    technicalPrecautionsApplied: [],
    technicalPrecautionsDocumentation: null,
    userSupervision: null,
    userSupervisionDate: null,
    userSupervisionDocumentation: null,
    riskAssessmentConducted: null,
    riskAssessmentConductedDate: null,
    riskAssessmentResult: null,
    riskAssessmentDocumentation: null,
    riskAssessmentNotes: null,
    plannedRiskAssessmentDate: null,
    dpiaConducted: null,
    dpiaDate: null,
    dpiaDocumentation: null,
    retentionPeriodDefined: null,
    nextDataRetentionEvaluationDate: null,
    dataRetentionEvaluationFrequencyInMonths: 0,
  };
}

const ANSWERS = new Map<number, WeightedPicker<YesNoDontKnow | null>>();

/** A GDPR answer that is "Yes" with weight `yes` (against 55 for the others). */
function answer(rng: Random, yes: number): YesNoDontKnow | null {
  let picker = ANSWERS.get(yes);
  if (!picker) {
    picker = weightedPicker<YesNoDontKnow | null>([
      ['Yes', yes],
      ['No', 30],
      ['DontKnow', 8],
      ['Undecided', 7],
      [null, 10],
    ]);
    ANSWERS.set(yes, picker);
  }
  return picker.pick(rng);
}

function sensitivityLevels(rng: Random, area: BusinessArea): UsageGdpr['dataSensitivityLevels'] {
  if (area.personalData === 'none') return ['None'];
  if (area.personalData === 'personal') return rng.chance(0.1) ? ['PersonalData', 'LegalData'] : ['PersonalData'];
  return rng.chance(0.3) ? ['PersonalData', 'SensitiveData', 'LegalData'] : ['PersonalData', 'SensitiveData'];
}

/**
 * A GDPR section for a usage of a system in `area`: most usages of systems with personal data
 * have one, a few others too; the rest are empty.
 */
export function generateGdpr(ctx: GeneratorContext, rng: Random, area: BusinessArea, domain: string): UsageGdpr {
  const filled = rng.chance(area.personalData === 'none' ? 0.2 : 0.7);
  if (!filled) return emptyGdpr();
  const { today } = ctx;
  const link = (name: string, path: string) => ({ name, url: `https://intranet.${domain}/gdpr/${path}` });
  const levels = sensitivityLevels(rng, area);
  const personal = levels.includes('PersonalData');
  const sensitive = levels.includes('SensitiveData');
  const precautions = answer(rng, 60);
  const supervision = answer(rng, 40);
  const risk = answer(rng, 50);
  const dpia = answer(rng, sensitive ? 45 : 10);
  const retention = answer(rng, 40);
  return {
    purpose: area.purpose,
    businessCritical: answer(rng, sensitive ? 60 : 30),
    hostedAt: HOSTED_AT.pick(rng),
    directoryDocumentation: maybe(rng, 0.5, () => link('Fortegnelse', 'fortegnelse')),
    dataSensitivityLevels: levels,
    specificPersonalData: personal
      ? rng.sample(['CprNumber', 'SocialProblems', 'OtherPrivateMatters'] as const, rng.int(0, sensitive ? 3 : 1))
      : [],
    sensitivePersonDataUuids: sensitive
      ? ctx.options.sample(rng, 'it-system-usage-sensitive-personal-data-types', 1, 2)
      : [],
    registeredDataCategoryUuids: [],
    technicalPrecautionsInPlace: precautions,
    technicalPrecautionsApplied:
      precautions === 'Yes'
        ? rng.sample(['Encryption', 'Pseudonymization', 'AccessControl', 'Logging'] as const, rng.int(1, 4))
        : [],
    technicalPrecautionsDocumentation:
      precautions === 'Yes' ? maybe(rng, 0.5, () => link('Sikkerhedsforanstaltninger', 'sikkerhed')) : null,
    userSupervision: supervision,
    userSupervisionDate: supervision === 'Yes' ? dayAround(rng, today, -700, -1) : null,
    userSupervisionDocumentation:
      supervision === 'Yes' ? maybe(rng, 0.4, () => link('Brugerkontrol', 'kontrol')) : null,
    riskAssessmentConducted: risk,
    riskAssessmentConductedDate: risk === 'Yes' ? dayAround(rng, today, -1400, -1) : null,
    riskAssessmentResult: risk === 'Yes' ? RISK_RESULT.pick(rng) : null,
    riskAssessmentDocumentation: risk === 'Yes' ? maybe(rng, 0.6, () => link('Risikovurdering', 'risiko')) : null,
    riskAssessmentNotes: risk === 'Yes' ? maybe(rng, 0.2, () => 'Revurderes ved væsentlige ændringer') : null,
    plannedRiskAssessmentDate: maybe(rng, 0.3, () => dayAround(rng, today, 30, 700)),
    dpiaConducted: dpia,
    dpiaDate: dpia === 'Yes' ? dayAround(rng, today, -1400, -1) : null,
    dpiaDocumentation: dpia === 'Yes' ? maybe(rng, 0.5, () => link('Konsekvensanalyse', 'dpia')) : null,
    retentionPeriodDefined: retention,
    nextDataRetentionEvaluationDate: retention === 'Yes' ? dayAround(rng, today, 1, 900) : null,
    dataRetentionEvaluationFrequencyInMonths: retention === 'Yes' ? rng.pick([12, 24, 36]) : 0,
  };
}

/** An archiving section: about a third of the usages have one. */
export function generateArchiving(
  ctx: GeneratorContext,
  rng: Random,
  today: IsoDate,
  archiveSupplierUuid: string | null,
): UsageArchiving {
  if (!rng.chance(0.3)) {
    return {
      archiveDuty: null,
      typeUuid: null,
      locationUuid: null,
      testLocationUuid: null,
      supplierOrganizationUuid: null,
      active: null,
      documentBearing: null,
      frequencyInMonths: null,
      notes: null,
      journalPeriods: [],
    };
  }
  const duty = ARCHIVE_DUTY.pick(rng);
  const delivering = (duty === 'B' || duty === 'PreserveDataCanDiscardDocuments') && rng.chance(0.5);
  const periods = delivering ? rng.int(1, 2) : 0;
  let start = dayAround(rng, today, -4000, -2500);
  const journalPeriods = Array.from({ length: periods }, () => {
    const startDate = start;
    const endDate = dayAround(rng, startDate, 365, 1460);
    start = dayAround(rng, endDate, 1, 30);
    return {
      uuid: rng.uuid(),
      startDate,
      endDate: endDate < today ? endDate : dayAround(rng, today, -60, -1),
      archiveId: `AVID.KOM.${rng.int(10000, 99999)}`,
      approved: rng.chance(0.7),
    };
  }).filter((p) => p.startDate <= p.endDate);
  return {
    archiveDuty: duty,
    typeUuid: maybe(rng, 0.7, () => ctx.options.pick(rng, 'it-system-usage-archive-types')),
    locationUuid: maybe(rng, 0.6, () => ctx.options.pick(rng, 'it-system-usage-archive-location-types')),
    testLocationUuid: null,
    supplierOrganizationUuid: rng.chance(0.3) ? archiveSupplierUuid : null,
    active: delivering || rng.chance(0.2),
    documentBearing: rng.chance(0.4),
    frequencyInMonths: maybe(rng, 0.5, () => rng.pick([12, 36, 60])),
    notes: maybe(rng, 0.1, () => 'Afleveringsfrist aftalt med arkivet'),
    journalPeriods,
  };
}
