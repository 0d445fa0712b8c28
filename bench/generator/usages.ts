/**
 * IT-system usages of one municipality: which catalogue systems it uses (popular systems are used
 * almost everywhere), their life cycle and validity, units, roles, GDPR, archiving and relations.
 *
 * @module
 */
import type {
  ItSystemUsage,
  LifeCycleStatus,
  SystemRelation,
  UsageGeneral,
  UsageOrganizationUsage,
} from '@os2kitos/core';
import type { PersonalDataKind } from './areas.js';
import type { Catalogue, SystemFacts } from './catalogue.js';
import { type GeneratorContext, dayAround, maybe, meta } from './context.js';
import { plusDays } from './dates.js';
import { ILLUSTRATIVE_KLE, illustrativeKleUuid } from './kle.js';
import { asciiSlug } from './names.js';
import type { Municipality } from './organisation.js';
import { type Random, weightedPicker } from './random.js';
import { generateArchiving, generateGdpr } from './usage-sections.js';

const LIFE_CYCLE_DEACTIVATED = weightedPicker<LifeCycleStatus>([
  ['PhasingOut', 40],
  ['NotInUse', 40],
  ['Operational', 20],
]);
const LIFE_CYCLE = weightedPicker<LifeCycleStatus | null>([
  ['Operational', 55],
  ['PhasingIn', 8],
  ['PhasingOut', 10],
  ['NotInUse', 7],
  ['Undecided', 8],
  [null, 12],
]);
const EXPECTED_USERS = weightedPicker<UsageGeneral['numberOfExpectedUsers']>([
  ['BelowTen', 20],
  ['TenToFifty', 30],
  ['FiftyToHundred', 15],
  ['HundredPlus', 15],
  ['Undecided', 20],
]);
const AI = weightedPicker<UsageGeneral['containsAITechnology']>([
  [null, 50],
  ['No', 35],
  ['Yes', 5],
  ['Undecided', 10],
]);
const WEB_COMPLIANCE = weightedPicker<'Yes' | 'Partially' | 'No'>([
  ['Yes', 50],
  ['Partially', 35],
  ['No', 15],
]);
const ROLE_COUNT = weightedPicker([
  [0, 35],
  [1, 35],
  [2, 20],
  [3, 10],
] as const);

/** A generated usage with the catalogue facts of its system. */
export interface UsageFacts {
  readonly usage: ItSystemUsage;
  readonly facts: SystemFacts;
}

const ALL_KLE = ILLUSTRATIVE_KLE.map(([key]) => illustrativeKleUuid(key));

/** Data classification options that fit each kind of data. */
const CLASSIFICATIONS: Readonly<Record<PersonalDataKind, readonly string[]>> = {
  none: ['Offentlige data', 'Interne data'],
  personal: ['Interne data', 'Fortrolige data'],
  sensitive: ['Fortrolige data', 'Hemmelige data'],
};

const NOTES = [
  'Skal revurderes ved næste kontraktudløb',
  'Bruges også af de selvejende institutioner',
  'Integration til ESDH etableret i 2022',
  'Overvejes udfaset til fordel for fælleskommunal løsning',
  'Superbrugernetværk mødes kvartalsvis',
] as const;

/**
 * The systems a municipality uses: its own local systems, then public systems drawn by popularity
 * without replacement (Efraimidis–Spirakis keys), in catalogue order.
 */
export function chooseSystems(rng: Random, m: Municipality, catalogue: Catalogue, target: number): SystemFacts[] {
  const own = catalogue.facts.filter((f) => f.localSlot !== null && f.system.organizationUuid === m.org.uuid);
  const keyed = catalogue.facts
    .filter((f) => f.localSlot === null)
    .map((f) => ({ f, key: Math.log(rng.next() || Number.MIN_VALUE) / f.popularity }));
  keyed.sort((a, b) => b.key - a.key);
  const chosen = [...own, ...keyed.slice(0, Math.max(0, target - own.length)).map((k) => k.f)];
  return chosen.sort((a, b) => a.index - b.index);
}

