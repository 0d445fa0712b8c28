// The demo intranet page: the widgets on the in-page core, stored with sql.js in IndexedDB and
// seeded from the sample-data generator on the first visit. Everything stays in this browser.
import { bulkLoad, createKitos, toIsoDate } from '@os2kitos/core';
import { deleteSqlJsIndexedDb, openSqlJsIndexedDb } from '@os2kitos/storage-adapters/sqljs';
import { createInPageClient } from '@os2kitos/widgets';
import { generatePortfolio } from '../bench/generator/index.js';

const DB = 'os2kitos-demo';
const SETTINGS = 'os2kitos-demo';
const today = toIsoDate(new Date(), 'Europe/Copenhagen');

const TEXT = {
  da: {
    title: 'IT-porteføljen i Nordby Kommune',
    lead: 'Alle data er fiktive og ligger kun i denne browser (sql.js i IndexedDB).',
    language: 'Sprog',
    reset: 'Nulstil demodata',
    usages: 'IT-systemer',
    contracts: 'Kontrakter',
    dataProcessing: 'Databehandling',
    overview: 'Oversigt',
    loading: 'Indlæser…',
    seeding: (done: number, total: number) => `Opretter demodata: ${done} af ${total}`,
    ready: 'Klar.',
  },
  en: {
    title: 'The IT portfolio of Nordby Municipality',
    lead: 'All data is fictional and stays in this browser (sql.js in IndexedDB).',
    language: 'Language',
    reset: 'Reset demo data',
    usages: 'IT systems',
    contracts: 'Contracts',
    dataProcessing: 'Data processing',
    overview: 'Overview',
    loading: 'Loading…',
    seeding: (done: number, total: number) => `Creating demo data: ${done} of ${total}`,
    ready: 'Ready.',
  },
};
type Lang = keyof typeof TEXT;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => {
  $('status').textContent = text;
};

interface Settings {
  organizationUuid: string;
  userUuid: string;
}

async function open() {
  const storage = await openSqlJsIndexedDb(DB, { locateFile: (file) => `/node_modules/sql.js/dist/${file}` });
  let settings = JSON.parse(localStorage.getItem(SETTINGS) ?? 'null') as Settings | null;
  const empty = (await storage.changesSince(0, { kinds: ['user'], limit: 1 })).changed.length === 0;
  if (!settings || empty) {
    // First visit (or a reset): one fictional municipality from the seeded generator.
    const t0 = performance.now();
    const data = generatePortfolio({ seed: 1, scale: 1, today });
    console.info(`[demo] generated in ${Math.round(performance.now() - t0)} ms`);
    const organizationUuid = data.info.municipalityUuids[0] as string;
    const admin = data.memberships.find((m) => m.organizationUuid === organizationUuid && m.role === 'LocalAdmin');
    settings = { organizationUuid, userUuid: admin?.userUuid ?? data.info.globalAdminUuid };
    await bulkLoad(storage, data, {
      validate: false,
      onProgress: (p) => status(TEXT[lang()].seeding(p.done, p.total)),
    });
    console.info(`[demo] stored in ${Math.round(performance.now() - t0)} ms`);
    await storage.save();
    localStorage.setItem(SETTINGS, JSON.stringify(settings));
  }
  const kitos = await createKitos({ storage });
  return { kitos, settings };
}

function lang(): Lang {
  return ($('lang') as HTMLSelectElement).value === 'en' ? 'en' : 'da';
}

function applyLanguage() {
  const l = lang();
  document.documentElement.lang = l;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = TEXT[l][el.dataset.i18n as keyof (typeof TEXT)['da']];
    if (typeof value === 'string') el.textContent = value;
  }
  $('provider').setAttribute('lang', l);
}

function showTab(kind: string) {
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.kind === kind));
  }
  $('overview').setAttribute('kind', kind);
  $('overview-panel').setAttribute('aria-labelledby', `tab-${kind}`);
}

async function main() {
  status(TEXT.da.loading);
  const { kitos, settings } = await open();
  const provider = $('provider') as HTMLElement & { client: unknown; actor: unknown; organizationUuid: string };
  const actor = { userUuid: settings.userUuid };
  provider.client = createInPageClient(kitos, actor);
  provider.actor = actor;
  provider.organizationUuid = settings.organizationUuid;
  provider.hidden = false;

  $('lang').addEventListener('change', applyLanguage);
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    tab.addEventListener('click', () => showTab(tab.dataset.kind ?? 'usages'));
  }
  $('reset').addEventListener('click', async () => {
    localStorage.removeItem(SETTINGS);
    await kitos.storage.close();
    await deleteSqlJsIndexedDb(DB);
    location.reload();
  });
  // Selecting a contract (in the grid or the deadline list) shows its card; a usage shows its card.
  document.addEventListener('kitos-select', (event) => {
    const { kind, uuid } = (event as CustomEvent<{ kind: string; uuid: string }>).detail;
    if (kind !== 'contracts' && kind !== 'usages') return;
    event.preventDefault();
    const card = document.createElement(kind === 'contracts' ? 'kitos-contract-card' : 'kitos-usage-card');
    card.setAttribute('uuid', uuid);
    $('card-slot').replaceChildren(card);
  });
  status(TEXT[lang()].ready);
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  status(`Fejl: ${error instanceof Error ? error.message : String(error)}`);
  throw error;
});
