/**
 * The elements of the joint municipal reference architecture ("den fælleskommunale
 * rammearkitektur") and the national infrastructure the municipalities' systems build on, as seed
 * data for the global list of architecture elements. Names as the municipalities know them; each
 * element starts without catalogue systems or interfaces (those are per installation: the global
 * admin ties them to the elements afterwards).
 *
 * @module
 */
import { nameBasedUuid } from '../options/option-uuid.js';
import type { ArchitectureElementFields, ArchitectureElementKind } from './architecture.schema.js';

/** One seeded element. */
export interface ArchitectureSeedElement {
  readonly name: string;
  readonly kind: ArchitectureElementKind;
  readonly description: string;
}

const infra = (name: string, description: string): ArchitectureSeedElement => ({
  name,
  kind: 'infrastructure',
  description,
});
const standard = (name: string, description: string): ArchitectureSeedElement => ({
  name,
  kind: 'standard',
  description,
});

/**
 * The seeded elements: KOMBIT's fælleskommunale infrastructure (Serviceplatformen and the support
 * systems of the rammearkitektur), the national registers and common public services, and the
 * standards the rammearkitektur builds on.
 *
 * @example
 * ```ts
 * REFERENCE_ARCHITECTURE_SEED.map((e) => e.name).includes('Serviceplatformen'); // true
 * ```
 */
export const REFERENCE_ARCHITECTURE_SEED: readonly ArchitectureSeedElement[] = [
  infra(
    'Serviceplatformen',
    'KOMBITs fælleskommunale integrationsplatform: adgang til de nationale registre (CPR, CVR m.fl.) og dataudveksling mellem systemer.',
  ),
  infra(
    'Fælleskommunalt Organisationssystem (FK Organisation)',
    'Støttesystem i rammearkitekturen: kommunens organisation, brugere og roller ét sted, som andre systemer henter dem fra.',
  ),
  infra(
    'Fælleskommunal Klassifikation (FK Klassifikation)',
    'Støttesystem i rammearkitekturen: fælles klassifikationer, bl.a. KLE, som systemerne deler.',
  ),
  infra(
    'Støttesystemet Beskedfordeler',
    'Støttesystem i rammearkitekturen: fordeler beskeder (hændelser) mellem kommunens systemer.',
  ),
  infra(
    'Støttesystemet Fordelingskomponent',
    'Støttesystem i rammearkitekturen: sender dokumenter og data til de rette modtagere i og uden for kommunen.',
  ),
  infra(
    'Støttesystemet Sags- og Dokumentindeks',
    'Støttesystem i rammearkitekturen: indeks over sager og dokumenter på tværs af fagsystemerne.',
  ),
  infra(
    'Støttesystemet Ydelsesindeks',
    'Støttesystem i rammearkitekturen: indeks over de ydelser, borgere og virksomheder modtager.',
  ),
  infra(
    'Støttesystemet Adgangsstyring',
    'Fælleskommunal adgangsstyring: brugernes rettigheder på tværs af systemer, ud fra FK Organisation.',
  ),
  infra(
    'SAPA (Sags- og Partsoverblik)',
    'KOMBITs overblik over en borgers eller virksomheds sager, ydelser og dokumenter på tværs af systemerne.',
  ),
  infra('Digital Post', 'Den offentlige digitale postløsning til borgere og virksomheder.'),
  infra('MitID', 'Den nationale digitale identitet for borgere og medarbejdere (MitID og MitID Erhverv).'),
  infra('NemLog-in', 'Den fællesoffentlige log-in-løsning (føderation, signering, fuldmagter).'),
  infra('NemKonto', 'Den fællesoffentlige ordning for udbetalinger fra det offentlige.'),
  infra('CPR', 'Det Centrale Personregister.'),
  infra('CVR', 'Det Centrale Virksomhedsregister.'),
  infra('Datafordeleren', 'Den fællesoffentlige distribution af grunddata (bl.a. adresser, ejendomme, kort).'),
  standard(
    'KLE (Kommunernes Landsforenings Emnesystematik)',
    'Den fælles opgavesystematik, som kommunernes sager og systemer klassificeres efter.',
  ),
  standard('OIOSAML', 'Den fællesoffentlige profil af SAML til log-in og føderation.'),
  standard('OIO IDWS', 'Den fællesoffentlige standard for identitetsbaserede webservices.'),
];

/**
 * The stable uuid of a seeded element: name-based, so seeding twice (or on another installation)
 * gives the same uuid.
 *
 * @example
 * ```ts
 * architectureSeedUuid('Serviceplatformen') === architectureSeedUuid('Serviceplatformen'); // true
 * ```
 */
export function architectureSeedUuid(name: string): string {
  return nameBasedUuid(`os2kitos/architecture/${name}`);
}

/**
 * The seed as element fields with their uuids (no systems or interfaces yet).
 *
 * @example
 * ```ts
 * seedArchitectureElements()[0]; // { uuid, name: 'Serviceplatformen', kind: 'infrastructure', description, systemUuids: [], interfaceUuids: [] }
 * ```
 */
export function seedArchitectureElements(
  seed: readonly ArchitectureSeedElement[] = REFERENCE_ARCHITECTURE_SEED,
): (ArchitectureElementFields & { uuid: string })[] {
  return seed.map((e) => ({
    uuid: architectureSeedUuid(e.name),
    name: e.name,
    kind: e.kind,
    description: e.description,
    systemUuids: [],
    interfaceUuids: [],
  }));
}
