/**
 * The in-page client: the widgets' {@link KitosClient} over the core facade running in the same
 * page (on sql.js in IndexedDB for a local-first page, on a snapshot opened from a URL, or on the
 * memory adapter). Everything the widgets show passes the core's permission checks for the actor.
 *
 * @module
 */
import {
  type Actor,
  CONTRACT_EDIT_OPTION_TYPES,
  editChoicesOf,
  type IsoDate,
  type GdprRegister,
  type Kitos,
  type Language,
  OVERVIEW_COLUMNS,
  projectEditChoicesOf,
  type ProtectedKind,
  REGISTRATION_EDIT_OPTION_TYPES,
  type RolesOverview,
  type RolesQuery,
  USAGE_EDIT_OPTION_TYPES,
} from '@os2kitos/core';
import type {
  KitosClient,
  KitosCoordinationReader,
  KitosFile,
  KitosRolesClient,
  KitosWritableKind,
  KitosWriter,
} from './client.js';

/** Options of {@link createInPageClient}. */
export interface InPageClientOptions {
  /** The day validity and deadlines are computed for (default: today). */
  readonly today?: IsoDate;
  /**
   * Writes the GDPR register as a workbook: pass `gdprRegisterWorkbook` of `@os2kitos/io` to offer
   * the register's XLSX export in the page (the widgets do not load the spreadsheet library themselves).
   */
  readonly gdprWorkbook?: (register: GdprRegister, options: { language: Language }) => Promise<KitosFile>;
  /**
   * Writes roles as a workbook: pass `rolesWorkbook` of `@os2kitos/io` to offer `<kitos-roles>`'s
   * XLSX export in the page.
   */
  readonly rolesWorkbook?: (overview: RolesOverview, options: { language: Language }) => Promise<KitosFile>;
}

/**
 * Creates a {@link KitosClient} that reads and writes through `kitos` on behalf of `actor`: every
 * method is one call of the core facade, whose read models are exactly what the widgets show and
 * whose permission checks and rules every write passes. It plans
 * reminders but has no delivery log (only a server sends e-mail).
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage });
 * const client = createInPageClient(kitos, { userUuid });
 * document.querySelector('kitos-provider')!.client = client;
 * ```
 */
