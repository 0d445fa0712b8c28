/**
 * Projects of one municipality: acquisitions, tenders, upgrades and phase-outs around its usages
 * and contracts, with dated phases, status, milestones, risks, goals and yearly budgets. Every
 * third municipality owns one joint tender shared with one or two others.
 *
 * @module
 */
import {
  type IsoDate,
  PROJECT_PHASE_DEFAULT_NAMES,
  type Project,
  type ProjectEconomyAmounts,
  type ProjectPhases,
  type ProjectPriority,
  type TrafficLight,
  dateParts,
  projectPhaseOn,
} from '@os2kitos/core';
import type { ContractFacts } from './contracts.js';
import { type GeneratorContext, dayAround, kroner, maybe, meta } from './context.js';
import { plusDays } from './dates.js';
import { illustrativeKleUuid } from './kle.js';
import type { Municipality } from './organisation.js';
import { type Random, weightedPicker } from './random.js';
import type { UsageFacts } from './usages.js';

const TRAFFIC_LIGHT = weightedPicker<TrafficLight>([
  ['Green', 45],
  ['Yellow', 25],
  ['Red', 10],
  ['White', 20],
]);
const PROJECT_KIND = weightedPicker([
  ['implement', 30],
  ['tender', 20],
  ['phaseout', 15],
  ['upgrade', 20],
  ['digital', 15],
] as const);
const PRIORITY = weightedPicker<ProjectPriority>([
  ['None', 20],
  ['Low', 25],
  ['Mid', 35],
  ['High', 20],
]);

const PROCESSES = [
  'byggesagsbehandlingen',
  'pladsanvisningen',
  'visitationen',
  'fakturahåndteringen',
  'rekrutteringen',
  'borgerhenvendelserne',
  'lokalebookingen',
  'fraværsregistreringen',
] as const;

const MILESTONES = [
  'Kravspecifikation godkendt',
  'Kontrakt underskrevet',
  'Dataudtræk fra gammelt system',
  'Uddannelse af superbrugere',
  'Go-live',
  'Evaluering gennemført',
  'Gammelt system lukket',
] as const;

const RISKS = [
  'Forsinkelse hos leverandøren',
  'Manglende ressourcer i fagområdet',
  'Datakonvertering fejler',
  'Budgetoverskridelse',
  'Utilstrækkelig brugeropbakning',
  'GDPR-krav ikke opfyldt i tide',
  'Integrationer er ikke klar',
] as const;

const GOALS = [
  'Kortere sagsbehandlingstid',
  'Én digital indgang for borgerne',
  'Udfasning af gammelt system inden kontraktudløb',
  'Lavere driftsudgifter',
  'Bedre overblik over data',
] as const;

const STATUS_NOTES: Readonly<Record<TrafficLight, readonly string[]>> = {
  White: [],
  Green: ['Projektet følger planen', 'Milepæle nået som planlagt'],
  Yellow: ['Mindre forsinkelse på datakonvertering', 'Afventer afklaring hos leverandøren'],
  Red: ['Go-live udskudt; ny plan under udarbejdelse', 'Budgettet er overskredet'],
};

const ZERO: ProjectEconomyAmounts = {
  consultants: 0,
  education: 0,
  hardware: 0,
  software: 0,
  other: 0,
  salary: 0,
  savings: 0,
};

/** Five phases: dated in sequence from `start` (handover days shared), the last ones sometimes undated. */
function phases(rng: Random, start: IsoDate | null): ProjectPhases {
  const durations = [rng.int(0, 60), rng.int(30, 150), rng.int(90, 420), rng.int(14, 60), rng.int(60, 365)];
  const dated = start === null ? 0 : rng.chance(0.2) ? 3 : 5;
  let at = start;
  const list = PROJECT_PHASE_DEFAULT_NAMES.map((name, i) => {
    if (i >= dated || at === null) return { name, startDate: null, endDate: null };
    const startDate = at;
    const endDate = plusDays(startDate, durations[i]!);
    at = rng.chance(0.5) ? endDate : plusDays(endDate, 1);
    return { name, startDate, endDate };
  });
  return [list[0]!, list[1]!, list[2]!, list[3]!, list[4]!];
}

