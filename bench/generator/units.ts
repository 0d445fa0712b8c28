/**
 * The unit tree of a fictional municipality: root, "Direktionen", six directorates, their
 * departments, and institutions (schools, day care, nursing homes, …) drawn from the name pools.
 *
 * @module
 */
import type { Organization, OrganizationUnit } from '@os2kitos/core';
import type { DirectorateKey } from './areas.js';
import { type GeneratorContext, meta } from './context.js';
import {
  CITIZEN_DESKS,
  CULTURE,
  DAYCARES,
  DENTAL_CLINICS,
  DEPOTS,
  FAMILY_INSTITUTIONS,
  FIRE_STATIONS,
  HOME_CARE_DISTRICTS,
  IT_TEAMS,
  JOB_TEAMS,
  LIBRARIES,
  NURSING_HOMES,
  SCHOOLS,
  SOCIAL_INSTITUTIONS,
  YOUTH_CLUBS,
} from './names.js';
import type { Random } from './random.js';

interface DepartmentTemplate {
  readonly name: string;
  readonly pool?: readonly string[];
  readonly count?: readonly [number, number];
}

interface DirectorateTemplate {
  readonly key: DirectorateKey;
  readonly name: string;
  readonly departments: readonly DepartmentTemplate[];
}

/**
 * The unit tree of every fictional municipality: root, "Direktionen", six directorates, their
 * departments and institutions drawn from the name pools. About 150 units on average.
 */
const DIRECTORATES: readonly DirectorateTemplate[] = [
  {
    key: 'stab',
    name: 'Økonomi og Digitalisering',
    departments: [
      { name: 'Økonomi' },
      { name: 'Løn og Personale' },
      { name: 'IT og Digitalisering', pool: IT_TEAMS, count: [3, 4] },
      { name: 'Indkøb og Udbud' },
      { name: 'Jura og Sekretariat' },
      { name: 'Kommunikation' },
    ],
  },
  {
    key: 'borger',
    name: 'Borgerservice og Kultur',
    departments: [
      { name: 'Borgerservice', pool: CITIZEN_DESKS, count: [2, 3] },
      { name: 'Ydelsesservice' },
      { name: 'Bibliotekerne', pool: LIBRARIES, count: [4, 6] },
      { name: 'Kultur og Fritid', pool: CULTURE, count: [4, 6] },
    ],
  },
  {
    key: 'skole',
    name: 'Skole og Dagtilbud',
    departments: [
      { name: 'Skoleafdelingen', pool: SCHOOLS, count: [16, 20] },
      { name: 'Dagtilbudsafdelingen', pool: DAYCARES, count: [28, 36] },
      { name: 'PPR' },
      { name: 'Sundhedsplejen' },
      { name: 'Ungdomsskolen', pool: YOUTH_CLUBS, count: [3, 5] },
    ],
  },
  {
    key: 'aeldre',
    name: 'Ældre og Sundhed',
    departments: [
      { name: 'Hjemmeplejen', pool: HOME_CARE_DISTRICTS, count: [4, 7] },
      { name: 'Plejecentre', pool: NURSING_HOMES, count: [9, 13] },
      { name: 'Visitation' },
      { name: 'Træning og Rehabilitering' },
      { name: 'Sygeplejen' },
      { name: 'Tandplejen', pool: DENTAL_CLINICS, count: [2, 4] },
    ],
  },
  {
    key: 'social',
    name: 'Social og Beskæftigelse',
    departments: [
      { name: 'Jobcenter', pool: JOB_TEAMS, count: [3, 4] },
      { name: 'Familieafdelingen', pool: FAMILY_INSTITUTIONS, count: [3, 5] },
      { name: 'Voksenhandicap og Psykiatri', pool: SOCIAL_INSTITUTIONS, count: [6, 9] },
      { name: 'Ydelseskontoret' },
      { name: 'Integration' },
    ],
  },
  {
    key: 'teknik',
    name: 'Teknik og Miljø',
    departments: [
      { name: 'Byg og Plan' },
      { name: 'Natur og Miljø' },
      { name: 'Vej og Park', pool: DEPOTS, count: [2, 4] },
      { name: 'Ejendomme' },
      { name: 'Trafik og Infrastruktur' },
      { name: 'Beredskab', pool: FIRE_STATIONS, count: [2, 3] },
    ],
  },
];

/** A directorate of one municipality: its unit, its departments and every unit below it. */
export interface Directorate {
  readonly unit: OrganizationUnit;
  readonly departments: readonly OrganizationUnit[];
  readonly subtree: readonly OrganizationUnit[];
}

/** A 13-digit EAN location number with the Danish public-sector prefix 5798 and a valid check digit. */
function fictionalEan(rng: Random): string {
  const body = `5798${Array.from({ length: 8 }, () => rng.int(0, 9)).join('')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Builds the unit tree of one municipality (root first, every parent before its children). */
export function generateUnits(
  ctx: GeneratorContext,
  rng: Random,
  org: Organization,
  imported: boolean,
): { units: OrganizationUnit[]; directorates: Map<DirectorateKey, Directorate> } {
  const units: OrganizationUnit[] = [];
  const add = (name: string, parent: OrganizationUnit | null, withEan: boolean): OrganizationUnit => {
    const unit: OrganizationUnit = {
      ...meta(ctx, rng.uuid()),
      organizationUuid: org.uuid,
      name,
      localId: String(1000 + units.length),
      ean: withEan ? fictionalEan(rng) : null,
      parentUuid: parent?.uuid ?? null,
      origin: imported ? 'STS_Organisation' : 'Kitos',
      externalOriginUuid: imported ? rng.uuid() : null,
    };
    units.push(unit);
    return unit;
  };
  const root = add(org.name, null, true);
  add('Direktionen', root, false);
  const directorates = new Map<DirectorateKey, Directorate>();
  for (const template of DIRECTORATES) {
    const unit = add(template.name, root, rng.chance(0.5));
    const departments: OrganizationUnit[] = [];
    const subtree: OrganizationUnit[] = [unit];
    for (const dept of template.departments) {
      const d = add(dept.name, unit, rng.chance(0.7));
      departments.push(d);
      subtree.push(d);
      if (dept.pool && dept.count) {
        for (const name of rng.sample(dept.pool, rng.int(dept.count[0], dept.count[1]))) {
          subtree.push(add(name, d, rng.chance(0.8)));
        }
      }
    }
    directorates.set(template.key, { unit, departments, subtree });
  }
  return { units, directorates };
}
