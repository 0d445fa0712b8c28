/**
 * Contracts of one municipality: suppliers (mostly the rights holder of the main system),
 * covered usages, parent/child contracts, terms and payment streams in DKK, contract roles; and
 * the usages' main contracts and relation contracts that follow from them.
 *
 * @module
 */
import type { Contract, EconomyStream, TrafficLight } from '@os2kitos/core';
import { type GeneratedTerms, generateTerms, parentBoundTerms } from './contract-terms.js';
import { type GeneratorContext, dayAround, kroner, maybe, meta } from './context.js';
import { type Municipality, type Supplier, personName } from './organisation.js';
import { type Random, weightedPicker } from './random.js';
import type { UsageFacts } from './usages.js';

const AUDIT_STATUS = weightedPicker<TrafficLight>([
  ['White', 40],
  ['Green', 40],
  ['Yellow', 15],
  ['Red', 5],
]);

/** A generated contract with the usages it covers. */
export interface ContractFacts {
  readonly contract: Contract;
  readonly usages: readonly UsageFacts[];
  readonly supplier: Supplier | null;
}

const KINDS: readonly (readonly [kind: string, type: string, weight: number])[] = [
  ['Hovedkontrakt', 'Hovedkontrakt', 40],
  ['Licensaftale', 'Hovedkontrakt', 15],
  ['Driftsaftale', 'Serviceaftale', 15],
  ['Serviceaftale', 'Serviceaftale', 12],
  ['Supportaftale', 'Serviceaftale', 8],
  ['Rammeaftale', 'Hovedkontrakt', 5],
  ['Snitfladeaftale', 'Snitflade', 5],
];

const KIND_PICKER = weightedPicker(KINDS.map(([k, t, w]) => [[k, t] as const, w] as const));

const CONTRACT_NOTES = [
  'Genforhandles inden udløb',
  'Prisregulering pr. 1. januar',
  'Option på forlængelse drøftes med leverandøren',
  'Del af fælleskommunalt udbud',
  'Overtaget fra tidligere leverandør ved virksomhedsoverdragelse',
] as const;

const ACCOUNTS = ['6.45.51', '6.45.50', '3.22.01', '5.32.32', '0.22.01', '6.52.76'] as const;

function auditStatus(rng: Random): TrafficLight {
  return AUDIT_STATUS.pick(rng);
}

function stream(ctx: GeneratorContext, rng: Random, unitUuid: string | null, first: boolean): EconomyStream {
  const status = auditStatus(rng);
  return {
    uuid: rng.uuid(),
    organizationUnitUuid: rng.chance(0.6) ? unitUuid : null,
    acquisition: first ? kroner(rng, 50_000, 2_000_000) : 0,
    operation: kroner(rng, 10_000, 1_500_000),
    other: rng.chance(0.2) ? kroner(rng, 1_000, 100_000) : 0,
    accountingEntry: maybe(rng, 0.8, () => rng.pick(ACCOUNTS)),
    auditStatus: status,
    auditDate: status === 'White' ? null : dayAround(rng, ctx.today, -365, -1),
    note: maybe(rng, 0.1, () => 'Faktureres kvartalsvis forud'),
  };
}

function payments(ctx: GeneratorContext, rng: Random, unitUuid: string | null): Contract['payments'] {
  const external = Array.from({ length: rng.int(1, 3) }, (_, i) => stream(ctx, rng, unitUuid, i === 0));
  const internal = rng.chance(0.15) ? [stream(ctx, rng, unitUuid, false)] : [];
  return { external, internal };
}

interface Draft {
  readonly name: string;
  readonly type: string;
  readonly seq: number;
  readonly terms: GeneratedTerms;
  readonly usages: readonly UsageFacts[];
  readonly supplier: Supplier | null;
  readonly parent: Contract | null;
  readonly unitUuid: string | null;
}

