/**
 * The in-page client: the widgets' {@link KitosClient} over the core facade running in the same
 * page (on sql.js in IndexedDB for a local-first page, on a snapshot opened from a URL, or on the
 * memory adapter). Everything the widgets show passes the core's permission checks for the actor.
 *
 * @module
 */
import {
  type Actor,
  actorContext,
  canCreate,
  type IsoDate,
  type GdprRegister,
  type Kitos,
  type Language,
  OVERVIEW_COLUMNS,
  type OrganizationRole,
} from '@os2kitos/core';
import type { KitosClient, KitosFile, KitosUsageWriter, UserChoice } from './client.js';

/** Options of {@link createInPageClient}. */
export interface InPageClientOptions {
  /** The day validity and deadlines are computed for (default: today). */
  readonly today?: IsoDate;
  /**
   * Writes the GDPR register as a workbook: pass `gdprRegisterWorkbook` of `@os2kitos/io` to offer
   * the register's XLSX export in the page (the widgets do not load the spreadsheet library themselves).
   */
  readonly gdprWorkbook?: (register: GdprRegister, options: { language: Language }) => Promise<KitosFile>;
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
export function createInPageClient(kitos: Kitos, actor: Actor, options: InPageClientOptions = {}): KitosUsageWriter {
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
    mayCreateUsage: async (organizationUuid) => {
      // The core's create rule over the actor's roles as stored (the server's permission probe does
      // the same), so the button shows exactly when the create would be allowed.
      await kitos.organizations.get(actor, organizationUuid);
      const user = await kitos.users.get(actor, actor.userUuid);
      const memberships = await kitos.storage.query<{ organizationUuid: string; role: OrganizationRole }>({
        kind: 'membership',
        filter: { op: 'eq', field: 'userUuid', value: actor.userUuid },
      });
      const ctx = actorContext({
        userUuid: actor.userUuid,
        isGlobalAdmin: user.isGlobalAdmin,
        memberships: memberships.records.map((r) => ({ organizationUuid: r.data.organizationUuid, role: r.data.role })),
      });
      return canCreate(ctx, 'itSystemUsage', organizationUuid);
    },
    createUsage: (input) => kitos.usages.create(actor, { ...input }),
    deleteUsage: (uuid, o = {}) => kitos.usages.delete(actor, uuid, o),
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
