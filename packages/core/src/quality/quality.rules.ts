/**
 * Data quality: the one list of checks a usage, contract or data processing registration is scored
 * by (required and recommended fields filled, references valid, deadlines not passed unhandled, main
 * contract active), each explained in words in Danish and English. The overview columns, the
 * data quality summary and the GDPR register's "needs attention" all read these checks; nothing
 * else decides what a gap is.
 *
 * A record's score is the weighted share of the checks that apply to it and pass (a required check
 * weighs 2, a recommended one 1), from 0 to 100; its gaps are the checks that fail.
 *
 * @module
 */
import type { Contract } from '../contract/contract.schema.js';
import { latestDprOversightDate } from '../data-processing/dpr.rules.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { ExternalReference } from '../organisation/external-reference.schema.js';
import type { ReadContext } from '../overview/read-context.js';
import { addMonths } from '../shared/dates.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import type { Label } from '../vocabulary/label.js';
import { DATA_QUALITY_CHECK_LABELS, DataQualityCheck } from './checks.js';

export { DATA_QUALITY_CHECK_LABELS, DataQualityCheck };

/** The records that are scored. */
export type QualityKind = 'usages' | 'contracts' | 'dataProcessing';

/** How much a check matters: required (weight 2) or recommended (weight 1). */
export type QualitySeverity = 'required' | 'recommended';

/** What a check is about. */
export type QualityAspect = 'field' | 'reference' | 'deadline' | 'contract';

/** One failed check on one record, explained. */
export interface QualityGap {
  readonly check: DataQualityCheck;
  readonly severity: QualitySeverity;
  readonly aspect: QualityAspect;
  /** Part of the GDPR register's "needs attention". */
  readonly gdpr: boolean;
  /** What is wrong, with the record's own dates and names. */
  readonly text: Label;
}

/** A record's score and gaps. */
export interface QualityResult {
  /** 0–100: the weighted share of applicable checks that pass. */
  readonly score: number;
  readonly gaps: readonly QualityGap[];
}

/** One check: what it looks at, and how it reads a record. */
export interface QualityRule<T> {
  readonly check: DataQualityCheck;
  readonly kind: QualityKind;
  readonly severity: QualitySeverity;
  readonly aspect: QualityAspect;
  readonly gdpr: boolean;
  /** `null`: the check does not apply to this record; `true`: it passes; a label: why it fails. */
  readonly test: (record: T, ctx: ReadContext) => true | null | Label;
}

const l = (da: string, en: string): Label => ({ da, en });
const fail = (da: string, en: string): Label => ({ da, en });

/** A link is usable when it is an http(s) address; a reference needs a link or a document id. */
function badReferences(refs: readonly ExternalReference[]): string[] {
  return refs
    .filter((r) => {
      if (r.url) {
        try {
          const u = new URL(r.url);
          return u.protocol !== 'http:' && u.protocol !== 'https:';
        } catch {
          return true;
        }
      }
      return !r.documentId;
    })
    .map((r) => r.title);
}
function referencesTest(refs: readonly ExternalReference[]): true | null | Label {
  if (refs.length === 0) return null;
  const bad = badReferences(refs);
  if (bad.length === 0) return true;
  const names = bad.map((t) => `"${t}"`).join(', ');
  return fail(
    `Referencen ${names} har hverken et gyldigt link (http/https) eller et dokument-ID`,
    `The reference ${names} has neither a valid link (http/https) nor a document id`,
  );
}

/** The levels that mean a usage processes personal data. */
const PERSONAL = new Set(['PersonalData', 'SensitiveData', 'LegalData']);
/** True when the usage says it processes personal data. */
export function processesPersonalData(u: ItSystemUsage): boolean {
  return u.gdpr.dataSensitivityLevels.some((x) => PERSONAL.has(x));
}
const answered = (v: string | null | undefined) => v === 'Yes' || v === 'No';
const passIf = (ok: boolean, label: Label): true | Label => (ok ? true : label);
/** A GDPR question of a usage that processes personal data must be answered Yes or No. */
const answeredPersonal = (u: ItSystemUsage, v: string | null | undefined, question: Label) =>
  processesPersonalData(u)
    ? passIf(
        answered(v),
        fail(
          `Systemet behandler personoplysninger, men spørgsmålet "${question.da}" er ikke besvaret med ja eller nej`,
          `The system processes personal data, but the question "${question.en}" is not answered yes or no`,
        ),
      )
    : null;