function buildContract(ctx: GeneratorContext, rng: Random, m: Municipality, d: Draft): Contract {
  const { terms } = d;
  const from = terms.validity.validFrom;
  const signedAt = from ? dayAround(rng, from, -30, 0) : null;
  const year = from ? from.slice(0, 4) : ctx.today.slice(0, 4);
  const options = ctx.options;
  return {
    ...meta(ctx, rng.uuid()),
    organizationUuid: m.org.uuid,
    name: d.name,
    externalReferences: [],
    roles: [],
    general: {
      contractId: `K-${year}-${String(d.seq + 1).padStart(4, '0')}`,
      contractTypeUuid: options.uuid('it-contract-contract-types', d.type),
      contractTemplateUuid: maybe(rng, 0.7, () => options.pick(rng, 'it-contract-contract-template-types')),
      agreementElementUuids: options.sample(rng, 'it-contract-agreement-element-types', 1, 3),
      notes: maybe(rng, 0.2, () => rng.pick(CONTRACT_NOTES)),
      criticalityUuid: maybe(rng, 0.4, () => options.pick(rng, 'it-contract-criticality-types')),
      validity: terms.validity,
    },
    parentContractUuid: d.parent?.uuid ?? null,
    procurement: {
      purchaseTypeUuid: maybe(rng, 0.8, () => options.pick(rng, 'it-contract-purchase-types')),
      procurementStrategyUuid: maybe(rng, 0.7, () => options.pick(rng, 'it-contract-procurement-strategy-types')),
      procurementPlan: terms.procurementPlan,
      procurementInitiated: terms.procurementInitiated,
    },
    supplier: {
      organizationUuid: d.supplier?.org.uuid ?? null,
      signed: d.supplier !== null && rng.chance(0.9),
      signedBy: d.supplier ? personName(rng) : null,
      signedAt: d.supplier ? signedAt : null,
    },
    responsible: {
      organizationUnitUuid: d.unitUuid,
      signed: rng.chance(0.9),
      signedBy: (() => {
        const u = rng.pick(m.users);
        return `${u.firstName} ${u.lastName}`;
      })(),
      signedAt,
    },
    systemUsageUuids: d.usages.map((u) => u.usage.uuid),
    dataProcessingRegistrationUuids: [],
    paymentModel: {
      operationsRemunerationStartedAt: from && rng.chance(0.7) ? dayAround(rng, from, 0, 120) : null,
      paymentFrequencyUuid: maybe(rng, 0.8, () => options.pick(rng, 'it-contract-payment-frequency-types')),
      paymentModelUuid: maybe(rng, 0.7, () => options.pick(rng, 'it-contract-payment-model-types')),
      priceRegulationUuid: maybe(rng, 0.6, () => options.pick(rng, 'it-contract-price-regulation-types')),
    },
    agreementPeriod: terms.agreementPeriod,
    termination: terms.termination,
    payments: payments(ctx, rng, d.unitUuid),
  };
}

