/**
 * The register of processing activities (GDPR article 30, "fortegnelse over behandlingsaktiviteter")
 * built from the organisation's usages and the data processing registrations that cover them: one
 * entry per usage with what the model holds about its processing, and what needs attention —
 * the GDPR checks of the data quality rules (`quality.rules.ts`), so a missing answer or an overdue
 * oversight or risk review is judged in one place.
 *
 * Only fields the model holds are shown. Article 30 also asks for the categories of data subjects
 * and of recipients outside the processors; the model does not record those (see
 * {@link GDPR_REGISTER_NOT_IN_MODEL}).
 *
 * @module
 */
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import { latestDprOversightDate } from '../data-processing/dpr.rules.js';
import type { OversightInterval } from '../data-processing/dpr.schema.js';
import type { ReadContext } from '../overview/read-context.js';
import type { EntityRef, UnitRef } from '../overview/refs.js';
import { dprQuality, type QualityGap, processesPersonalData, usageQuality } from '../quality/quality.rules.js';
import type { IsoDate } from '../shared/dates.js';
import type { YesNoDontKnow, YesNoIrrelevant, YesNoUndecided } from '../shared/enums.js';
import type {
  GdprRiskLevel,
  PersonalDataOption,
  SensitiveDataLevel,
  TechnicalPrecaution,
  UsageHostedAt,
} from '../usage/usage-enums.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import { usageValidity } from '../usage/usage-validity.rules.js';
import { danishCollator } from '../storage/evaluate.js';
import type { Label } from '../vocabulary/label.js';

/** Query of the register. */
export interface GdprRegisterQuery {
  readonly organizationUuid: string;
  /** The day deadlines are judged on; default: today. */
  readonly today?: IsoDate;
  /** Only usages this unit is responsible for (with `includeSubUnits`, also the units below it). */
  readonly unitUuid?: string | null;
  /** Default true. */
  readonly includeSubUnits?: boolean;
  /** Only entries with something that needs attention. */
  readonly needsAttention?: boolean;
  /**
   * Also usages answered as processing no personal data (default false: the register lists the
   * usages that process personal data and those where the question is not answered yet).
   */
  readonly includeNoPersonalData?: boolean;
}

/** A third-country transfer, from a registration or one of its sub-processors. */
export interface GdprTransfer {
  readonly registration: EntityRef;
  /** The sub-processor that transfers; `null` for the registration's own answer. */
  readonly subProcessor: string | null;
  readonly answer: YesNoUndecided | null;
  readonly countries: readonly string[];
  readonly basis: string | null;
}

/** The oversight of one registration. */
export interface GdprOversight {
  readonly registration: EntityRef;
  readonly agreementConcluded: YesNoIrrelevant | null;
  readonly interval: OversightInterval | null;
  readonly completed: YesNoUndecided | null;
  readonly latest: IsoDate | null;
  readonly scheduled: IsoDate | null;
}

/** Something in an entry that needs attention, with the record it is about. */
export interface GdprAttention extends QualityGap {
  readonly record: EntityRef & { readonly kind: 'usages' | 'dataProcessing' };
}

/** One processing activity: a usage and the registrations covering it. */
export interface GdprRegisterEntry {
  /** The usage's uuid. */
  readonly uuid: string;
  /** The usage's local name, else its system's name. */
  readonly name: string;
  readonly systemName: string;
  readonly responsibleUnit: UnitRef | null;
  readonly active: boolean;
  readonly purpose: string | null;
  /** Kinds of data ("Datatyper"): none, ordinary, sensitive, criminal. */
  readonly dataSensitivity: readonly SensitiveDataLevel[];
  /** `true` when sensitive (art. 9) data is processed; `null` when not answered. */
  readonly sensitive: boolean | null;
  /** `true` when data about criminal convictions and offences (art. 10) is processed; `null` when not answered. */
  readonly criminal: boolean | null;
  readonly specificPersonalData: readonly PersonalDataOption[];
  /** Sensitive personal data types (option names). */
  readonly sensitivePersonalData: readonly string[];
  /** Registered data categories (option names). */
  readonly dataCategories: readonly string[];
  readonly hostedAt: UsageHostedAt | null;
  readonly registrations: readonly EntityRef[];
  /** Data controllers named on the registrations (option names). */
  readonly dataControllers: readonly string[];
  readonly processors: readonly string[];
  readonly subProcessors: readonly string[];
  /** Systems the usage sends data to (its outgoing relations). */
  readonly recipientSystems: readonly string[];
  readonly transfers: readonly GdprTransfer[];
  readonly retention: {
    readonly defined: YesNoDontKnow | null;
    readonly nextEvaluation: IsoDate | null;
    readonly frequencyMonths: number | null;
  };
  readonly security: {
    readonly inPlace: YesNoDontKnow | null;
    readonly applied: readonly TechnicalPrecaution[];
    readonly userSupervision: YesNoDontKnow | null;
    readonly userSupervisionDate: IsoDate | null;
  };
  readonly dpia: { readonly conducted: YesNoDontKnow | null; readonly date: IsoDate | null };
  readonly riskAssessment: {
    readonly conducted: YesNoDontKnow | null;
    readonly date: IsoDate | null;
    readonly result: GdprRiskLevel | null;
    readonly planned: IsoDate | null;
  };
  readonly oversight: readonly GdprOversight[];
  readonly attention: readonly GdprAttention[];
}

