/**
 * Data processing registrations of one municipality: most follow a contract with a supplier that
 * processes personal data (the supplier is the processor, the contract's usages are covered), a
 * few cover usages where the municipality itself is responsible. Gates are respected.
 *
 * @module
 */
import type {
  DataProcessingRegistration,
  DprGeneral,
  DprOversight,
  OversightInterval,
  SubDataProcessor,
  YesNoIrrelevant,
  YesNoUndecided,
} from '@os2kitos/core';
import type { ContractFacts } from './contracts.js';
import { type GeneratorContext, dayAround, maybe, meta } from './context.js';
import { dayDiff } from './dates.js';
import type { Municipality, Supplier } from './organisation.js';
import { type Random, type WeightedPicker, weightedPicker } from './random.js';
import type { UsageFacts } from './usages.js';

const SUB_TRANSFER = weightedPicker<YesNoUndecided | null>([
  ['No', 75],
  ['Yes', 10],
  ['Undecided', 10],
  [null, 5],
]);
const AGREEMENT_CONCLUDED = weightedPicker<YesNoIrrelevant | null>([
  ['Yes', 70],
  ['No', 8],
  ['Irrelevant', 7],
  ['Undecided', 10],
  [null, 5],
]);
const OVERSIGHT_INTERVAL = weightedPicker<OversightInterval | null>([
  ['Yearly', 50],
  ['EverySecondYear', 15],
  ['HalfYearly', 5],
  ['Other', 5],
  ['Undecided', 10],
  [null, 15],
]);

const INSECURE_COUNTRIES = ['USA', 'Indien', 'Storbritannien'] as const;

const ANSWERS = new Map<string, WeightedPicker<YesNoUndecided | null>>();

/** "Yes" with weight `yes`, "No" with weight `no`, "Undecided" 15 and unanswered 10. */
function yesNoUndecided(rng: Random, yes: number, no: number): YesNoUndecided | null {
  const key = `${yes}/${no}`;
  let picker = ANSWERS.get(key);
  if (!picker) {
    picker = weightedPicker<YesNoUndecided | null>([
      ['Yes', yes],
      ['No', no],
      ['Undecided', 15],
      [null, 10],
    ]);
    ANSWERS.set(key, picker);
  }
  return picker.pick(rng);
}

function subProcessors(
  ctx: GeneratorContext,
  rng: Random,
  suppliers: readonly Supplier[],
  processor: string,
): SubDataProcessor[] {
  const others = suppliers.filter((s) => s.org.uuid !== processor);
  return rng.sample(others, rng.int(1, 3)).map((s) => {
    const transfer = SUB_TRANSFER.pick(rng);
    return {
      organizationUuid: s.org.uuid,
      basisForTransferUuid: maybe(rng, 0.6, () =>
        ctx.options.pick(rng, 'data-processing-registration-basis-for-transfer-types'),
      ),
      transferToInsecureCountry: transfer,
      insecureCountryUuid:
        transfer === 'Yes'
          ? ctx.options.uuid('data-processing-registration-country-types', rng.pick(INSECURE_COUNTRIES))
          : null,
    };
  });
}

interface Basis {
  readonly name: string;
  readonly contract: ContractFacts | null;
  readonly extraContract: ContractFacts | null;
  readonly usages: readonly UsageFacts[];
  readonly processor: Supplier | null;
}

function general(
  ctx: GeneratorContext,
  rng: Random,
  suppliers: readonly Supplier[],
  b: Basis,
  fallbackUnit: string,
): DprGeneral {
  const { options, today } = ctx;
  const concluded = AGREEMENT_CONCLUDED.pick(rng);
  const from = b.contract?.contract.general.validity.validFrom ?? null;
  const transfer = yesNoUndecided(rng, 8, 70);
  const hasSubs = b.processor ? yesNoUndecided(rng, 45, 35) : null;
  const responsibleName = b.processor
    ? rng.chance(0.85)
      ? 'Leverandøren er databehandler'
      : 'Fællesdataansvar'
    : rng.pick(['Kommunen er selv dataansvarlig', 'Leverandøren behandler ikke personoplysninger']);
  return {
    dataResponsibleUuid: options.uuid('data-processing-registration-data-responsible-types', responsibleName),
    dataResponsibleRemark: null,
    isAgreementConcluded: concluded,
    agreementConcludedAt:
      concluded === 'Yes' && rng.chance(0.9)
        ? from && from < today
          ? dayAround(rng, from, 0, Math.min(90, Math.max(0, dayDiff(from, today))))
          : dayAround(rng, today, -900, -1)
        : null,
    agreementConcludedRemark: maybe(rng, 0.1, () => 'Aftalen følger leverandørens standardskabelon'),
    basisForTransferUuid: maybe(rng, 0.7, () =>
      options.uuid(
        'data-processing-registration-basis-for-transfer-types',
        rng.chance(0.85) ? 'EU og EØS' : "EU's standard kontrakt /standard contract clauses",
      ),
    ),
    transferToInsecureThirdCountries: transfer,
    insecureCountryUuids:
      transfer === 'Yes'
        ? rng
            .sample(INSECURE_COUNTRIES, rng.int(1, 2))
            .map((c) => options.uuid('data-processing-registration-country-types', c))
        : [],
    dataProcessorUuids: b.processor ? [b.processor.org.uuid] : [],
    hasSubDataProcessors: hasSubs,
    subDataProcessors: hasSubs === 'Yes' && b.processor ? subProcessors(ctx, rng, suppliers, b.processor.org.uuid) : [],
    mainContractUuid: b.contract && rng.chance(0.8) ? b.contract.contract.uuid : null,
    responsibleUnitUuid: rng.chance(0.85)
      ? (b.contract?.contract.responsible.organizationUnitUuid ?? fallbackUnit)
      : null,
  };
}