const OVERSIGHT_MONTHS: Readonly<Record<string, number>> = { HalfYearly: 6, Yearly: 12, EverySecondYear: 24 };

function mainContractActive(uuid: string | null | undefined, ctx: ReadContext): true | null | Label {
  const main = ctx.contract(uuid);
  if (!main) return null;
  if (ctx.contractValidity(main.uuid)?.valid) return true;
  return fail(`Den markerede kontrakt "${main.name}" er ikke aktiv`, `The main contract "${main.name}" is not active`);
}

/** The checks of a usage, in the order they are reported. */
export const USAGE_QUALITY_RULES: readonly QualityRule<ItSystemUsage>[] = [
  {
    check: 'usageResponsibleUnit',
    kind: 'usages',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (u, ctx) =>
      passIf(
        !!ctx.unit(u.organizationUsage.responsibleUnitUuid),
        fail('Ingen ansvarlig organisationsenhed er valgt', 'No responsible unit is chosen'),
      ),
  },
  {
    check: 'usageLifeCycle',
    kind: 'usages',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (u) => {
      const s = u.general.validity.lifeCycleStatus;
      return passIf(
        !!s && s !== 'Undecided',
        fail('Livscyklus (fx "I drift") er ikke angivet', 'The life cycle (e.g. "Operational") is not given'),
      );
    },
  },
  {
    check: 'usageValidFrom',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (u) =>
      passIf(!!u.general.validity.validFrom, fail('Ibrugtagningsdatoen er ikke udfyldt', 'The in-use date is empty')),
  },
  {
    check: 'usageRoles',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (u) =>
      passIf(
        u.roles.length > 0,
        fail('Ingen har en rolle på systemet (fx systemejer)', 'No one holds a role (e.g. system owner)'),
      ),
  },
  {
    check: 'usageDataClassification',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (u) =>
      passIf(
        !!u.general.dataClassificationUuid,
        fail('Klassifikation af data er ikke valgt', 'The data classification is not chosen'),
      ),
  },
  {
    check: 'usagePurpose',
    kind: 'usages',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (u) =>
      passIf(
        !!u.gdpr.purpose?.trim(),
        fail('Formålet med behandlingen er ikke beskrevet', 'The purpose of processing is not described'),
      ),
  },
  {
    check: 'usageDataSensitivity',
    kind: 'usages',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (u) =>
      passIf(
        u.gdpr.dataSensitivityLevels.length > 0,
        fail(
          'Det er ikke angivet, om systemet behandler personoplysninger',
          'Whether the system processes personal data is not given',
        ),
      ),
  },
  {
    check: 'usageRiskAssessment',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (u) =>
      answeredPersonal(u, u.gdpr.riskAssessmentConducted, l('Risikovurdering foretaget', 'Risk assessment conducted')),
  },
  {
    check: 'usageDpia',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (u) => answeredPersonal(u, u.gdpr.dpiaConducted, l('DPIA foretaget', 'DPIA conducted')),
  },
  {
    check: 'usageRetention',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (u) =>
      answeredPersonal(u, u.gdpr.retentionPeriodDefined, l('Sletningsfrist fastsat', 'Retention period defined')),
  },
  {
    check: 'usageSecurity',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (u) =>
      answeredPersonal(
        u,
        u.gdpr.technicalPrecautionsInPlace,
        l('Tekniske foranstaltninger på plads', 'Technical precautions in place'),
      ),
  },
  {
    check: 'usageDataProcessing',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'reference',
    gdpr: true,
    test: (u, ctx) => {
      const hosted = u.gdpr.hostedAt;
      if (!processesPersonalData(u) || (hosted !== 'External' && hosted !== 'Hybrid')) return null;
      return passIf(
        ctx.registrationsOf(u.uuid).length > 0,
        fail(
          'Systemet driftes eksternt og behandler personoplysninger, men ingen databehandling er tilknyttet',
          'The system is hosted externally and processes personal data, but no data processing registration covers it',
        ),
      );
    },
  },
  {
    check: 'usageRiskReviewOverdue',
    kind: 'usages',
    severity: 'required',
    aspect: 'deadline',
    gdpr: true,
    test: (u, ctx) => {
      const planned = u.gdpr.plannedRiskAssessmentDate;
      if (!planned) return null;
      const done = u.gdpr.riskAssessmentConductedDate;
      return passIf(
        planned >= ctx.today || (!!done && done >= planned),
        fail(
          `Den planlagte risikovurdering ${planned} er passeret, uden at en ny er registreret`,
          `The risk assessment planned for ${planned} has passed without a new one recorded`,
        ),
      );
    },
  },
  {
    check: 'usageRetentionReviewOverdue',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'deadline',
    gdpr: true,
    test: (u, ctx) => {
      const next = u.gdpr.nextDataRetentionEvaluationDate;
      if (!next) return null;
      return passIf(
        next >= ctx.today,
        fail(
          `Næste evaluering af sletning var ${next} og er passeret`,
          `The next retention review was due ${next} and has passed`,
        ),
      );
    },
  },
  {
    check: 'usageEndPassed',
    kind: 'usages',
    severity: 'required',
    aspect: 'deadline',
    gdpr: false,
    test: (u, ctx) => {
      const { validTo, lifeCycleStatus } = u.general.validity;
      if (!validTo || validTo >= ctx.today) return null;
      return passIf(
        lifeCycleStatus !== 'Operational' && lifeCycleStatus !== 'PhasingIn' && lifeCycleStatus !== 'PhasingOut',
        fail(
          `Slutdatoen ${validTo} er passeret, men livscyklus siger stadig, at systemet er i brug`,
          `The end date ${validTo} has passed, but the life cycle still says the system is in use`,
        ),
      );
    },
  },
  {
    check: 'usageMainContractActive',
    kind: 'usages',
    severity: 'required',
    aspect: 'contract',
    gdpr: false,
    test: (u, ctx) => mainContractActive(u.general.mainContractUuid, ctx),
  },
  {
    check: 'usageMainContractMarked',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'contract',
    gdpr: false,
    test: (u, ctx) => {
      const covering = ctx.contractsOf(u.uuid);
      if (covering.length === 0) return null;
      return passIf(
        !!ctx.contract(u.general.mainContractUuid),
        fail(
          `${covering.length} kontrakt(er) dækker systemet, men ingen er markeret som den gældende`,
          `${covering.length} contract(s) cover the system, but none is marked as the main contract`,
        ),
      );
    },
  },
  {
    check: 'usageReferences',
    kind: 'usages',
    severity: 'recommended',
    aspect: 'reference',
    gdpr: false,
    test: (u) => referencesTest(u.externalReferences),
  },
];