function economy(rng: Random, today: IsoDate, p: ProjectPhases): Project['economyYears'] {
  const first = p[0].startDate;
  if (first === null || !rng.chance(0.8)) return [];
  const last = [...p].reverse().find((x) => x.endDate !== null)?.endDate ?? first;
  const from = dateParts(first).year;
  const to = Math.min(dateParts(last).year, from + 3);
  const thisYear = dateParts(today).year;
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const year = from + i;
    const budget: ProjectEconomyAmounts = {
      consultants: kroner(rng, 0, 800_000),
      education: kroner(rng, 0, 150_000),
      hardware: rng.chance(0.5) ? kroner(rng, 0, 300_000) : 0,
      software: kroner(rng, 0, 1_500_000),
      other: kroner(rng, 0, 100_000),
      salary: kroner(rng, 0, 500_000),
      savings: kroner(rng, 0, 600_000),
    };
    const share = year < thisYear ? 0.8 + rng.next() * 0.45 : year === thisYear ? 0.3 + rng.next() * 0.4 : 0;
    const actual = Object.fromEntries(
      Object.entries(budget).map(([k, v]) => [k, Math.round((v * share) / 1000) * 1000]),
    ) as ProjectEconomyAmounts;
    return { year, budget, actual: share === 0 ? { ...ZERO } : actual };
  });
}

function trafficLight(rng: Random): TrafficLight {
  return TRAFFIC_LIGHT.pick(rng);
}

interface ProjectIdea {
  readonly name: string;
  readonly usages: readonly UsageFacts[];
  readonly type: string | null;
}

function idea(rng: Random, usages: readonly UsageFacts[], joint: boolean): ProjectIdea {
  const u = rng.pick(usages);
  const system = u.facts.system.name;
  const label = u.facts.area.label;
  if (joint) return { name: `Fælleskommunalt udbud af ${label}`, usages: [u], type: 'Fælleskommunal' };
  const kind = PROJECT_KIND.pick(rng);
  const type = (name: string) => (rng.chance(0.9) ? name : null);
  if (kind === 'implement')
    return { name: `Implementering af ny ${label}-løsning`, usages: [u], type: type('Implementering') };
  if (kind === 'tender') return { name: `Udbud af ${label}`, usages: [u], type: type('Lokal') };
  if (kind === 'phaseout') return { name: `Udfasning af ${system}`, usages: [u], type: type('Lokal') };
  if (kind === 'upgrade') return { name: `Opgradering af ${system}`, usages: [u], type: type('Udvikling') };
  return { name: `Digitalisering af ${rng.pick(PROCESSES)}`, usages: [u], type: type('Udvikling') };
}

/**
 * `count` projects of a municipality. `partners` are the other municipalities a joint project
 * may be shared with (empty at scale 1: the joint tender is then registered without partners).
 */