function oversight(ctx: GeneratorContext, rng: Random): DprOversight {
  const completed = yesNoUndecided(rng, 55, 20);
  const count = completed === 'Yes' ? rng.int(1, 3) : 0;
  return {
    oversightOptionUuids: rng.chance(0.7)
      ? ctx.options.sample(rng, 'data-processing-registration-oversight-types', 1, 2)
      : [],
    oversightOptionsRemark: null,
    oversightInterval: OVERSIGHT_INTERVAL.pick(rng),
    oversightIntervalRemark: null,
    isOversightCompleted: completed,
    oversightCompletedRemark: completed === 'No' ? maybe(rng, 0.5, () => 'Afventer revisionserklæring') : null,
    oversightDates: Array.from({ length: count }, (_, i) => ({
      uuid: rng.uuid(),
      date: dayAround(rng, ctx.today, -365 * (i + 1), -365 * i - 1),
      remark: maybe(rng, 0.3, () => 'ISAE 3000-erklæring gennemgået uden bemærkninger'),
    })),
    scheduledInspectionDate: maybe(rng, 0.5, () => dayAround(rng, ctx.today, -60, 540)),
  };
}

function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase('da')); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLocaleLowerCase('da'));
  return candidate;
}

/**
 * `count` registrations of a municipality (90% from contracts), and the contracts' links back to
 * them (`dataProcessingRegistrationUuids` mirrors `contractUuids`).
 */
export function generateDprs(
  ctx: GeneratorContext,
  m: Municipality,
  usages: readonly UsageFacts[],
  contracts: readonly ContractFacts[],
  suppliers: readonly Supplier[],
  count: number,
): DataProcessingRegistration[] {
  const rng = m.rng.fork('dprs');
  const taken = new Set<string>();
  const personal = (u: UsageFacts) => u.facts.area.personalData !== 'none';
  const candidates = rng.shuffle(
    contracts.filter((c) => c.supplier !== null && c.contract.parentContractUuid === null && c.usages.some(personal)),
  );
  const fromContracts = Math.min(candidates.length, Math.round(count * 0.9));
  const bySupplier = new Map<Supplier | null, ContractFacts[]>();
  for (const c of candidates) {
    const list = bySupplier.get(c.supplier);
    if (list) list.push(c);
    else bySupplier.set(c.supplier, [c]);
  }
  const bases: Basis[] = candidates.slice(0, fromContracts).map((c) => {
    const sameSupplier = (bySupplier.get(c.supplier) ?? []).filter((o) => o !== c);
    return {
      name: `Databehandleraftale – ${c.supplier!.org.name} (${c.usages[0]!.facts.system.name})`,
      contract: c,
      extraContract: sameSupplier.length > 0 && rng.chance(0.1) ? rng.pick(sameSupplier) : null,
      usages: c.usages,
      processor: c.supplier,
    };
  });
  for (const u of rng.sample(usages.filter(personal), count - bases.length)) {
    bases.push({
      name: `Databehandling – ${u.facts.system.name}`,
      contract: null,
      extraContract: null,
      usages: [u],
      processor: null,
    });
  }
  const byUuid = new Map(contracts.map((c) => [c.contract.uuid, c.contract]));
  return bases.map((b) => {
    const dpr: DataProcessingRegistration = {
      ...meta(ctx, rng.uuid()),
      organizationUuid: m.org.uuid,
      name: uniqueName(taken, b.name),
      general: general(ctx, rng, suppliers, b, m.units[0]!.uuid),
      systemUsageUuids: b.usages.map((u) => u.usage.uuid),
      contractUuids: [b.contract, b.extraContract].flatMap((c) => (c ? [c.contract.uuid] : [])),
      oversight: oversight(ctx, rng),
      roles: [
        ...(rng.chance(0.6) ? [['Standard Skriverolle', rng.pick(m.users).uuid] as const] : []),
        ...(rng.chance(0.3) ? [['Standard Læserolle', rng.pick(m.users).uuid] as const] : []),
      ].map(([role, userUuid]) => ({
        roleUuid: ctx.options.uuid('data-processing-registration-role-types', role),
        userUuid,
      })),
      externalReferences: rng.chance(0.4)
        ? [
            {
              uuid: rng.uuid(),
              title: 'Databehandleraftale (PDF)',
              documentId: `DBA-${ctx.today.slice(0, 4)}-${rng.int(100, 9999)}`,
              url: `https://esdh.${m.domain}/dokument/${rng.int(100000, 999999)}`,
              masterReference: true,
            },
          ]
        : [],
    };
    for (const c of dpr.contractUuids) byUuid.get(c)!.dataProcessingRegistrationUuids.push(dpr.uuid);
    return dpr;
  });
}