/** Makes `name` unique among `taken` by adding the year, then a counter. */
function uniqueName(taken: Set<string>, name: string, year: string): string {
  let candidate = name;
  if (taken.has(candidate)) candidate = `${name} ${year}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

/**
 * `count` contracts of a municipality: about 85% stand alone, covering 1–3 usages, the rest are
 * supplements ("Tillægskontrakt") of one of those.
 */
export function generateContracts(
  ctx: GeneratorContext,
  m: Municipality,
  usages: readonly UsageFacts[],
  suppliers: readonly Supplier[],
  count: number,
): ContractFacts[] {
  const rng = m.rng.fork('contracts');
  const supplierOf = new Map(suppliers.map((s) => [s.org.uuid, s]));
  const supplierPicker = weightedPicker(suppliers.map((s) => [s, s.weight] as const));
  const byRightsHolder = new Map<string, UsageFacts[]>();
  for (const u of usages) {
    const rh = u.facts.system.rightsHolderUuid;
    if (!rh) continue;
    const list = byRightsHolder.get(rh);
    if (list) list.push(u);
    else byRightsHolder.set(rh, [u]);
  }
  const queue = rng.shuffle(usages);
  const childCount = Math.round(count * 0.15);
  const taken = new Set<string>();
  const out: ContractFacts[] = [];
  for (let c = 0; c < count - childCount && queue.length > 0; c++) {
    const primary = queue[c % queue.length]!;
    const rh = primary.facts.system.rightsHolderUuid;
    const same = rh ? (byRightsHolder.get(rh) ?? []).filter((u) => u !== primary) : [];
    const extras = same.length > 0 && rng.chance(0.45) ? rng.sample(same, rng.int(1, 2)) : [];
    const supplier = rh && rng.chance(0.85) ? supplierOf.get(rh)! : rng.chance(0.95) ? supplierPicker.pick(rng) : null;
    const [kind, type] = KIND_PICKER.pick(rng);
    const terms = generateTerms(ctx, rng);
    const year = terms.validity.validFrom?.slice(0, 4) ?? '';
    const dir = m.directorates.get(primary.facts.area.directorate)!;
    const unitUuid = primary.usage.organizationUsage.responsibleUnitUuid ?? dir.unit.uuid;
    const name = uniqueName(taken, `${primary.facts.system.name} – ${kind}`, year);
    const draft: Draft = {
      name,
      type,
      seq: out.length,
      terms,
      usages: [primary, ...extras],
      supplier,
      parent: null,
      unitUuid,
    };
    out.push({ contract: buildContract(ctx, rng, m, draft), usages: draft.usages, supplier });
  }
  const parents = out.slice();
  const childrenOf = new Map<string, number>();
  for (let c = 0; c < childCount && parents.length > 0; c++) {
    const parent = rng.pick(parents);
    const n = (childrenOf.get(parent.contract.uuid) ?? 0) + 1;
    childrenOf.set(parent.contract.uuid, n);
    const terms = rng.chance(0.4)
      ? parentBoundTerms(ctx, rng, parent.contract.general.validity.validFrom)
      : generateTerms(ctx, rng);
    const covered = parent.usages.length > 0 && rng.chance(0.8) ? rng.sample(parent.usages, 1) : [];
    const draft: Draft = {
      name: uniqueName(taken, `Tillæg ${n} til ${parent.contract.name}`, terms.validity.validFrom?.slice(0, 4) ?? ''),
      type: 'Tillægskontrakt',
      seq: out.length,
      terms,
      usages: covered,
      supplier: parent.supplier,
      parent: parent.contract,
      unitUuid: parent.contract.responsible.organizationUnitUuid,
    };
    out.push({ contract: buildContract(ctx, rng, m, draft), usages: covered, supplier: parent.supplier });
  }
  return withRoles(ctx, rng, m, out);
}

/** Contract roles (KITOS's contract role types), held by members of the municipality, on the contracts. */
function withRoles(ctx: GeneratorContext, rng: Random, m: Municipality, contracts: ContractFacts[]): ContractFacts[] {
  return contracts.map((facts) => {
    const roles: Contract['roles'] = [];
    const add = (role: string, p: number) => {
      if (!rng.chance(p)) return;
      const roleUuid = ctx.options.uuid('it-contract-role-types', role);
      const userUuid = rng.pick(m.users).uuid;
      if (!roles.some((r) => r.roleUuid === roleUuid && r.userUuid === userUuid)) roles.push({ roleUuid, userUuid });
    };
    add('Kontraktejer', 0.7);
    add('Kontraktmanager', 0.4);
    add('Fakturamodtager', 0.15);
    return { ...facts, contract: { ...facts.contract, roles } };
  });
}

/**
 * Sets each covered usage's main contract (80%: the first contract that covers it) and puts a
 * contract covering the source usage on about 30% of the relations.
 */
export function linkUsagesToContracts(
  m: Municipality,
  usages: readonly UsageFacts[],
  contracts: readonly ContractFacts[],
): void {
  const rng = m.rng.fork('usage-contract-links');
  const covering = new Map<string, string[]>();
  for (const { contract, usages: covered } of contracts) {
    for (const u of covered) {
      const list = covering.get(u.usage.uuid);
      if (list) list.push(contract.uuid);
      else covering.set(u.usage.uuid, [contract.uuid]);
    }
  }
  for (const { usage } of usages) {
    const list = covering.get(usage.uuid);
    if (list && rng.chance(0.8)) usage.general.mainContractUuid = list[0]!;
    for (const relation of usage.outgoingSystemRelations) {
      if (list && rng.chance(0.3)) relation.contractUuid = rng.pick(list);
    }
  }
}