/** The register. */
export interface GdprRegister {
  readonly today: IsoDate;
  readonly unit: UnitRef | null;
  readonly entries: readonly GdprRegisterEntry[];
  /** Entries before the "needs attention" filter. */
  readonly total: number;
  /** Entries with something that needs attention. */
  readonly needingAttention: number;
  /** What article 30 asks for that the model does not hold. */
  readonly notInModel: readonly Label[];
}

/** What article 30 asks for that the model does not record, said in the register and its export. */
export const GDPR_REGISTER_NOT_IN_MODEL: readonly Label[] = [
  {
    da: 'Kategorier af registrerede (fx borgere, ansatte) registreres ikke i KITOS-modellen',
    en: 'Categories of data subjects (e.g. citizens, employees) are not recorded in the KITOS model',
  },
  {
    da: 'Modtagere uden for databehandlerne (fx andre myndigheder) registreres ikke; registret viser databehandlere, underdatabehandlere og de systemer, data sendes til',
    en: 'Recipients other than processors (e.g. other authorities) are not recorded; the register shows processors, sub-processors and the systems data is sent to',
  },
];

const uniq = (xs: Iterable<string>) => [...new Set(xs)].sort(danishCollator.compare);

/**
 * The entry of one usage.
 *
 * @example
 * ```ts
 * const entry = gdprRegisterEntry(usage, ctx);
 * entry.attention.map((a) => a.text.da);
 * ```
 */