function lifeCycle(rng: Random, deactivated: boolean): LifeCycleStatus | null {
  if (deactivated) {
    return LIFE_CYCLE_DEACTIVATED.pick(rng);
  }
  return LIFE_CYCLE.pick(rng);
}

/** Validity dates that leave some usages not yet started or already ended on `today`. */
function validity(rng: Random, today: string, deactivated: boolean): UsageGeneral['validity'] {
  const lifeCycleStatus = lifeCycle(rng, deactivated);
  let validFrom: string | null = null;
  let validTo: string | null = null;
  if (lifeCycleStatus === 'PhasingIn') {
    validFrom = rng.chance(0.5) ? dayAround(rng, today, 10, 300) : dayAround(rng, today, -365, -1);
  } else if (rng.chance(0.85)) {
    validFrom = dayAround(rng, today, -5475, -90);
  }
  if (lifeCycleStatus === 'PhasingOut' && rng.chance(0.7)) validTo = dayAround(rng, today, -200, 700);
  else if (lifeCycleStatus === 'NotInUse' && rng.chance(0.5)) validTo = dayAround(rng, today, -900, -1);
  else if (lifeCycleStatus === 'Operational' && rng.chance(0.08)) validTo = dayAround(rng, today, -400, 1000);
  if (validFrom && validTo && validFrom > validTo) validFrom = plusDays(validTo, -rng.int(180, 2000));
  return { validFrom, validTo, lifeCycleStatus };
}

function organizationUsage(rng: Random, m: Municipality, f: SystemFacts): UsageOrganizationUsage {
  if (rng.chance(0.05)) return { usingUnitUuids: [], responsibleUnitUuid: null };
  const dir = m.directorates.get(f.area.directorate)!;
  const responsible = rng.chance(0.3) ? dir.unit : rng.pick(dir.departments);
  const using = new Set([responsible.uuid]);
  for (const u of rng.sample(dir.subtree, rng.int(0, 4))) using.add(u.uuid);
  if (rng.chance(0.25)) for (const u of rng.sample(m.units, rng.int(1, 2))) using.add(u.uuid);
  return { usingUnitUuids: [...using], responsibleUnitUuid: responsible.uuid };
}

function general(ctx: GeneratorContext, rng: Random, m: Municipality, f: SystemFacts, seq: number): UsageGeneral {
  const area = f.area;
  const classification = CLASSIFICATIONS[area.personalData];
  return {
    localSystemId: maybe(rng, 0.3, () => `${m.index + 1}-${String(seq + 1).padStart(4, '0')}`),
    localCallName: maybe(rng, 0.15, () => f.system.name.split(' ')[0]!),
    systemVersion: maybe(rng, 0.4, () => `${rng.int(1, 12)}.${rng.int(0, 9)}`),
    notes: maybe(rng, 0.1, () => rng.pick(NOTES)),
    dataClassificationUuid: maybe(rng, 0.6, () =>
      ctx.options.uuid('it-system-usage-data-classification-types', rng.pick(classification)),
    ),
    numberOfExpectedUsers: EXPECTED_USERS.pick(rng),
    validity: validity(rng, ctx.today, f.system.deactivated),
    mainContractUuid: null,
    containsAITechnology: AI.pick(rng),
    webAccessibility:
      area.citizenFacing && rng.chance(0.6)
        ? {
            compliance: WEB_COMPLIANCE.pick(rng),
            lastCheck: dayAround(rng, ctx.today, -700, -1),
            notes: maybe(rng, 0.3, () => 'Tilgængelighedserklæring offentliggjort på was.digst.dk'),
          }
        : { compliance: null, lastCheck: null, notes: null },
  };
}

function kleDeviations(rng: Random, f: SystemFacts): ItSystemUsage['localKleDeviations'] {
  const onSystem = f.system.kleUuids;
  const removed = onSystem.length > 0 && rng.chance(0.05) ? [rng.pick(onSystem)] : [];
  const added = rng.chance(0.05)
    ? rng.sample(
        ALL_KLE.filter((k) => !onSystem.includes(k)),
        rng.int(1, 2),
      )
    : [];
  return { addedKleUuids: added, removedKleUuids: removed };
}

