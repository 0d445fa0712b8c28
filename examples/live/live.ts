// The demo page of `npm start`: the widgets read through the HTTP client from the server that
// serves this page, signed in with a cookie session as a user of one municipality. The user switch
// signs in as a local admin of another municipality: the widgets then show only that municipality,
// and a card left open from the first one can no longer be read. Another tab signed in as the same
// municipality sees edits live.
import { KitosNotFoundError } from '@os2kitos/core';
import { createHttpClient, type KitosHttpClient } from '@os2kitos/widgets';
import { renderCoordinationText, showCoordinationTab } from './coordination-tab.js';
import './views.js';

interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly organizationUuid: string;
  readonly organization: string;
}

const TEXT = {
  da: {
    title: (org: string) => `IT-porteføljen i ${org}`,
    lead: 'Fiktive data fra OS2KITOS-serveren, læst gennem HTTP-klienten.',
    user: 'Bruger',
    language: 'Sprog',
    usages: 'IT-systemer',
    contracts: 'Kontrakter',
    dataProcessing: 'Databehandling',
    projects: 'Projekter',
    roles: 'Roller',
    relations: 'Relationer',
    quality: 'Datakvalitet',
    gdpr: 'GDPR-fortegnelse',
    overview: 'Oversigt',
    deadlines: 'Kontraktfrister',
    who: (name: string, org: string) => `Logget ind som ${name}, ${org}`,
    signingIn: (name: string) => `Logger ind som ${name}…`,
    ready: 'Klar.',
    connected: 'Live-opdateringer: forbundet',
    connecting: 'Live-opdateringer: forbinder…',
    denied: (name: string) =>
      `${name} kan ikke se det åbne kort: det hører til en anden kommune, og serveren svarer «findes ikke».`,
  },
  en: {
    title: (org: string) => `The IT portfolio of ${org}`,
    lead: 'Fictional data from the OS2KITOS server, read through the HTTP client.',
    user: 'User',
    language: 'Language',
    usages: 'IT systems',
    contracts: 'Contracts',
    dataProcessing: 'Data processing',
    projects: 'Projects',
    roles: 'Roles',
    relations: 'Relations',
    quality: 'Data quality',
    gdpr: 'GDPR register',
    overview: 'Overview',
    deadlines: 'Contract deadlines',
    who: (name: string, org: string) => `Signed in as ${name}, ${org}`,
    signingIn: (name: string) => `Signing in as ${name}…`,
    ready: 'Ready.',
    connected: 'Live updates: connected',
    connecting: 'Live updates: connecting…',
    denied: (name: string) =>
      `${name} cannot see the open card: it belongs to another municipality, and the server answers "not found".`,
  },
};
type Lang = keyof typeof TEXT;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const lang = (): Lang => (($('lang') as HTMLSelectElement).value === 'en' ? 'en' : 'da');
let users: DemoUser[] = [];
let current: { user: DemoUser; client: KitosHttpClient; stopLive: () => void } | undefined;
let connected = false;

function render() {
  const t = TEXT[lang()];
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = t[el.dataset.i18n as keyof typeof t];
    if (typeof value === 'string') el.textContent = value;
  }
  $('provider').setAttribute('lang', lang());
  if (current) {
    $('title').textContent = t.title(current.user.organization);
    $('who').textContent = t.who(current.user.name, current.user.organization);
  }
  renderCoordinationText(lang());
  $('live').dataset.state = connected ? 'connected' : 'connecting';
  $('live').textContent = connected ? t.connected : t.connecting;
}

/** Set once this browser has signed in to the demo. */
const SIGNED_IN = 'os2kitos-live-demo-signed-in';

/**
 * The demo user this browser last signed in as, whose session it may still have: a return visit
 * goes on as that user without signing in again (a password check costs the server the most). The
 * session cookie cannot be read from script: a flag set at sign-in names the user.
 */
function rememberedUser(): DemoUser | undefined {
  const email = localStorage.getItem(SIGNED_IN);
  return email ? users.find((u) => u.email === email) : undefined;
}

/** The demo users: written into the page by the server (one request less), else fetched. */
async function demoUsers(): Promise<DemoUser[]> {
  const embedded = document.getElementById('demo-users');
  if (embedded?.textContent) return JSON.parse(embedded.textContent) as DemoUser[];
  return (await (await fetch('/demo/users.json')).json()) as DemoUser[];
}