export function gdprRegisterEntry(
  u: ItSystemUsage,
  ctx: ReadContext,
  dprGaps: (d: DataProcessingRegistration) => readonly QualityGap[] = (d) => dprQuality(d, ctx).gaps,
): GdprRegisterEntry {
  const g = u.gdpr;
  const regs = ctx.registrationsOf(u.uuid);
  const ref = (d: DataProcessingRegistration): EntityRef => ({ uuid: d.uuid, name: d.name });
  const org = (o: string) => ctx.organizationName(o) ?? o;
  const option = (o: string | null) => (o ? (ctx.optionName(o) ?? o) : null);
  const main = ctx.contract(u.general.mainContractUuid);
  const active = usageValidity(
    u,
    main
      ? { today: ctx.today, mainContractActive: ctx.contractValidity(main.uuid)?.valid ?? false }
      : { today: ctx.today },
  ).valid;
  const levels = g.dataSensitivityLevels;
  const usageRef = ctx.usageName(u.uuid);
  const attention: GdprAttention[] = [
    ...usageQuality(u, ctx)
      .gaps.filter((x) => x.gdpr)
      .map((x) => ({ ...x, record: { kind: 'usages' as const, ...usageRef } })),
    ...regs.flatMap((d) =>
      dprGaps(d)
        .filter((x) => x.gdpr)
        .map((x) => ({ ...x, record: { kind: 'dataProcessing' as const, ...ref(d) } })),
    ),
  ];
  const transfers: GdprTransfer[] = [];
  for (const d of regs) {
    transfers.push({
      registration: ref(d),
      subProcessor: null,
      answer: d.general.transferToInsecureThirdCountries ?? null,
      countries: d.general.insecureCountryUuids.map((c) => option(c) ?? c),
      basis: option(d.general.basisForTransferUuid),
    });
    for (const s of d.general.subDataProcessors)
      if (s.transferToInsecureCountry === 'Yes')
        transfers.push({
          registration: ref(d),
          subProcessor: org(s.organizationUuid),
          answer: s.transferToInsecureCountry,
          countries: s.insecureCountryUuid ? [option(s.insecureCountryUuid) ?? s.insecureCountryUuid] : [],
          basis: option(s.basisForTransferUuid),
        });
  }
  return {
    uuid: u.uuid,
    name: usageRef.name,
    systemName: ctx.system(u.systemUuid)?.name ?? u.systemUuid,
    responsibleUnit: ctx.unit(u.organizationUsage.responsibleUnitUuid),
    active,
    purpose: g.purpose ?? null,
    dataSensitivity: [...levels],
    sensitive: levels.length ? levels.includes('SensitiveData') : null,
    criminal: levels.length ? levels.includes('LegalData') : null,
    specificPersonalData: [...g.specificPersonalData],
    sensitivePersonalData: uniq(g.sensitivePersonDataUuids.map((o) => option(o) ?? o)),
    dataCategories: uniq(g.registeredDataCategoryUuids.map((o) => option(o) ?? o)),
    hostedAt: g.hostedAt ?? null,
    registrations: regs.map(ref),
    dataControllers: uniq(regs.flatMap((d) => option(d.general.dataResponsibleUuid) ?? [])),
    processors: uniq(regs.flatMap((d) => d.general.dataProcessorUuids.map(org))),
    subProcessors: uniq(regs.flatMap((d) => d.general.subDataProcessors.map((s) => org(s.organizationUuid)))),
    recipientSystems: uniq(u.outgoingSystemRelations.map((r) => ctx.usageName(r.toUsageUuid).name)),
    transfers,
    retention: {
      defined: g.retentionPeriodDefined ?? null,
      nextEvaluation: g.nextDataRetentionEvaluationDate ?? null,
      frequencyMonths: g.dataRetentionEvaluationFrequencyInMonths || null,
    },
    security: {
      inPlace: g.technicalPrecautionsInPlace ?? null,
      applied: [...g.technicalPrecautionsApplied],
      userSupervision: g.userSupervision ?? null,
      userSupervisionDate: g.userSupervisionDate ?? null,
    },
    dpia: { conducted: g.dpiaConducted ?? null, date: g.dpiaDate ?? null },
    riskAssessment: {
      conducted: g.riskAssessmentConducted ?? null,
      date: g.riskAssessmentConductedDate ?? null,
      result: g.riskAssessmentResult ?? null,
      planned: g.plannedRiskAssessmentDate ?? null,
    },
    oversight: regs.map((d) => ({
      registration: ref(d),
      agreementConcluded: d.general.isAgreementConcluded ?? null,
      interval: d.oversight.oversightInterval ?? null,
      completed: d.oversight.isOversightCompleted ?? null,
      latest: latestDprOversightDate(d),
      scheduled: d.oversight.scheduledInspectionDate ?? null,
    })),
    attention,
  };
}

/**
 * The register of the given usages (already limited to a unit), sorted by name.
 *
 * @example
 * ```ts
 * const register = gdprRegister(ctx.usages, ctx, { unit: null, needsAttention: true });
 * register.entries.length <= register.total; // true
 * ```
 */
export function gdprRegister(
  usages: readonly ItSystemUsage[],
  ctx: ReadContext,
  options: {
    readonly unit: UnitRef | null;
    readonly needsAttention?: boolean;
    readonly includeNoPersonalData?: boolean;
  },
): GdprRegister {
  // A registration covering several usages is checked once.
  const checked = new Map<string, readonly QualityGap[]>();
  const dprGaps = (d: DataProcessingRegistration) => {
    let gaps = checked.get(d.uuid);
    if (!gaps) {
      gaps = dprQuality(d, ctx).gaps;
      checked.set(d.uuid, gaps);
    }
    return gaps;
  };
  const all = usages
    .filter(
      (u) => options.includeNoPersonalData || u.gdpr.dataSensitivityLevels.length === 0 || processesPersonalData(u),
    )
    .map((u) => gdprRegisterEntry(u, ctx, dprGaps))
    .sort((a, b) => danishCollator.compare(a.name, b.name) || (a.uuid < b.uuid ? -1 : 1));
  const needing = all.filter((e) => e.attention.length > 0);
  return {
    today: ctx.today,
    unit: options.unit,
    entries: options.needsAttention ? needing : all,
    total: all.length,
    needingAttention: needing.length,
    notInModel: GDPR_REGISTER_NOT_IN_MODEL,
  };
}