function roles(ctx: GeneratorContext, rng: Random, m: Municipality): ItSystemUsage['roles'] {
  const count = ROLE_COUNT.pick(rng);
  const seen = new Set<string>();
  const out: ItSystemUsage['roles'] = [];
  for (let i = 0; i < count; i++) {
    const roleUuid = ctx.options.pick(rng, 'it-system-usage-role-types');
    const userUuid = rng.pick(m.users).uuid;
    if (seen.has(`${roleUuid}/${userUuid}`)) continue;
    seen.add(`${roleUuid}/${userUuid}`);
    out.push({ roleUuid, userUuid });
  }
  return out;
}

function references(rng: Random, m: Municipality, f: SystemFacts): ItSystemUsage['externalReferences'] {
  if (!rng.chance(0.3)) return [];
  const url = `https://intranet.${m.domain}/it/${asciiSlug(f.system.name)}`;
  const refs: ItSystemUsage['externalReferences'] = [
    {
      uuid: rng.uuid(),
      title: rng.pick(['Systemdokumentation', 'Driftsvejledning', 'Superbrugermanual']),
      documentId: maybe(rng, 0.4, () => `${rng.int(2015, 2025)}-${rng.int(100, 99999)}`),
      url,
      masterReference: true,
    },
  ];
  if (rng.chance(0.2)) {
    refs.push({
      uuid: rng.uuid(),
      title: 'Leverandørens vejledning',
      documentId: null,
      url: null,
      masterReference: false,
    });
  }
  return refs;
}

/** The usages of one municipality (one per system), without main contracts and relations yet. */
export function generateUsages(
  ctx: GeneratorContext,
  m: Municipality,
  catalogue: Catalogue,
  target: number,
): UsageFacts[] {
  const rng = m.rng.fork('usages');
  const chosen = chooseSystems(rng.fork('choice'), m, catalogue, target);
  return chosen.map((f, seq) => {
    const usage: ItSystemUsage = {
      ...meta(ctx, rng.uuid()),
      organizationUuid: m.org.uuid,
      systemUuid: f.system.uuid,
      general: general(ctx, rng, m, f, seq),
      organizationUsage: organizationUsage(rng, m, f),
      localKleDeviations: kleDeviations(rng, f),
      roles: roles(ctx, rng, m),
      gdpr: generateGdpr(ctx, rng, f.area, m.domain),
      archiving: generateArchiving(ctx, rng, ctx.today, f.system.rightsHolderUuid),
      outgoingSystemRelations: [],
      externalReferences: references(rng, m, f),
    };
    return { usage, facts: f };
  });
}

/**
 * Relations between usages of the municipality: about 15% of the usages send data to 1–3 others
 * whose system exposes an interface, mostly through one of those interfaces.
 */
export function addRelations(
  ctx: GeneratorContext,
  m: Municipality,
  usages: readonly UsageFacts[],
  catalogue: Catalogue,
): void {
  const rng = m.rng.fork('relations');
  const targets = usages.filter((u) => catalogue.exposedBySystem.has(u.facts.system.uuid));
  if (targets.length === 0) return;
  for (const source of usages) {
    if (!rng.chance(0.15)) continue;
    const chosen = rng.sample(targets, rng.int(1, 3)).filter((t) => t.usage.uuid !== source.usage.uuid);
    source.usage.outgoingSystemRelations = chosen.map((t): SystemRelation => {
      const iface = rng.chance(0.85) ? rng.pick(catalogue.exposedBySystem.get(t.facts.system.uuid)!) : null;
      return {
        uuid: rng.uuid(),
        toUsageUuid: t.usage.uuid,
        interfaceUuid: iface?.uuid ?? null,
        contractUuid: null,
        frequencyUuid: maybe(rng, 0.7, () => ctx.options.pick(rng, 'it-system-usage-relation-frequency-types')),
        description: iface
          ? `Data via ${iface.name}`
          : maybe(rng, 0.5, () => `Manuel overførsel til ${t.facts.system.name}`),
        reference: maybe(
          rng,
          0.3,
          () => `https://intranet.${m.domain}/integrationer/${asciiSlug(t.facts.system.name)}`,
        ),
      };
    });
  }
}