export function generateProjects(
  ctx: GeneratorContext,
  m: Municipality,
  usages: readonly UsageFacts[],
  contracts: readonly ContractFacts[],
  partners: readonly string[],
  count: number,
): Project[] {
  const rng = m.rng.fork('projects');
  // Partners come from their own stream, so the rest of the data does not depend on the scale.
  const partnerRng = m.rng.fork('joint-partners');
  const { today, options } = ctx;
  const contractsOf = new Map<string, string[]>();
  for (const c of contracts) {
    for (const u of c.usages) {
      const list = contractsOf.get(u.usage.uuid);
      if (list) list.push(c.contract.uuid);
      else contractsOf.set(u.usage.uuid, [c.contract.uuid]);
    }
  }
  const names = new Set<string>();
  const out: Project[] = [];
  for (let i = 0; i < count && usages.length > 0; i++) {
    const joint = i === count - 1 && m.index % 3 === 0;
    const { name: base, usages: linked, type } = idea(rng, usages, joint);
    const extra = rng.chance(0.4) ? rng.sample(usages, rng.int(1, 2)) : [];
    const usageUuids = [...new Set([...linked, ...extra].map((u) => u.usage.uuid))];
    const start = rng.chance(0.9) ? dayAround(rng, today, -1100, 300) : null;
    const p = phases(rng, start);
    const lastEnd = [...p].reverse().find((x) => x.endDate !== null)?.endDate ?? null;
    const name = names.has(base) ? `${base} ${start?.slice(0, 4) ?? i + 1}` : base;
    names.add(name);
    const dir = m.directorates.get(linked[0]!.facts.area.directorate)!;
    const responsible = rng.chance(0.3) ? dir.unit : rng.pick(dir.departments);
    const using = [...new Set([responsible.uuid, ...rng.sample(dir.subtree, rng.int(0, 3)).map((u) => u.uuid)])];
    const light = trafficLight(rng);
    const phaseNow = projectPhaseOn({ phases: p }, today);
    // Past the last dated phase the project stays in that phase; before the first it waits (1).
    let lastDated: Project['currentPhase'] = 1;
    p.forEach((x, index) => {
      if (x.endDate !== null) lastDated = (index + 1) as Project['currentPhase'];
    });
    const currentPhase = phaseNow ?? (lastEnd !== null && lastEnd < today ? lastDated : 1);
    const parent =
      !joint && i >= 5 && rng.chance(0.1) ? rng.pick(out.filter((x) => x.parentProjectUuid === null)) : null;
    const milestoneDates = p.flatMap((x, n) => (n >= 1 && n <= 3 && x.endDate ? [x.endDate] : []));
    const jointOrganizations = joint ? partnerRng.sample(partners, partnerRng.int(1, 2)) : [];
    out.push({
      ...meta(ctx, rng.uuid()),
      organizationUuid: m.org.uuid,
      name,
      projectId: `P-${(start ?? today).slice(0, 4)}-${String(i + 1).padStart(2, '0')}`,
      description: `Projektet skal sikre ${rng.pick(GOALS).toLowerCase()}.`,
      background: maybe(
        rng,
        0.5,
        () => 'Den nuværende løsning lever ikke op til kravene, og kontrakten udløber snart.',
      ),
      note: maybe(rng, 0.2, () => 'Styregruppen mødes månedligt'),
      type: type ? options.uuid('it-project-types', type) : null,
      isArchived: lastEnd !== null && lastEnd < plusDays(today, -180) && rng.chance(0.6),
      isStrategic: rng.chance(0.2),
      isTransversal: joint || rng.chance(0.15),
      priority: PRIORITY.pick(rng),
      responsibleUnitUuid: responsible.uuid,
      usingUnitUuids: using,
      systemUsageUuids: usageUuids,
      contractUuids: [...new Set(usageUuids.flatMap((u) => contractsOf.get(u) ?? []))].slice(0, 2),
      kleUuids: rng.chance(0.6) ? [...new Set(linked[0]!.facts.area.kle)].map(illustrativeKleUuid) : [],
      parentProjectUuid: parent?.uuid ?? null,
      participants: jointOrganizations.map((organizationUuid) => ({ organizationUuid, role: 'partner' as const })),
      jointOrganizationUuids: jointOrganizations,
      phases: p,
      currentPhase,
      status: {
        trafficLight: light,
        note: light !== 'White' && rng.chance(0.6) ? rng.pick(STATUS_NOTES[light]) : null,
        updatedAt: light === 'White' ? null : `${dayAround(rng, today, -90, 0)}T09:30:00.000Z`,
      },
      milestones: rng.sample(MILESTONES, rng.int(2, 5)).map((milestone, n) => {
        const date = milestoneDates[n % Math.max(1, milestoneDates.length)] ?? null;
        const done = date !== null && date < today && rng.chance(0.85);
        const overdue = date !== null && date < today && !done;
        return {
          uuid: rng.uuid(),
          name: milestone,
          date,
          status: done ? 'Green' : overdue ? 'Red' : trafficLight(rng),
          done,
        };
      }),
      risks: rng.sample(RISKS, rng.int(1, 4)).map((risk) => ({
        uuid: rng.uuid(),
        name: risk,
        probability: rng.int(1, 5),
        consequence: rng.int(1, 5),
        action: maybe(rng, 0.7, () => 'Følges op på styregruppemøde'),
        responsibleUserUuid: maybe(rng, 0.8, () => rng.pick(m.users).uuid),
      })),
      goals: rng.sample(GOALS, rng.int(1, 3)).map((goal) => ({
        uuid: rng.uuid(),
        name: goal,
        measurable: rng.chance(0.6),
        status: trafficLight(rng),
        targetDate: p[3].endDate,
      })),
      economyYears: economy(rng, today, p),
    });
  }
  return out;
}