/** Signs in as `user`; `resumed` is a client on the session this browser kept (not checked here). */
async function signInAs(user: DemoUser, resumed?: KitosHttpClient) {
  const t = TEXT[lang()];
  $('status').textContent = t.signingIn(user.name);
  $('permission').textContent = '';
  if (current) {
    current.stopLive();
    await current.client.signOut();
  }
  const client =
    resumed ??
    createHttpClient({
      baseUrl: location.origin,
      credentials: { email: user.email, password: user.password },
    });
  if (!resumed) await client.whoAmI();
  localStorage.setItem(SIGNED_IN, user.email);
  connected = false;
  const stopLive = client.subscribe(user.organizationUuid, () => {}, {
    onReady: () => {
      connected = true;
      render();
    },
    onError: () => {
      connected = false;
      render();
    },
  });
  current = { user, client, stopLive };
  const provider = $('provider') as HTMLElement & { client: unknown; organizationUuid: string };
  provider.organizationUuid = user.organizationUuid;
  provider.client = client;
  provider.hidden = false;
  ($('user') as HTMLSelectElement).value = user.email;
  $('status').textContent = t.ready;
  render();
  // A tab chosen while signing in (the shared one needs the client to fill its panel) shows now.
  const selected = document.querySelector<HTMLElement>('[role=tab][data-kind][aria-selected="true"]');
  if (selected?.dataset.kind) showCoordinationTab(selected.dataset.kind, client);
}

/** Signs in as `user`, leaving the kept session that turned out to have ended without signing it out. */
async function signInAfresh(user: DemoUser) {
  current?.stopLive();
  current = undefined;
  localStorage.removeItem(SIGNED_IN);
  await signInAs(user);
}

function showTab(kind: string) {
  // Every tab, also the views' (views.ts), which have no kind: one tab is selected at a time.
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.kind === kind));
  }
  if (showCoordinationTab(kind, current?.client)) return;
  $('overview').setAttribute('kind', kind);
  $('overview-panel').setAttribute('aria-labelledby', `tab-${kind}`);
}

async function main() {
  users = await demoUsers();
  const select = $('user') as HTMLSelectElement;
  for (const u of users) select.append(new Option(`${u.name} (${u.organization})`, u.email));
  select.addEventListener('change', () => {
    const user = users.find((u) => u.email === select.value);
    if (user) void signInAs(user);
  });
  $('lang').addEventListener('change', render);
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab][data-kind]')) {
    tab.addEventListener('click', () => showTab(tab.dataset.kind ?? 'usages'));
  }
  // Selecting a usage, contract, registration or project shows its card (editable for those allowed); it stays
  // open when the user is switched. A record created from the buttons above opens the same way.
  const CARDS: Readonly<Record<string, string>> = {
    usages: 'kitos-usage-card',
    contracts: 'kitos-contract-card',
    dataProcessing: 'kitos-registration-card',
    registrations: 'kitos-registration-card',
    projects: 'kitos-project-card',
  };
  const showCard = (kind: string, uuid: string) => {
    const card = document.createElement(CARDS[kind] as string);
    card.setAttribute('uuid', uuid);
    $('card-slot').replaceChildren(card);
  };
  document.addEventListener('kitos-select', (event) => {
    const { kind, uuid } = (event as CustomEvent<{ kind: string; uuid: string }>).detail;
    if (!CARDS[kind]) return;
    event.preventDefault();
    showCard(kind, uuid);
  });
  document.addEventListener('kitos-saved', (event) => {
    const { kind, uuid, action } = (event as CustomEvent<{ kind: string; uuid: string; action: string }>).detail;
    if (action === 'create' && CARDS[kind]) showCard(kind, uuid);
  });
  // Permissions hold: a card of another municipality answers 404, shown in words.
  document.addEventListener('kitos-error', (event) => {
    const { error } = (event as CustomEvent<{ error: unknown }>).detail;
    if (error instanceof KitosNotFoundError && current)
      $('permission').textContent = TEXT[lang()].denied(current.user.name);
  });
  // The timeline shows the coming year (and what is overdue), not every deadline until 2035.
  $('deadlines').setAttribute('to', new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
  const first = users[0];
  if (!first) throw new Error('no demo users');
  const remembered = rememberedUser();
  if (remembered) {
    // The widgets start reading on the kept session at once; the session is checked alongside, and
    // when it has ended (or is another user's) the page signs in afresh.
    const client = createHttpClient({ baseUrl: location.origin, credentials: 'session' });
    await signInAs(remembered, client);
    void client.whoAmI().then(
      (me) => (me.user.email === remembered.email ? undefined : signInAfresh(first)),
      () => signInAfresh(first),
    );
  } else await signInAs(first);
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  $('status').textContent = `Fejl: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