/** The checks of a contract. */
export const CONTRACT_QUALITY_RULES: readonly QualityRule<Contract>[] = [
  {
    check: 'contractResponsibleUnit',
    kind: 'contracts',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (c, ctx) =>
      passIf(
        !!ctx.unit(c.responsible.organizationUnitUuid),
        fail('Ingen ansvarlig organisationsenhed er valgt', 'No responsible unit is chosen'),
      ),
  },
  {
    check: 'contractSupplier',
    kind: 'contracts',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (c) =>
      passIf(!!c.supplier.organizationUuid, fail('Leverandøren er ikke valgt', 'The supplier is not chosen')),
  },
  {
    check: 'contractType',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (c) =>
      passIf(!!c.general.contractTypeUuid, fail('Kontrakttypen er ikke valgt', 'The contract type is not chosen')),
  },
  {
    check: 'contractValidFrom',
    kind: 'contracts',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (c) =>
      passIf(
        !!c.general.validity.validFrom,
        fail('Datoen "Gyldig fra" er ikke udfyldt', 'The valid-from date is empty'),
      ),
  },
  {
    check: 'contractNoticePeriod',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (c) =>
      passIf(
        !!c.termination.terms.noticePeriodMonthsUuid,
        fail(
          'Opsigelsesfristen er ikke valgt, så opsigelsesdage kan ikke beregnes',
          'No notice period is chosen, so notice days cannot be computed',
        ),
      ),
  },
  {
    check: 'contractRoles',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'field',
    gdpr: false,
    test: (c) =>
      passIf(
        c.roles.length > 0,
        fail('Ingen har en rolle på kontrakten (fx kontraktejer)', 'No one holds a role (e.g. contract owner)'),
      ),
  },
  {
    check: 'contractUsages',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'reference',
    gdpr: false,
    test: (c) =>
      passIf(
        c.systemUsageUuids.length > 0,
        fail('Kontrakten er ikke knyttet til noget IT-system', 'The contract covers no IT system'),
      ),
  },
  {
    check: 'contractReferences',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'reference',
    gdpr: false,
    test: (c) => referencesTest(c.externalReferences),
  },
  {
    check: 'contractNoticePassed',
    kind: 'contracts',
    severity: 'required',
    aspect: 'deadline',
    gdpr: false,
    test: (c, ctx) => {
      const d = ctx.deadlines(c);
      const day = d.latestNoticeDayBeforeExpiry;
      if (d.term !== 'fixed' || !day || d.state !== 'running' || d.terminatedAt) return null;
      return passIf(
        day >= ctx.today,
        fail(
          `Sidste opsigelsesdag før udløb (${day}) er passeret, uden at kontrakten er opsagt`,
          `The last notice day before expiry (${day}) has passed without the contract being terminated`,
        ),
      );
    },
  },
  {
    check: 'contractTenderOverdue',
    kind: 'contracts',
    severity: 'recommended',
    aspect: 'deadline',
    gdpr: false,
    test: (c, ctx) => {
      const d = ctx.deadlines(c);
      if (!d.tenderStart || d.state !== 'running' || d.terminatedAt) return null;
      return passIf(
        d.tenderStart >= ctx.today || c.procurement.procurementInitiated === 'Yes',
        fail(
          `Genudbuddet skulle være startet ${d.tenderStart}, men genanskaffelse er ikke igangsat`,
          `The tender should have started on ${d.tenderStart}, but procurement has not been initiated`,
        ),
      );
    },
  },
];

