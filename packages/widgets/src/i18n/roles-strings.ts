/**
 * Words of `<kitos-roles>`, in Danish and English. A dictionary of its own, loaded with that
 * widget only, so other embeds do not carry it. Every language defines every key.
 *
 * @module
 */
import type { RoleObjectKind } from '@os2kitos/core';
import { formatCount } from './format.js';
import type { Lang } from './strings.js';

/** Every string of `<kitos-roles>`. */
export interface RolesStrings {
  readonly title: string;
  readonly person: string;
  readonly name: string;
  readonly email: string;
  readonly everyone: string;
  readonly holder: (name: string, roles: number) => string;
  readonly kind: string;
  readonly allKinds: string;
  readonly kinds: Readonly<Record<RoleObjectKind, string>>;
  readonly role: string;
  readonly record: string;
  readonly select: string;
  readonly selectAll: string;
  readonly selectRole: (role: string, record: string) => string;
  readonly count: (n: number) => string;
  readonly none: string;
  readonly notAvailable: string;
  readonly exportCsv: string;
  readonly exportXlsx: string;
  readonly exporting: string;
  readonly exportFailed: string;
  readonly transfer: string;
  readonly transferTo: string;
  readonly choose: string;
  readonly transferHint: string;
  readonly preview: (n: number) => string;
  readonly previewTitle: (from: string, to: string) => string;
  readonly alreadyHeld: string;
  readonly notAllowed: string;
  readonly notMember: string;
  readonly refused: (n: number) => string;
  readonly confirm: (n: number) => string;
  readonly cancel: string;
  readonly moving: string;
  readonly moved: (n: number, to: string) => string;
  readonly failed: (message: string) => string;
}

const da: RolesStrings = {
  title: 'Roller',
  person: 'Person',
  name: 'Navn',
  email: 'E-mail',
  everyone: 'Alle personer',
  holder: (name, roles) => `${name} (${formatCount(roles, 'da')})`,
  kind: 'Type',
  allKinds: 'Alle typer',
  kinds: {
    itSystemUsage: 'IT-system',
    itContract: 'IT-kontrakt',
    dataProcessingRegistration: 'Databehandling',
    organizationUnit: 'Organisationsenhed',
  },
  role: 'Rolle',
  record: 'Registrering',
  select: 'Vælg',
  selectAll: 'Vælg alle roller, personen må få flyttet',
  selectRole: (role, record) => `Vælg ${role} på ${record}`,
  count: (n) => `${formatCount(n, 'da')} ${n === 1 ? 'rolle' : 'roller'}`,
  none: 'Ingen roller.',
  notAvailable: 'Roller kan ikke vises med denne datakilde.',
  exportCsv: 'Eksportér (CSV)',
  exportXlsx: 'Eksportér til Excel',
  exporting: 'Eksporterer …',
  exportFailed: 'Eksporten mislykkedes.',
  transfer: 'Overdrag roller',
  transferTo: 'Overdrag til',
  choose: 'Vælg …',
  transferHint: 'Vælg en person for at overdrage vedkommendes roller.',
  preview: (n) => `Vis overdragelse af ${formatCount(n, 'da')} ${n === 1 ? 'rolle' : 'roller'}`,
  previewTitle: (from, to) => `Overdrag roller fra ${from} til ${to}`,
  alreadyHeld: 'har rollen i forvejen',
  notAllowed: 'du må ikke ændre den',
  notMember: 'Modtageren er ikke medlem af organisationen og kan ikke have roller.',
  refused: (n) => `${formatCount(n, 'da')} ${n === 1 ? 'rolle' : 'roller'} må du ikke ændre: intet kan overdrages.`,
  confirm: (n) => `Overdrag ${formatCount(n, 'da')} ${n === 1 ? 'rolle' : 'roller'}`,
  cancel: 'Annullér',
  moving: 'Overdrager …',
  moved: (n, to) => `${formatCount(n, 'da')} ${n === 1 ? 'rolle' : 'roller'} overdraget til ${to}.`,
  failed: (message) => `Intet blev overdraget: ${message}`,
};

const en: RolesStrings = {
  title: 'Roles',
  person: 'Person',
  name: 'Name',
  email: 'E-mail',
  everyone: 'Everyone',
  holder: (name, roles) => `${name} (${formatCount(roles, 'en')})`,
  kind: 'Type',
  allKinds: 'All types',
  kinds: {
    itSystemUsage: 'IT system',
    itContract: 'IT contract',
    dataProcessingRegistration: 'Data processing',
    organizationUnit: 'Organisation unit',
  },
  role: 'Role',
  record: 'Record',
  select: 'Select',
  selectAll: 'Select every role you may move',
  selectRole: (role, record) => `Select ${role} on ${record}`,
  count: (n) => `${formatCount(n, 'en')} ${n === 1 ? 'role' : 'roles'}`,
  none: 'No roles.',
  notAvailable: 'Roles cannot be shown with this data source.',
  exportCsv: 'Export (CSV)',
  exportXlsx: 'Export to Excel',
  exporting: 'Exporting …',
  exportFailed: 'The export failed.',
  transfer: 'Transfer roles',
  transferTo: 'Transfer to',
  choose: 'Choose …',
  transferHint: 'Choose a person to transfer their roles.',
  preview: (n) => `Preview transfer of ${formatCount(n, 'en')} ${n === 1 ? 'role' : 'roles'}`,
  previewTitle: (from, to) => `Transfer roles from ${from} to ${to}`,
  alreadyHeld: 'already holds it',
  notAllowed: 'you may not change it',
  notMember: 'The recipient is not a member of the organisation and cannot hold roles.',
  refused: (n) =>
    `You may not change ${formatCount(n, 'en')} ${n === 1 ? 'role' : 'roles'}: nothing can be transferred.`,
  confirm: (n) => `Transfer ${formatCount(n, 'en')} ${n === 1 ? 'role' : 'roles'}`,
  cancel: 'Cancel',
  moving: 'Transferring …',
  moved: (n, to) => `${formatCount(n, 'en')} ${n === 1 ? 'role' : 'roles'} transferred to ${to}.`,
  failed: (message) => `Nothing was transferred: ${message}`,
};

/** The roles dictionary of a language. */
export function rolesStrings(lang: Lang): RolesStrings {
  return lang === 'en' ? en : da;
}
