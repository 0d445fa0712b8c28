/**
 * The shared catalogue: IT systems and interfaces. The catalogue is the same at every scale (only
 * the owners of local systems follow the number of municipalities).
 *
 * @module
 */
import type { ItInterface, ItSystem, Organization } from '@os2kitos/core';
import { BUSINESS_AREAS, type BusinessArea, MODULE_NAMES, SYSTEM_BRANDS, SYSTEM_SUFFIXES } from './areas.js';
import { type GeneratorContext, maybe, meta } from './context.js';
import { illustrativeKleUuid } from './kle.js';
import { asciiSlug } from './names.js';
import type { Supplier } from './organisation.js';
import { type Random, type WeightedPicker, weightedPicker } from './random.js';

const ARCHIVE_DUTY = weightedPicker<ItSystem['archiveDuty']>([
  [null, 40],
  ['Undecided', 10],
  ['B', 15],
  ['K', 25],
  ['NoRecommendation', 5],
  ['PreserveDataCanDiscardDocuments', 5],
]);
const POPULARITY = weightedPicker([
  [30, 12],
  [6, 33],
  [1, 55],
] as const);
const INTERFACE_TYPE = weightedPicker([
  ['WS REST', 40],
  ['WS SOAP', 20],
  ['CSV', 12],
  ['OIO REST', 10],
  ['MOX', 5],
  ['LDAP', 4],
  ['ODBC (SQL)', 4],
  ['Andet', 5],
]);

/** Generation facts about one catalogue system that the stored record does not carry. */
export interface SystemFacts {
  /** Position in the catalogue. */
  readonly index: number;
  readonly system: ItSystem;
  readonly area: BusinessArea;
  /** How likely a municipality is to use it (relative). */
  readonly popularity: number;
  /** For a local system: the slot of the municipality that owns it (see {@link Catalogue}). */
  readonly localSlot: number | null;
}

/** The catalogue and what the per-municipality generators need to know about it. */
export interface Catalogue {
  readonly facts: readonly SystemFacts[];
  readonly systems: ItSystem[];
  readonly interfaces: ItInterface[];
  /** Active interfaces exposed by each system. */
  readonly exposedBySystem: ReadonlyMap<string, readonly ItInterface[]>;
}

/** How the catalogue is shaped. */
export interface CatalogueOptions {
  readonly systems: number;
  readonly interfaces: number;
  /**
   * Number of owner slots for local systems: local system k belongs to municipality k mod slots,
   * or to the default organisation when there is no such municipality. With at least as many slots
   * as municipalities, a municipality owns the same local systems at every scale.
   */
  readonly localSlots: number;
}

const INTERFACE_TOPICS = [
  'Sagsudtræk',
  'Dokumentudveksling',
  'Stamdata',
  'Hændelser',
  'Brugere og roller',
  'Betalinger',
  'Kalender',
  'Indberetning',
  'Statusopdatering',
  'Opslag',
  'Økonomiposteringer',
  'Åbningstider',
] as const;

const INTERFACE_DATA = [
  ['Sagsnummer, titel og status', 'Sag'],
  ['CPR-nummer og navn', 'Person'],
  ['CVR-nummer og navn', 'Virksomhed'],
  ['Dokumenter med metadata', 'Dokument'],
  ['Organisationsenheder', 'Organisation'],
  ['KLE-klassifikation', 'Klassikfikation'],
  ['Matrikel og BFE-nummer', 'Ejendom'],
  ['Koordinater og geometri', 'GIS'],
  ['Posteringer og beløb', 'Andet'],
] as const;

const LOCAL_PATTERNS = [
  (noun: string) => `${noun}register`,
  (noun: string) => `${noun}database`,
  (noun: string) => `Lokal ${noun.toLowerCase()}-app`,
  (noun: string) => `${noun}oversigt (regneark)`,
] as const;