/** The checks of a data processing registration. */
export const DPR_QUALITY_RULES: readonly QualityRule<DataProcessingRegistration>[] = [
  {
    check: 'dprResponsibleUnit',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'field',
    gdpr: false,
    test: (d, ctx) =>
      passIf(
        !!ctx.unit(d.general.responsibleUnitUuid),
        fail('Ingen ansvarlig organisationsenhed er valgt', 'No responsible unit is chosen'),
      ),
  },
  {
    check: 'dprUsages',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'reference',
    gdpr: true,
    test: (d) =>
      passIf(
        d.systemUsageUuids.length > 0,
        fail('Registreringen er ikke knyttet til noget IT-system', 'The registration covers no IT system'),
      ),
  },
  {
    check: 'dprAgreement',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (d) => {
      const a = d.general.isAgreementConcluded;
      return passIf(
        a === 'Yes' || a === 'No' || a === 'Irrelevant',
        fail(
          'Det er ikke besvaret, om der er indgået en databehandleraftale',
          'Whether a data processing agreement is concluded is not answered',
        ),
      );
    },
  },
  {
    check: 'dprProcessors',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (d) =>
      d.general.isAgreementConcluded !== 'Yes'
        ? null
        : passIf(
            d.general.dataProcessorUuids.length > 0,
            fail(
              'Der er indgået en aftale, men ingen databehandler er angivet',
              'An agreement is concluded, but no data processor is given',
            ),
          ),
  },
  {
    check: 'dprTransfer',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (d) => {
      const t = d.general.transferToInsecureThirdCountries;
      return passIf(
        t === 'Yes' || t === 'No',
        fail(
          'Det er ikke besvaret, om data overføres til usikre tredjelande',
          'Whether data is transferred to insecure third countries is not answered',
        ),
      );
    },
  },
  {
    check: 'dprTransferBasis',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'field',
    gdpr: true,
    test: (d) => {
      if (d.general.transferToInsecureThirdCountries !== 'Yes') return null;
      const missing: Label[] = [];
      if (d.general.insecureCountryUuids.length === 0) missing.push(l('hvilke lande', 'which countries'));
      if (!d.general.basisForTransferUuid) missing.push(l('overførselsgrundlag', 'the basis for transfer'));
      return passIf(
        missing.length === 0,
        fail(
          `Data overføres til usikre tredjelande, men ${missing.map((m) => m.da).join(' og ')} mangler`,
          `Data is transferred to insecure third countries, but ${missing.map((m) => m.en).join(' and ')} is missing`,
        ),
      );
    },
  },
  {
    check: 'dprDataResponsible',
    kind: 'dataProcessing',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (d) =>
      passIf(
        !!d.general.dataResponsibleUuid,
        fail('Den dataansvarlige er ikke valgt', 'The data controller is not chosen'),
      ),
  },
  {
    check: 'dprOversightInterval',
    kind: 'dataProcessing',
    severity: 'recommended',
    aspect: 'field',
    gdpr: true,
    test: (d) => {
      const i = d.oversight.oversightInterval;
      return passIf(
        !!i && i !== 'Undecided',
        fail('Hvor ofte der føres tilsyn, er ikke angivet', 'How often oversight happens is not given'),
      );
    },
  },
  {
    check: 'dprOversightOverdue',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'deadline',
    gdpr: true,
    test: (d, ctx) => {
      const months = OVERSIGHT_MONTHS[d.oversight.oversightInterval ?? ''];
      const latest = latestDprOversightDate(d);
      const since = latest ?? d.general.agreementConcludedAt;
      if (!months || !since) return null;
      const due = addMonths(since, months);
      return passIf(
        due >= ctx.today,
        latest
          ? fail(
              `Seneste tilsyn var ${latest}; med det valgte interval skulle det næste have været senest ${due}`,
              `The latest oversight was on ${latest}; by the chosen interval the next was due by ${due}`,
            )
          : fail(
              `Intet tilsyn er registreret siden aftalen ${since}; det første skulle have været senest ${due}`,
              `No oversight is recorded since the agreement of ${since}; the first was due by ${due}`,
            ),
      );
    },
  },
  {
    check: 'dprInspectionPassed',
    kind: 'dataProcessing',
    severity: 'recommended',
    aspect: 'deadline',
    gdpr: true,
    test: (d, ctx) => {
      const planned = d.oversight.scheduledInspectionDate;
      if (!planned || planned >= ctx.today) return null;
      return passIf(
        d.oversight.oversightDates.some((o) => o.date >= planned),
        fail(
          `Det planlagte tilsyn ${planned} er passeret, uden at et tilsyn er registreret`,
          `The inspection scheduled for ${planned} has passed without an oversight recorded`,
        ),
      );
    },
  },
  {
    check: 'dprMainContractActive',
    kind: 'dataProcessing',
    severity: 'required',
    aspect: 'contract',
    gdpr: false,
    test: (d, ctx) => mainContractActive(d.general.mainContractUuid, ctx),
  },
  {
    check: 'dprReferences',
    kind: 'dataProcessing',
    severity: 'recommended',
    aspect: 'reference',
    gdpr: false,
    test: (d) => referencesTest(d.externalReferences),
  },
];

