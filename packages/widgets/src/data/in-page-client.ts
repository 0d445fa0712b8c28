/**
 * The in-page client: the widgets' {@link KitosClient} over the core facade running in the same
 * page (on sql.js in IndexedDB for a local-first page, on a snapshot opened from a URL, or on the
 * memory adapter). Everything the widgets show passes the core's permission checks for the actor.
 *
 * @module
 */
import { type Actor, type IsoDate, type Kitos, OVERVIEW_COLUMNS } from '@os2kitos/core';
import type { KitosClient } from './client.js';

/**
 * Creates a {@link KitosClient} that reads through `kitos` on behalf of `actor`: every method is
 * one call of the core facade, whose read models are exactly what the widgets show. It plans
 * reminders but has no delivery log (only a server sends e-mail).
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage });
 * const client = createInPageClient(kitos, { userUuid });
 * document.querySelector('kitos-provider')!.client = client;
 * ```
 */
export function createInPageClient(kitos: Kitos, actor: Actor, options: { today?: IsoDate } = {}): KitosClient {
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
  };
}