function uniqueName(taken: Set<string>, make: () => string): string {
  for (let i = 0; i < 50; i++) {
    const name = make();
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
  throw new Error('[kitos] [bench] could not find a unique system name');
}

function publicName(rng: Random, area: BusinessArea): string {
  const brand = rng.pick(SYSTEM_BRANDS);
  const noun = rng.pick(area.nouns);
  const suffix = rng.weighted(SYSTEM_SUFFIXES);
  const compound = !brand.includes(' ') && !noun.includes(' ') && rng.chance(0.25);
  return compound ? `${brand}${noun.toLowerCase()}${suffix}` : `${brand} ${noun}${suffix}`;
}

function systemDescription(area: BusinessArea, supplier: Supplier | null): string {
  return supplier ? `${area.description}. Leveres af ${supplier.org.name}.` : `${area.description}.`;
}

interface SystemDraft {
  readonly rng: Random;
  readonly ctx: GeneratorContext;
  readonly area: BusinessArea;
  readonly name: string;
  readonly owner: string;
  readonly local: boolean;
  readonly supplier: Supplier | null;
  readonly parentUuid: string | null;
}

function buildSystem(d: SystemDraft): ItSystem {
  const { rng, ctx, area, supplier } = d;
  const archiveDuty = ARCHIVE_DUTY.pick(rng);
  const real = archiveDuty !== null && archiveDuty !== 'Undecided';
  const kle = rng.chance(0.8) ? rng.sample(area.kle, rng.int(1, 2)).map(illustrativeKleUuid) : [];
  return {
    ...meta(ctx, rng.uuid()),
    organizationUuid: d.owner,
    name: d.name,
    accessModifier: d.local ? 'Local' : 'Public',
    description: systemDescription(area, supplier),
    externalReferences: [],
    previousName: maybe(rng, 0.05, () => `${rng.pick(SYSTEM_BRANDS)} ${rng.pick(area.nouns)}`),
    externalUuid: maybe(rng, 0.03, () => rng.uuid()),
    legacyId: maybe(rng, 0.1, () => `SYS-${rng.int(1000, 9999)}`),
    parentUuid: d.parentUuid,
    rightsHolderUuid: supplier?.org.uuid ?? null,
    businessTypeUuid: rng.chance(0.95) ? ctx.options.uuid('business-types', area.businessType) : null,
    kleUuids: kle,
    deactivated: !d.local && rng.chance(0.04),
    archiveDuty,
    archiveDutyComment: real && rng.chance(0.3) ? 'Vurderet af arkivet ved seneste bevaringsgennemgang' : null,
    legalName: maybe(rng, 0.1, () => d.name),
    legalDataProcessorName: supplier && rng.chance(0.1) ? supplier.org.name : null,
  };
}

/**
 * The shared catalogue. 10% of the systems are local; about 10% are sub-systems (modules)
 * of a public main system with the same rights holder; about 4% of the public ones are deactivated.
 */
export function generateCatalogue(
  ctx: GeneratorContext,
  rng: Random,
  suppliers: readonly Supplier[],
  defaultOrg: Organization,
  ownerOfSlot: (slot: number) => string | null,
  options: CatalogueOptions,
): Catalogue {
  const taken = new Set<string>();
  const facts: SystemFacts[] = [];
  const supplierPicker: WeightedPicker<Supplier> = weightedPicker(suppliers.map((s) => [s, s.weight] as const));
  const areaWeights = BUSINESS_AREAS.map((a) => [a, a.weight] as const);
  const childCount = Math.round(options.systems * 0.1);
  let localCount = 0;
  for (let i = 0; i < options.systems - childCount; i++) {
    const area = rng.weighted(areaWeights);
    const local = i % 9 === 4; // every ninth main system: 10% of the whole catalogue is local
    const slot = local ? localCount++ % options.localSlots : null;
    const supplier = rng.chance(local ? 0.3 : 0.92) ? supplierPicker.pick(rng) : null;
    const owner = local
      ? (ownerOfSlot(slot!) ?? defaultOrg.uuid)
      : supplier && rng.chance(0.4)
        ? supplier.org.uuid
        : defaultOrg.uuid;
    const name = local
      ? uniqueName(taken, () => rng.pick(LOCAL_PATTERNS)(rng.pick(area.nouns)))
      : uniqueName(taken, () => publicName(rng, area));
    const system = buildSystem({ rng, ctx, area, name, owner, local, supplier, parentUuid: null });
    const popularity = system.deactivated ? 0.3 : POPULARITY.pick(rng);
    facts.push({ index: facts.length, system, area, popularity, localSlot: slot });
  }
  const parents = facts.filter((f) => f.localSlot === null && f.system.rightsHolderUuid !== null);
  for (let i = 0; i < childCount; i++) {
    const parent = rng.pick(parents);
    const supplier = suppliers.find((s) => s.org.uuid === parent.system.rightsHolderUuid) ?? null;
    const name = uniqueName(taken, () => `${parent.system.name} – ${rng.pick(MODULE_NAMES)}`);
    const system = buildSystem({
      rng,
      ctx,
      area: parent.area,
      name,
      owner: parent.system.organizationUuid,
      local: false,
      supplier,
      parentUuid: parent.system.uuid,
    });
    facts.push({ index: facts.length, system, area: parent.area, popularity: parent.popularity / 3, localSlot: null });
  }
  const { interfaces, exposedBySystem } = generateInterfaces(
    ctx,
    rng,
    facts,
    suppliers,
    defaultOrg,
    options.interfaces,
  );
  return { facts, systems: facts.map((f) => f.system), interfaces, exposedBySystem };
}

function generateInterfaces(
  ctx: GeneratorContext,
  rng: Random,
  facts: readonly SystemFacts[],
  suppliers: readonly Supplier[],
  defaultOrg: Organization,
  count: number,
): { interfaces: ItInterface[]; exposedBySystem: Map<string, ItInterface[]> } {
  const slugOf = new Map(suppliers.map((s) => [s.org.uuid, s.slug]));
  const exposers = weightedPicker(facts.filter((f) => f.localSlot === null).map((f) => [f, f.popularity] as const));
  const interfaces: ItInterface[] = [];
  const exposedBySystem = new Map<string, ItInterface[]>();
  for (let i = 0; i < count; i++) {
    const exposer = rng.chance(0.9) ? exposers.pick(rng) : null;
    const topic = rng.pick(INTERFACE_TOPICS);
    const major = rng.int(1, 4);
    const host = slugOf.get(exposer?.system.rightsHolderUuid ?? '') ?? 'faelles-kommune';
    const iface: ItInterface = {
      ...meta(ctx, rng.uuid()),
      organizationUuid: exposer?.system.organizationUuid ?? defaultOrg.uuid,
      name: exposer ? `${exposer.system.name} – ${topic}` : `Fælles ${topic.toLowerCase()}`,
      interfaceId: `IF-${String(i + 1).padStart(4, '0')}`,
      description: exposer ? `Udstiller ${topic.toLowerCase()} fra ${exposer.system.name}.` : null,
      interfaceVersion: `${major}.${rng.int(0, 9)}`,
      url: rng.chance(0.7) ? `https://api.${host}.example/${asciiSlug(topic)}/v${major}` : null,
      note: null,
      interfaceTypeUuid: ctx.options.uuid('it-interface-interface-types', INTERFACE_TYPE.pick(rng)),
      dataRows: rng.sample(INTERFACE_DATA, rng.int(1, 3)).map(([data, type]) => ({
        uuid: rng.uuid(),
        data,
        dataTypeUuid: ctx.options.uuid('it-interface-interface-data-types', type),
      })),
      exposedBySystemUuid: exposer?.system.uuid ?? null,
      deactivated: rng.chance(0.03),
      accessModifier: 'Public',
    };
    interfaces.push(iface);
    if (exposer && !iface.deactivated) {
      const list = exposedBySystem.get(exposer.system.uuid) ?? [];
      list.push(iface);
      exposedBySystem.set(exposer.system.uuid, list);
    }
  }
  return { interfaces, exposedBySystem };
}
