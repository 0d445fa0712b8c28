/**
 * What an edit form offers in an organisation: the option lists of its fields (those available in
 * the organisation, with their local descriptions), the members who can hold a role, and the
 * organisations that can be a supplier or processor. One function for every client, so a form reads
 * the same choices in the page and over HTTP.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import { listAll } from '../engine/service.js';
import type { Kitos } from '../kitos.js';
import type { OptionType } from '../options/option-type.js';

/** One option a field can take in the organisation. */
export interface EditOptionChoice {
  readonly uuid: string;
  readonly name: string;
  /** The organisation's description of the option (its own, else the global one). */
  readonly description: string | null;
}

/** A member of the organisation who can hold a role. */
export interface EditUserChoice {
  readonly uuid: string;
  readonly name: string;
  readonly email: string;
}

/** An organisation a field can point at (a supplier, a data processor). */
export interface EditOrganizationChoice {
  readonly uuid: string;
  readonly name: string;
}

/** The choices of {@link editChoicesOf}: the option lists by the caller's keys, the users and organisations. */
export interface EditChoicesOf<K extends string> {
  readonly options: Readonly<Record<K, readonly EditOptionChoice[]>>;
  readonly users: readonly EditUserChoice[];
  readonly organizations: readonly EditOrganizationChoice[];
}

/**
 * The choices a form offers in `organizationUuid`: for each key, the options of its type available
 * there (by name); the organisation's members (each once, by name); and, when asked, the
 * organisations the actor may see (by name).
 *
 * @example
 * ```ts
 * const c = await editChoicesOf(kitos, actor, org, { roles: 'it-contract-role-types' });
 * c.options.roles[0]?.name; // 'Kontraktejer'
 * ```
 */
export async function editChoicesOf<K extends string>(
  kitos: Kitos,
  actor: Actor,
  organizationUuid: string,
  types: Readonly<Record<K, OptionType>>,
  options: { readonly organizations?: boolean } = {},
): Promise<EditChoicesOf<K>> {
  const keys = Object.keys(types) as K[];
  const [lists, members, organizations] = await Promise.all([
    Promise.all(keys.map((k) => kitos.options.available(actor, types[k], organizationUuid, 'name'))),
    kitos.memberships.list(actor, organizationUuid),
    options.organizations ? listAll((q) => kitos.organizations.list(actor, q)) : Promise.resolve([]),
  ]);
  const uuids = [...new Set(members.map((m) => m.userUuid))];
  const users = (await Promise.all(uuids.map((uuid) => kitos.users.get(actor, uuid))))
    .map((u) => ({ uuid: u.uuid, name: `${u.firstName} ${u.lastName}`.trim(), email: u.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const byKey = {} as Record<K, EditOptionChoice[]>;
  keys.forEach((k, i) => {
    byKey[k] = (lists[i] ?? []).map((o) => ({ uuid: o.uuid, name: o.name, description: o.description ?? null }));
  });
  return {
    options: byKey,
    users,
    organizations: organizations
      .map((o) => ({ uuid: o.uuid, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
}

/** The option lists a usage form offers, by the keys its fields name. */
export const USAGE_EDIT_OPTION_TYPES = {
  dataClassifications: 'it-system-usage-data-classification-types',
  roles: 'it-system-usage-role-types',
  sensitivePersonalData: 'it-system-usage-sensitive-personal-data-types',
  registeredDataCategories: 'it-system-usage-registered-data-category-types',
  archiveTypes: 'it-system-usage-archive-types',
  archiveLocations: 'it-system-usage-archive-location-types',
  archiveTestLocations: 'it-system-usage-archive-test-location-types',
} as const satisfies Record<string, OptionType>;

/** The option lists a contract form offers, by the keys its fields name. */
export const CONTRACT_EDIT_OPTION_TYPES = {
  contractTypes: 'it-contract-contract-types',
  contractTemplates: 'it-contract-contract-template-types',
  criticalities: 'it-contract-criticality-types',
  agreementElements: 'it-contract-agreement-element-types',
  purchaseTypes: 'it-contract-purchase-types',
  procurementStrategies: 'it-contract-procurement-strategy-types',
  paymentModels: 'it-contract-payment-model-types',
  paymentFrequencies: 'it-contract-payment-frequency-types',
  priceRegulations: 'it-contract-price-regulation-types',
  extensionOptions: 'it-contract-agreement-extension-option-types',
  noticePeriods: 'it-contract-notice-period-month-types',
  roles: 'it-contract-role-types',
} as const satisfies Record<string, OptionType>;

/** The option lists a data processing registration form offers, by the keys its fields name. */
export const REGISTRATION_EDIT_OPTION_TYPES = {
  dataResponsibles: 'data-processing-registration-data-responsible-types',
  basisForTransfer: 'data-processing-registration-basis-for-transfer-types',
  countries: 'data-processing-registration-country-types',
  oversightOptions: 'data-processing-registration-oversight-types',
  roles: 'data-processing-registration-role-types',
} as const satisfies Record<string, OptionType>;

/** The option lists a project form offers, by the keys its fields name. */
export const PROJECT_EDIT_OPTION_TYPES = {
  projectTypes: 'it-project-types',
} as const satisfies Record<string, OptionType>;

/** The keys of the lists {@link projectEditChoicesOf} offers. */
export type ProjectEditChoiceKey = keyof typeof PROJECT_EDIT_OPTION_TYPES | 'projects' | 'usages' | 'contracts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'da');

/**
 * The choices a project form offers in `organizationUuid`: the project types available there, the
 * members, and the records a project links to in its own organisation, each as a choice by name:
 * the organisation's own projects (a parent project; partners' projects are not theirs to link),
 * its system usages (by the system's name and the local call name) and its contracts.
 *
 * @example
 * ```ts
 * const c = await projectEditChoicesOf(kitos, actor, org);
 * c.options.projects.map((p) => p.name); // the possible parent projects
 * ```
 */
export async function projectEditChoicesOf(
  kitos: Kitos,
  actor: Actor,
  organizationUuid: string,
): Promise<EditChoicesOf<ProjectEditChoiceKey>> {
  const query = { organizationUuid };
  const [base, projects, usages, contracts] = await Promise.all([
    editChoicesOf(kitos, actor, organizationUuid, PROJECT_EDIT_OPTION_TYPES),
    kitos.overviews.query(actor, 'projects', query),
    kitos.overviews.query(actor, 'usages', query),
    kitos.overviews.query(actor, 'contracts', query),
  ]);
  const choice = (uuid: string, name: string): EditOptionChoice => ({ uuid, name, description: null });
  return {
    options: {
      ...base.options,
      projects: projects.rows
        .filter((p) => p.ownedHere)
        .map((p) => choice(p.uuid, p.name))
        .sort(byName),
      usages: usages.rows
        .map((u) =>
          choice(
            u.uuid,
            u.localCallName && u.localCallName !== u.systemName ? `${u.systemName} (${u.localCallName})` : u.systemName,
          ),
        )
        .sort(byName),
      contracts: contracts.rows.map((c) => choice(c.uuid, c.name)).sort(byName),
    },
    users: base.users,
    organizations: base.organizations,
  };
}
