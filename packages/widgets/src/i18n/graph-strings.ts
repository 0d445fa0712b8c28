/**
 * Words of `<kitos-relation-graph>`, in Danish and English. A dictionary of its own, loaded with
 * that widget only. Every language defines every key.
 *
 * @module
 */
import { formatCount } from './format.js';
import type { Lang } from './strings.js';

/** Every string of `<kitos-relation-graph>`. */
export interface GraphStrings {
  readonly title: string;
  readonly unit: string;
  readonly kle: string;
  readonly system: string;
  readonly focus: string;
  readonly depth: string;
  readonly all: string;
  readonly everything: string;
  readonly summary: (systems: number, relations: number) => string;
  readonly graphLabel: (systems: number, relations: number) => string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
  readonly interface: string;
  readonly data: string;
  readonly frequency: string;
  readonly contract: string;
  readonly description: string;
  readonly showNeighbours: (name: string) => string;
  readonly none: string;
  readonly notAvailable: string;
  readonly exportSvg: string;
  readonly exportPng: string;
  readonly drawing: string;
}

const da: GraphStrings = {
  title: 'Relationer mellem systemer',
  unit: 'Organisationsenhed',
  kle: 'KLE-opgave',
  system: 'IT-system',
  focus: 'Vis naboer til',
  depth: 'Antal led',
  all: 'Alle',
  everything: 'Hele organisationen',
  summary: (s, r) =>
    `${formatCount(s, 'da')} ${s === 1 ? 'system' : 'systemer'}, ${formatCount(r, 'da')} ${r === 1 ? 'relation' : 'relationer'}`,
  graphLabel: (s, r) =>
    `Graf over ${formatCount(s, 'da')} systemer og ${formatCount(r, 'da')} relationer. Tabellen herunder viser de samme relationer.`,
  table: 'Relationer',
  from: 'Fra',
  to: 'Til',
  interface: 'Snitflade',
  data: 'Data',
  frequency: 'Frekvens',
  contract: 'Kontrakt',
  description: 'Beskrivelse',
  showNeighbours: (name) => `Vis naboer til ${name}`,
  none: 'Ingen relationer.',
  notAvailable: 'Relationer kan ikke vises med denne datakilde.',
  exportSvg: 'Eksportér SVG',
  exportPng: 'Eksportér PNG',
  drawing: 'Tegner …',
};

const en: GraphStrings = {
  title: 'Relations between systems',
  unit: 'Organisation unit',
  kle: 'KLE task',
  system: 'IT system',
  focus: 'Show neighbours of',
  depth: 'Steps',
  all: 'All',
  everything: 'The whole organisation',
  summary: (s, r) =>
    `${formatCount(s, 'en')} ${s === 1 ? 'system' : 'systems'}, ${formatCount(r, 'en')} ${r === 1 ? 'relation' : 'relations'}`,
  graphLabel: (s, r) =>
    `Graph of ${formatCount(s, 'en')} systems and ${formatCount(r, 'en')} relations. The table below lists the same relations.`,
  table: 'Relations',
  from: 'From',
  to: 'To',
  interface: 'Interface',
  data: 'Data',
  frequency: 'Frequency',
  contract: 'Contract',
  description: 'Description',
  showNeighbours: (name) => `Show neighbours of ${name}`,
  none: 'No relations.',
  notAvailable: 'Relations cannot be shown with this data source.',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  drawing: 'Drawing …',
};

/** The graph dictionary of a language. */
export function graphStrings(lang: Lang): GraphStrings {
  return lang === 'en' ? en : da;
}
