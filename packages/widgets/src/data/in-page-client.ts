/**
 * The in-page client: the widgets' {@link KitosClient} over the core facade running in the same
 * page (on sql.js in IndexedDB for a local-first page, on a snapshot opened from a URL, or on the
 * memory adapter). Everything the widgets show passes the core's permission checks for the actor.
 *
 * @module
 */
import { type Actor, type IsoDate, type Kitos, OVERVIEW_COLUMNS } from '@os2kitos/core';
import type { KitosClient, KitosCoordinationReader, KitosRolesClient, KitosUsageWriter, UserChoice } from './client.js';

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
  options: { today?: IsoDate } = {},
): KitosUsageWriter & KitosCoordinationReader & KitosRolesClient & Required<Pick<KitosClient, 'relationGraph'>> {
  const today = options.today === undefined ? {} : { today: options.today };
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
      const option = (o: { uuid: string; name: string; description: string | null }) => ({
        uuid: o.uuid,
        name: o.name,
        description: o.description,
      });
      const [classifications, roles, members] = await Promise.all([
        kitos.options.available(actor, 'it-system-usage-data-classification-types', organizationUuid, 'name'),
        kitos.options.available(actor, 'it-system-usage-role-types', organizationUuid, 'name'),
        kitos.memberships.list(actor, organizationUuid),
      ]);
      return {
        dataClassifications: classifications.map(option),
        roles: roles.map(option),
        users: await usersOf(kitos, actor, members),
      };
    },
    patchUsage: (uuid, patch, o = {}) => kitos.usages.patch(actor, uuid, patch, o),
    // The core's create rule over the actor's roles as stored (as the server's permission probe),
    // so the button shows exactly when the create would be allowed.
    mayCreateUsage: (organizationUuid) => kitos.organizations.mayCreate(actor, organizationUuid, 'itSystemUsage'),
    createUsage: (input) => kitos.usages.create(actor, { ...input }),
    deleteUsage: (uuid, o = {}) => kitos.usages.delete(actor, uuid, o),
    catalogue: (query) => kitos.coordination.catalogue(actor, query),
    catalogueFilters: () => kitos.coordination.catalogueFilters(actor),
    systemUse: (systemUuid) => kitos.coordination.systemUse(actor, systemUuid),
    // The radar's window starts at the client's day unless the query says otherwise.
    radar: (query) => kitos.coordination.radar(actor, { ...(options.today && { from: options.today }), ...query }),
    contractsLikeMine: (contractUuid, o = {}) => kitos.coordination.contractsLikeMine(actor, contractUuid, o),
    similarLandscapes: (query) => kitos.coordination.similarLandscapes(actor, query),
    landscapeSuggestions: (query) => kitos.coordination.suggestions(actor, query),
    roles: (query) => kitos.roles.overview(actor, query),
    previewRoleTransfer: (transfer) => kitos.roles.previewTransfer(actor, transfer),
    transferRoles: (transfer) => kitos.roles.transfer(actor, transfer),
    relationGraph: (query) => kitos.relations.graph(actor, query),
  };
}

/**
 * The members of an organisation as role holders, by name (each user once, whatever roles they
 * have in the organisation).
 */
async function usersOf(kitos: Kitos, actor: Actor, members: readonly { userUuid: string }[]): Promise<UserChoice[]> {
  const uuids = [...new Set(members.map((m) => m.userUuid))];
  const users = await Promise.all(uuids.map((uuid) => kitos.users.get(actor, uuid)));
  return users
    .map((u) => ({ uuid: u.uuid, name: `${u.firstName} ${u.lastName}`.trim(), email: u.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
