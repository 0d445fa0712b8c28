// The demo's "Fælles" tab: what the seeded municipalities share with each other, through the same
// HTTP client as the rest of the page. The widgets are imported from their own subpaths and made on
// the first visit of the tab; the radar starts on the most used system whose shared contracts end
// in the most municipalities within two years, from the point of view of the viewer's own contract
// on it when there is one ("Kontrakter som denne"), and the landscapes on the first KLE task.
import '@os2kitos/widgets/catalogue';
import '@os2kitos/widgets/procurement-radar';
import '@os2kitos/widgets/similar-landscapes';
import '@os2kitos/widgets/architecture-coverage';
import { canCoordinate, type KitosClient } from '@os2kitos/widgets';

/** The tab's id suffix and `data-kind`. */
export const COORDINATION_TAB = 'coordination';

const TEXT = {
  da: {
    tab: 'Fælles',
    intro:
      'Det de andre kommuner deler: katalog, udbudsradar og lignende systemlandskaber, og hvor meget af jeres portefølje der står på den fælleskommunale rammearkitektur.',
  },
  en: {
    tab: 'Across municipalities',
    intro:
      'What the other municipalities share: catalogue, procurement radar and similar landscapes, and how much of your portfolio stands on the joint reference architecture.',
  },
};

let made = false;

/**
 * Picks a radar subject with shared contracts in as many organisations as there are (of the 8 most
 * used systems), and the viewer's own contract on it in the window, if any.
 */
async function pickRadarSystem(
  client: KitosClient,
  organizationUuid: string,
): Promise<{ system: string; contract: string | undefined } | undefined> {
  if (!canCoordinate(client)) return undefined;
  const page = await client.catalogue({ limit: 8 });
  const radars = await Promise.all(
    page.entries.map(async (e) => ({ uuid: e.uuid, radar: await client.radar({ systemUuid: e.uuid, months: 24 }) })),
  );
  radars.sort((a, b) => b.radar.organizations - a.radar.organizations || b.radar.contracts - a.radar.contracts);
  const best = radars[0];
  if (!best) return undefined;
  const own = best.radar.groups
    .flatMap((g) => g.quarters.flatMap((q) => q.entries))
    .find((e) => e.contract.organizationUuid === organizationUuid);
  return { system: best.uuid, contract: own?.contract.uuid };
}

async function pickTask(client: KitosClient): Promise<string | undefined> {
  if (!canCoordinate(client)) return undefined;
  return (await client.catalogueFilters()).kle.find((k) => !k.taskKey.includes('.'))?.uuid;
}

/** Fills the tab's panel with the four widgets (once), starting them on subjects with data. */
async function make(panel: HTMLElement, client: KitosClient): Promise<void> {
  made = true;
  const intro = document.createElement('p');
  intro.className = 'coordination-intro';
  intro.dataset.i18nCoordination = 'intro';
  const catalogue = document.createElement('kitos-catalogue');
  catalogue.setAttribute('min-organizations', '2');
  catalogue.setAttribute('page-size', '10');
  const radar = document.createElement('kitos-procurement-radar');
  const similar = document.createElement('kitos-similar-landscapes');
  similar.setAttribute('suggestion-limit', '8');
  const architecture = document.createElement('kitos-architecture-coverage');
  panel.replaceChildren(intro, catalogue, radar, similar, architecture);
  renderCoordinationText(document.documentElement.lang === 'en' ? 'en' : 'da');
  const organizationUuid =
    (document.getElementById('provider') as (HTMLElement & { organizationUuid?: string }) | null)?.organizationUuid ??
    '';
  const [picked, task] = await Promise.all([pickRadarSystem(client, organizationUuid), pickTask(client)]);
  if (picked) radar.setAttribute('system-uuid', picked.system);
  if (picked?.contract) radar.setAttribute('contract', picked.contract);
  if (task) similar.setAttribute('kle-uuid', task);
}

/** The tab's words in the page's language. */
export function renderCoordinationText(lang: 'da' | 'en'): void {
  const t = TEXT[lang];
  const tab = document.getElementById(`tab-${COORDINATION_TAB}`);
  if (tab) tab.textContent = t.tab;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-coordination="intro"]')) el.textContent = t.intro;
}

/**
 * Shows the coordination panel for `kind === 'coordination'` (and hides the overview's), or the
 * overview's for any other tab. Returns whether the coordination tab is the one shown.
 */
export function showCoordinationTab(kind: string, client: KitosClient | undefined): boolean {
  const panel = document.getElementById('coordination-panel');
  const overview = document.getElementById('overview-panel');
  if (!panel || !overview) return false;
  const shown = kind === COORDINATION_TAB;
  panel.hidden = !shown;
  overview.hidden = shown;
  if (shown && !made && client) void make(panel, client);
  return shown;
}