export function createInPageClient(
  kitos: Kitos,
  actor: Actor,
  options: InPageClientOptions = {},
): KitosWriter &
  KitosCoordinationReader &
  KitosRolesClient &
  Required<Pick<KitosClient, 'relationGraph' | 'architectureCoverage'>> {
  const today = options.today === undefined ? {} : { today: options.today };
  // The core's create rule over the actor's roles as stored (the server's permission probe does the
  // same), so a create button shows exactly when the create would be allowed.
  // The core's create rule over the actor's roles as stored (as the server's permission probe),
  // so a create button shows exactly when the create would be allowed.
  const mayCreate = (kind: ProtectedKind, organizationUuid: string) =>
    kitos.organizations.mayCreate(actor, organizationUuid, kind);
  const services = {
    usages: kitos.usages,
    contracts: kitos.contracts,
    registrations: kitos.dataProcessing,
    projects: kitos.projects,
  } satisfies Record<KitosWritableKind, unknown>;
  return {
    columns: async (kind) => OVERVIEW_COLUMNS[kind],
    overview: (kind, query) => kitos.overviews.query(actor, kind, { ...today, ...query }),
    usageCard: (uuid) => kitos.cards.usage(actor, uuid, options.today),
    contractCard: (uuid) => kitos.cards.contract(actor, uuid, options.today),
    contractDeadlines: (query) => kitos.overviews.deadlines(actor, { ...today, ...query }),
    unitTree: (organizationUuid) => kitos.overviews.unitTree(actor, organizationUuid),
    // The plan only: e-mail is sent (and its log kept) by a server, not by a page.
    reminders: async (query) => {
      const plan = await kitos.notifications.plan(actor, { ...today, ...query });
      const mine = <T extends { entityUuid: string }>(list: readonly T[]) =>
        query.entityUuid ? list.filter((r) => r.entityUuid === query.entityUuid) : list;
      return {
        due: mine(plan.due).map((r) => ({ ...r, delivery: null })),
        ahead: mine(plan.ahead).map((r) => ({ ...r, delivery: null })),
      };
    },
    usageRecord: (uuid) => kitos.usages.get(actor, uuid),
    usageEditChoices: async (organizationUuid) => {
      const c = await editChoicesOf(kitos, actor, organizationUuid, USAGE_EDIT_OPTION_TYPES, { organizations: true });
      return { ...c.options, users: c.users, organizations: c.organizations };
    },
    patchUsage: (uuid, patch, o = {}) => kitos.usages.patch(actor, uuid, patch, o),
    mayCreateUsage: (organizationUuid) => mayCreate('itSystemUsage', organizationUuid),
    createUsage: (input) => kitos.usages.create(actor, { ...input }),
    deleteUsage: (uuid, o = {}) => kitos.usages.delete(actor, uuid, o),
    deleteConsequences: (kind, uuid) => services[kind].deleteConsequences(actor, uuid),
    contractRecord: (uuid) => kitos.contracts.get(actor, uuid),
    contractEditChoices: (organizationUuid) =>
      editChoicesOf(kitos, actor, organizationUuid, CONTRACT_EDIT_OPTION_TYPES, { organizations: true }),
    patchContract: (uuid, patch, o = {}) => kitos.contracts.patch(actor, uuid, patch, o),
    mayCreateContract: (organizationUuid) => mayCreate('itContract', organizationUuid),
    createContract: (input) =>
      kitos.contracts.create(actor, { organizationUuid: input.organizationUuid, name: input.name }),
    deleteContract: (uuid, o = {}) => kitos.contracts.delete(actor, uuid, o),
    registrationCard: (uuid) => kitos.cards.dataProcessing(actor, uuid, options.today),
    registrationRecord: (uuid) => kitos.dataProcessing.get(actor, uuid),
    registrationEditChoices: (organizationUuid) =>
      editChoicesOf(kitos, actor, organizationUuid, REGISTRATION_EDIT_OPTION_TYPES, { organizations: true }),
    patchRegistration: (uuid, patch, o = {}) => kitos.dataProcessing.patch(actor, uuid, patch, o),
    mayCreateRegistration: (organizationUuid) => mayCreate('dataProcessingRegistration', organizationUuid),
    createRegistration: (input) =>
      kitos.dataProcessing.create(actor, { organizationUuid: input.organizationUuid, name: input.name }),
    deleteRegistration: (uuid, o = {}) => kitos.dataProcessing.delete(actor, uuid, o),
    projectCard: (uuid) => kitos.cards.project(actor, uuid, options.today),
    projectRecord: (uuid) => kitos.projects.get(actor, uuid),
    projectEditChoices: (organizationUuid) => projectEditChoicesOf(kitos, actor, organizationUuid),
    patchProject: (uuid, patch, o = {}) => kitos.projects.patch(actor, uuid, patch, o),
    mayCreateProject: (organizationUuid) => mayCreate('project', organizationUuid),
    createProject: (input) =>
      kitos.projects.create(actor, { organizationUuid: input.organizationUuid, name: input.name }),
    deleteProject: (uuid, o = {}) => kitos.projects.delete(actor, uuid, o),
    catalogue: (query) => kitos.coordination.catalogue(actor, query),
    catalogueFilters: () => kitos.coordination.catalogueFilters(actor),
    systemUse: (systemUuid) => kitos.coordination.systemUse(actor, systemUuid),
    // The radar's window starts at the client's day unless the query says otherwise.
    radar: (query) => kitos.coordination.radar(actor, { ...(options.today && { from: options.today }), ...query }),
    contractsLikeMine: (contractUuid, o = {}) => kitos.coordination.contractsLikeMine(actor, contractUuid, o),
    similarLandscapes: (query) => kitos.coordination.similarLandscapes(actor, query),
    landscapeSuggestions: (query) => kitos.coordination.suggestions(actor, query),
    architectureCoverage: (organizationUuid) => kitos.coordination.architectureCoverage(actor, organizationUuid),
    roles: (query) => kitos.roles.overview(actor, query),
    previewRoleTransfer: (transfer) => kitos.roles.previewTransfer(actor, transfer),
    transferRoles: (transfer) => kitos.roles.transfer(actor, transfer),
    relationGraph: (query) => kitos.relations.graph(actor, query),
    dataQuality: (query) => kitos.quality.summary(actor, { ...today, ...query }),
    gdprRegister: (query) => kitos.gdpr.register(actor, { ...today, ...query }),
    ...(options.gdprWorkbook
      ? {
          gdprRegisterWorkbook: async (
            query: Parameters<NonNullable<KitosClient['gdprRegister']>>[0],
            language: Language,
          ) => options.gdprWorkbook!(await kitos.gdpr.register(actor, { ...today, ...query }), { language }),
        }
      : {}),
    ...(options.rolesWorkbook
      ? {
          rolesWorkbook: async (query: RolesQuery, language: Language) =>
            options.rolesWorkbook!(await kitos.roles.overview(actor, query), { language }),
        }
      : {}),
  };
}