/** Every check with its rule, by name (a check without a rule, or twice, fails the module's test). */
export const DATA_QUALITY_RULES: readonly QualityRule<never>[] = [
  ...(USAGE_QUALITY_RULES as readonly QualityRule<never>[]),
  ...(CONTRACT_QUALITY_RULES as readonly QualityRule<never>[]),
  ...(DPR_QUALITY_RULES as readonly QualityRule<never>[]),
];

const WEIGHT: Readonly<Record<QualitySeverity, number>> = { required: 2, recommended: 1 };

function evaluate<T>(rules: readonly QualityRule<T>[], record: T, ctx: ReadContext): QualityResult {
  let total = 0;
  let passed = 0;
  const gaps: QualityGap[] = [];
  for (const r of rules) {
    const outcome = r.test(record, ctx);
    if (outcome === null) continue;
    const w = WEIGHT[r.severity];
    total += w;
    if (outcome === true) passed += w;
    else gaps.push({ check: r.check, severity: r.severity, aspect: r.aspect, gdpr: r.gdpr, text: outcome });
  }
  return { score: total === 0 ? 100 : Math.floor((100 * passed) / total), gaps };
}

/**
 * The data quality of a usage on the context's day.
 *
 * @example
 * ```ts
 * const q = usageQuality(usage, ctx);
 * q.score; // 0–100
 * q.gaps.map((g) => g.text.en); // ['No responsible unit is chosen', …]
 * ```
 */
export function usageQuality(u: ItSystemUsage, ctx: ReadContext): QualityResult {
  return evaluate(USAGE_QUALITY_RULES, u, ctx);
}

/** The data quality of a contract on the context's day. */
export function contractQuality(c: Contract, ctx: ReadContext): QualityResult {
  return evaluate(CONTRACT_QUALITY_RULES, c, ctx);
}

/** The data quality of a data processing registration on the context's day. */
export function dprQuality(d: DataProcessingRegistration, ctx: ReadContext): QualityResult {
  return evaluate(DPR_QUALITY_RULES, d, ctx);
}

/** The quality cells every scored overview row has. */
export interface QualityCells {
  readonly qualityScore: number;
  readonly qualityGaps: number;
  readonly qualityChecks: DataQualityCheck[];
}

/** The overview cells of a result. */
export function qualityCells(q: QualityResult): QualityCells {
  return { qualityScore: q.score, qualityGaps: q.gaps.length, qualityChecks: q.gaps.map((g) => g.check) };
}
