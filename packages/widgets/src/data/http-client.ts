/**
 * The HTTP client: the widgets' {@link KitosClient} over an OS2KITOS server (`@os2kitos/server`),
 * with the same read models as the in-page client, the core's typed errors for problem responses,
 * and live updates from the server's change stream.
 *
 * @module
 */
import type {
  Contract,
  ContractCard,
  DataProcessingRegistration,
  DataQualitySummary,
  DeadlineListItem,
  DeleteConsequences,
  DprCard,
  Project,
  ProjectCard,
  GdprRegister,
  GdprRegisterQuery,
  IsoDate,
  ItSystemUsage,
  KitosError,
  OverviewColumn,
  OverviewKind,
  OverviewPage,
  OverviewQuery,
  OverviewRowOf,
  UnitTreeNode,
  UsageCard,
} from '@os2kitos/core';
import type {
  CatalogueFilters,
  LandscapeSuggestion,
  ArchitectureCoverage,
  LikeMine,
  NationalCataloguePage,
  Radar,
  SimilarLandscape,
  SystemUse,
} from '@os2kitos/core';
import type {
  DeadlineQuery,
  KitosCoordinationReader,
  DeliveryQuery,
  KitosChange,
  KitosClient,
  KitosFile,
  KitosRolesClient,
  KitosWritableKind,
  KitosWriteOptions,
  KitosWriter,
  ReminderList,
  ReminderQuery,
} from './client.js';
import { readEventStream } from './event-stream.js';
import { errorFromResponse } from './http-errors.js';

/** The server's prefix of our extensions (`EXTENSION_PREFIX` of `@os2kitos/server`). */
const X = '/api/v2/x-os2kitos';

/** Options of {@link createHttpClient}: a bearer token, or a cookie session. */
export type HttpClientOptions = {
  /** The server's address, e.g. `https://kitos.kommune.dk` (a path prefix is kept). */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, Node without a global fetch). */
  readonly fetch?: typeof fetch;
  /** The day validity and deadlines are computed for (default: the server's today). */
  readonly today?: IsoDate;
} & (
  | {
      /** An API token (from `POST /api/authorize/GetToken` or `os2kitos token`) or an OIDC access token. */
      readonly token: string;
      readonly credentials?: never;
    }
  | {
      readonly token?: never;
      /**
       * A cookie session: `{ email, password }` signs in (`POST /api/session`) on the first call;
       * `'session'` uses the session cookie the page already has. Writes send the session's CSRF token.
       */
      readonly credentials: { readonly email: string; readonly password: string } | 'session';
    }
);

/** Options of {@link KitosHttpClient.subscribe}. */
export interface SubscribeOptions {
  /** Called when the stream is connected (again); the argument is the feed position it starts from. */
  readonly onReady?: (position: string) => void;
  /** Called when the stream fails; it reconnects by itself unless the error is final (401, 403, 404). */
  readonly onError?: (error: KitosError | Error) => void;
}

/** Options of {@link KitosHttpClient.request}. */
export interface RequestOptions {
  /** The JSON body. */
  readonly body?: unknown;
  /** `If-Match`: the ETag of the version the change is based on (a 412 becomes a `KitosConflictError`). */
  readonly ifMatch?: string;
}

/** The server's path segment of each kind the widgets write (`/api/v2/x-os2kitos/<segment>/…`). */
const RECORD_PATHS: Readonly<Record<KitosWritableKind, string>> = {
  usages: 'it-system-usages',
  contracts: 'it-contracts',
  registrations: 'data-processing-registrations',
  projects: 'it-projects',
};

/** A {@link KitosClient} over HTTP, with the raw API and live updates. */
export interface KitosHttpClient extends KitosWriter {
  catalogue: KitosCoordinationReader['catalogue'];
  catalogueFilters: KitosCoordinationReader['catalogueFilters'];
  systemUse: KitosCoordinationReader['systemUse'];
  radar: KitosCoordinationReader['radar'];
  contractsLikeMine: KitosCoordinationReader['contractsLikeMine'];
  similarLandscapes: KitosCoordinationReader['similarLandscapes'];
  landscapeSuggestions: KitosCoordinationReader['landscapeSuggestions'];
  /** The reference architecture coverage (`GET …/coordination/organizations/{uuid}/architecture`). */
  architectureCoverage: Required<KitosClient>['architectureCoverage'];
  /** Roles across the organisation (`GET …/organizations/{uuid}/roles`). */
  roles: KitosRolesClient['roles'];
  /** What a role transfer would do (`POST …/roles/transfer-preview`). */
  previewRoleTransfer: KitosRolesClient['previewRoleTransfer'];
  /** Moves a person's roles in one transaction (`POST …/roles/transfer`). */
  transferRoles: KitosRolesClient['transferRoles'];
  /** The roles as an XLSX workbook (`GET …/organizations/{uuid}/roles/export`). */
  rolesWorkbook: NonNullable<KitosClient['rolesWorkbook']>;
  /** The relation graph (`GET …/organizations/{uuid}/relation-graph`). */
  relationGraph: NonNullable<KitosClient['relationGraph']>;
  /**
   * Any route of the server, authenticated like the rest (CSRF token included for session writes):
   * the parsed JSON body (`undefined` for 204). A problem response rejects with the core's typed error.
   */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /**
   * Live updates of one organisation: every batch of changes the user may read, until the returned
   * function is called. Reconnects after a dropped connection from the last event seen, so no change
   * is lost. Subscribers of one organisation share one connection.
   */
  subscribe(organizationUuid: string, listener: (change: KitosChange) => void, options?: SubscribeOptions): () => void;
  /** Who the client reads as (`GET /api/session`). */
  whoAmI(): Promise<{ user: { uuid: string; name: string; email: string } }>;
  /** Ends a cookie session (`DELETE /api/session`); a token client has nothing to end. */
  signOut(): Promise<void>;
}

/** A query's defined values as query-string values. */
function strings(query: object): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** The ETag of a record version (the server's format), for If-Match. */
const etag = (o: KitosWriteOptions) => (o.expectedVersion === undefined ? undefined : `"${o.expectedVersion}"`);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Longest overview query sent in the URL; longer ones are posted. */
const MAX_QUERY_IN_URL = 4000;
/** Statuses after which a stream does not reconnect: the credential or the organisation is wrong. */
const FINAL = new Set([400, 401, 403, 404]);

/**
 * Creates a {@link KitosHttpClient}.
 *
 * @example
 * ```ts
 * const client = createHttpClient({ baseUrl: 'https://kitos.kommune.dk', token: apiToken });
 * document.querySelector('kitos-provider')!.client = client;
 * const stop = client.subscribe(organizationUuid, (change) => console.log(change.changed.length));
 * ```
 */
export function createHttpClient(options: HttpClientOptions): KitosHttpClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const today = options.today;
  const session = options.credentials !== undefined;
  // Outside a browser there is no cookie jar: the session cookie is kept here and sent by hand.
  let cookie: string | undefined;
  let csrf: Promise<string | null> | undefined;

  const authHeaders = (): Record<string, string> => {
    if (options.token) return { authorization: `Bearer ${options.token}` };
    return cookie ? { cookie } : {};
  };
  const send = (
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ) =>
    doFetch(`${base}${path}`, {
      method,
      headers: { accept: 'application/json', ...authHeaders(), ...(init.headers ?? {}) },
      body: init.body,
      signal: init.signal,
      credentials: session ? 'include' : 'omit',
    });

  const signIn = async (): Promise<string | null> => {
    const creds = options.credentials;
    if (!creds) return null;
    if (creds === 'session') {
      const res = await send('GET', '/api/session');
      if (!res.ok) throw await errorFromResponse(res);
      return ((await res.json()) as { csrfToken: string | null }).csrfToken;
    }
    const res = await send('POST', '/api/session', {
      body: JSON.stringify({ email: creds.email, password: creds.password }),
      headers: { 'content-type': 'application/json' },
    });
    if (!res.ok) throw await errorFromResponse(res);
    const setCookie = res.headers.getSetCookie?.() ?? [];
    const pair = setCookie.map((c) => c.split(';')[0]).filter(Boolean);
    if (pair.length) cookie = pair.join('; ');
    return ((await res.json()) as { csrfToken: string | null }).csrfToken;
  };
  /** Signs in once; a failed sign-in is tried again on the next call. */
  const ready = (): Promise<string | null> => {
    if (!session) return Promise.resolve(null);
    csrf ??= signIn().catch((e: unknown) => {
      csrf = undefined;
      throw e;
    });
    return csrf;
  };

  /** The body text of a request, or `undefined` for 204; a refused request throws its typed error. */
  const fetchText = async (m: string, path: string, o: RequestOptions): Promise<string | undefined> => {
    const token = await ready();
    const headers: Record<string, string> = {};
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.ifMatch) headers['if-match'] = o.ifMatch;
    if (session && token && UNSAFE.has(m)) headers['x-csrf-token'] = token;
    const res = await send(m, path, { body: o.body === undefined ? undefined : JSON.stringify(o.body), headers });
    if (!res.ok) throw await errorFromResponse(res);
    return res.status === 204 ? undefined : res.text();
  };
  // Widgets on one page often ask for the same thing at once (the unit tree, a card): one request
  // answers every GET for the same path that is still on its way. Each caller parses its own copy.
  const inFlight = new Map<string, Promise<string | undefined>>();
  const request = async <T>(method: string, path: string, o: RequestOptions = {}): Promise<T> => {
    const m = method.toUpperCase();
    let text: Promise<string | undefined>;
    if (m === 'GET' && o.body === undefined && !o.ifMatch) {
      const shared = inFlight.get(path);
      if (shared) text = shared;
      else {
        text = fetchText(m, path, o).finally(() => inFlight.delete(path));
        inFlight.set(path, text);
      }
    } else text = fetchText(m, path, o);
    const body = await text;
    return (body ? JSON.parse(body) : undefined) as T;
  };
  const get = <T>(path: string, query: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    const qs = params.toString();
    return request<T>('GET', qs ? `${path}?${qs}` : path);
  };
  /** A file the server sends (a workbook), named as its Content-Disposition says, else `fallback`. */
  const download = async (
    path: string,
    query: Record<string, string | undefined>,
    fallback: string,
  ): Promise<KitosFile> => {
    await ready();
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, v);
    const res = await send('GET', `${path}?${qs}`);
    if (!res.ok) throw await errorFromResponse(res);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    return {
      fileName: name ?? fallback,
      mediaType: res.headers.get('content-type') ?? 'application/octet-stream',
      data: new Uint8Array(await res.arrayBuffer()),
    };
  };
  const id = encodeURIComponent;
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
  const registerQuery = (query: GdprRegisterQuery) => ({
    today: query.today ?? today,
    unitUuid: query.unitUuid ?? undefined,
    includeSubUnits: flag(query.includeSubUnits),
    needsAttention: flag(query.needsAttention),
    includeNoPersonalData: flag(query.includeNoPersonalData),
  });

  /** One stream per organisation, shared by every subscriber of this client (one connection per page). */
  interface Hub {
    readonly subscribers: Set<{ listener: (change: KitosChange) => void; options: SubscribeOptions }>;
    readonly abort: AbortController;
    /** The position of the last `ready`, once connected. */
    position: string | undefined;
  }
  const hubs = new Map<string, Hub>();

  const runHub = async (organizationUuid: string, hub: Hub) => {
    const { signal } = hub.abort;
    const each = (f: (s: Hub['subscribers'] extends Set<infer S> ? S : never) => void) => {
      for (const s of [...hub.subscribers]) f(s);
    };
    let lastId: string | undefined;
    let delay = 1000;
    while (!signal.aborted) {
      try {
        await ready();
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (lastId !== undefined) headers['last-event-id'] = lastId;
        const res = await send('GET', `${X}/organizations/${id(organizationUuid)}/changes/stream`, {
          headers,
          signal,
        });
        if (!res.ok || !res.body) {
          const error = await errorFromResponse(res);
          each((s) => s.options.onError?.(error));
          if (FINAL.has(res.status)) return;
        } else {
          for await (const e of readEventStream(res.body)) {
            if (e.id !== undefined) lastId = e.id;
            if (e.event === 'ready') {
              delay = 1000;
              hub.position = e.id ?? '';
              each((s) => s.options.onReady?.(hub.position ?? ''));
            } else if (e.event === 'change') {
              const change = JSON.parse(e.data) as KitosChange;
              each((s) => s.listener(change));
            }
          }
          // The server ended a healthy stream (its time limit): reconnect at once from the last event.
          if (hub.position !== undefined && !signal.aborted) {
            hub.position = undefined;
            continue;
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        each((s) => s.options.onError?.(error as Error));
      }
      if (signal.aborted) return;
      hub.position = undefined;
      // The connection dropped: try again a little later, from the last event seen.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      delay = Math.min(delay * 2, 30_000);
    }
  };

  const subscribe: KitosHttpClient['subscribe'] = (organizationUuid, listener, options = {}) => {
    let hub = hubs.get(organizationUuid);
    if (!hub) {
      const created: Hub = { subscribers: new Set(), abort: new AbortController(), position: undefined };
      hubs.set(organizationUuid, created);
      void runHub(organizationUuid, created);
      hub = created;
    }
    const subscriber = { listener, options };
    hub.subscribers.add(subscriber);
    // Joining a stream that is already connected: it is ready for this subscriber too (told after
    // subscribe returns, like every other callback).
    const position = hub.position;
    if (position !== undefined) queueMicrotask(() => options.onReady?.(position));
    const joined = hub;
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0 && hubs.get(organizationUuid) === joined) {
        hubs.delete(organizationUuid);
        joined.abort.abort();
      }
    };
  };

  return {
    columns: (kind): Promise<readonly OverviewColumn[]> => get(`${X}/overviews/${id(kind)}/columns`),
    overview: <K extends OverviewKind>(kind: K, query: OverviewQuery) => {
      const q = JSON.stringify(today === undefined || query.today !== undefined ? query : { today, ...query });
      const path = `${X}/overviews/${id(kind)}`;
      return (
        q.length <= MAX_QUERY_IN_URL ? get(path, { q }) : request('POST', path, { body: JSON.parse(q) })
      ) as Promise<OverviewPage<OverviewRowOf<K>>>;
    },
    usageCard: (uuid): Promise<UsageCard> => get(`${X}/it-system-usages/${id(uuid)}/card`, { today }),
    contractCard: (uuid): Promise<ContractCard> => get(`${X}/it-contracts/${id(uuid)}/card`, { today }),
    contractDeadlines: (query: DeadlineQuery): Promise<readonly DeadlineListItem[]> =>
      get(`${X}/organizations/${id(query.organizationUuid)}/deadlines`, {
        today: query.today ?? today,
        from: query.from,
        to: query.to,
        responsibleUnitUuid: query.responsibleUnitUuid,
        includeSubUnits: query.includeSubUnits === undefined ? undefined : String(query.includeSubUnits),
      }),
    unitTree: (organizationUuid): Promise<readonly UnitTreeNode[]> =>
      get(`${X}/organizations/${id(organizationUuid)}/unit-tree`),
    reminders: (query: ReminderQuery): Promise<ReminderList> =>
      get(`${X}/organizations/${id(query.organizationUuid)}/reminders`, {
        today: query.today ?? today,
        until: query.until,
        entityUuid: query.entityUuid,
      }),
    deliveries: (query: DeliveryQuery) =>
      get(`${X}/organizations/${id(query.organizationUuid)}/notification-deliveries`, {
        entityUuid: query.entityUuid,
        status: query.status?.length ? query.status.join(',') : undefined,
        limit: query.limit === undefined ? undefined : String(query.limit),
      }),
    usageRecord: (uuid): Promise<ItSystemUsage> => get(`${X}/it-system-usages/${id(uuid)}/record`),
    usageEditChoices: (organizationUuid) => get(`${X}/organizations/${id(organizationUuid)}/usage-edit-choices`),
    patchUsage: (uuid, patch, o = {}): Promise<ItSystemUsage> =>
      request('PATCH', `${X}/it-system-usages/${id(uuid)}/record`, { body: patch, ifMatch: etag(o) }),
    mayCreateUsage: async (organizationUuid) =>
      (await get<{ create: boolean }>('/api/v2/it-system-usages/permissions', { organizationUuid })).create,
    createUsage: (input): Promise<ItSystemUsage> =>
      request('POST', `${X}/it-system-usages`, {
        body: { organizationUuid: input.organizationUuid, systemUuid: input.systemUuid },
      }),
    deleteUsage: (uuid, o = {}) => request('DELETE', `/api/v2/it-system-usages/${id(uuid)}`, { ifMatch: etag(o) }),
    catalogue: (query): Promise<NationalCataloguePage> => get(`${X}/coordination/catalogue`, strings(query)),
    catalogueFilters: (): Promise<CatalogueFilters> => get(`${X}/coordination/catalogue/filters`),
    systemUse: (systemUuid): Promise<SystemUse> => get(`${X}/coordination/it-systems/${id(systemUuid)}/use`),
    radar: (query): Promise<Radar> => {
      const { kinds, ...rest } = query;
      return get(`${X}/coordination/radar`, {
        ...strings({ ...(today !== undefined && { from: today }), ...rest }),
        kinds: kinds?.join(','),
      });
    },
    contractsLikeMine: (contractUuid, o = {}): Promise<LikeMine[]> =>
      get(`${X}/coordination/it-contracts/${id(contractUuid)}/like-mine`, strings(o)),
    similarLandscapes: ({ organizationUuid, ...rest }): Promise<SimilarLandscape[]> =>
      get(`${X}/coordination/organizations/${id(organizationUuid)}/similar`, strings(rest)),
    landscapeSuggestions: ({ organizationUuid, ...rest }): Promise<LandscapeSuggestion[]> =>
      get(`${X}/coordination/organizations/${id(organizationUuid)}/suggestions`, strings(rest)),
    architectureCoverage: (organizationUuid): Promise<ArchitectureCoverage> =>
      get(`${X}/coordination/organizations/${id(organizationUuid)}/architecture`),
    roles: (query) =>
      get(`${X}/organizations/${id(query.organizationUuid)}/roles`, {
        userUuid: query.userUuid,
        objectKinds: query.objectKinds?.length ? query.objectKinds.join(',') : undefined,
      }),
    previewRoleTransfer: ({ organizationUuid, ...body }) =>
      request('POST', `${X}/organizations/${id(organizationUuid)}/roles/transfer-preview`, { body }),
    transferRoles: ({ organizationUuid, ...body }) =>
      request('POST', `${X}/organizations/${id(organizationUuid)}/roles/transfer`, { body }),
    relationGraph: (query) =>
      get(`${X}/organizations/${id(query.organizationUuid)}/relation-graph`, {
        unitUuid: query.unitUuid,
        includeSubUnits: query.includeSubUnits === undefined ? undefined : String(query.includeSubUnits),
        kleUuid: query.kleUuid,
        systemUuid: query.systemUuid,
        focusUsageUuid: query.focusUsageUuid,
        depth: query.depth === undefined ? undefined : String(query.depth),
      }),
    deleteConsequences: (kind: KitosWritableKind, uuid): Promise<DeleteConsequences> =>
      get(`${X}/${RECORD_PATHS[kind]}/${id(uuid)}/delete-consequences`),
    contractRecord: (uuid): Promise<Contract> => get(`${X}/it-contracts/${id(uuid)}/record`),
    contractEditChoices: (organizationUuid) => get(`${X}/organizations/${id(organizationUuid)}/contract-edit-choices`),
    patchContract: (uuid, patch, o = {}): Promise<Contract> =>
      request('PATCH', `${X}/it-contracts/${id(uuid)}/record`, { body: patch, ifMatch: etag(o) }),
    mayCreateContract: async (organizationUuid) =>
      (await get<{ create: boolean }>('/api/v2/it-contracts/permissions', { organizationUuid })).create,
    createContract: (input): Promise<Contract> =>
      request('POST', `${X}/it-contracts`, { body: { organizationUuid: input.organizationUuid, name: input.name } }),
    deleteContract: (uuid, o = {}) => request('DELETE', `/api/v2/it-contracts/${id(uuid)}`, { ifMatch: etag(o) }),
    registrationCard: (uuid): Promise<DprCard> => get(`${X}/data-processing-registrations/${id(uuid)}/card`, { today }),
    registrationRecord: (uuid): Promise<DataProcessingRegistration> =>
      get(`${X}/data-processing-registrations/${id(uuid)}/record`),
    registrationEditChoices: (organizationUuid) =>
      get(`${X}/organizations/${id(organizationUuid)}/registration-edit-choices`),
    patchRegistration: (uuid, patch, o = {}): Promise<DataProcessingRegistration> =>
      request('PATCH', `${X}/data-processing-registrations/${id(uuid)}/record`, { body: patch, ifMatch: etag(o) }),
    mayCreateRegistration: async (organizationUuid) =>
      (await get<{ create: boolean }>('/api/v2/data-processing-registrations/permissions', { organizationUuid }))
        .create,
    createRegistration: (input): Promise<DataProcessingRegistration> =>
      request('POST', `${X}/data-processing-registrations`, {
        body: { organizationUuid: input.organizationUuid, name: input.name },
      }),
    deleteRegistration: (uuid, o = {}) =>
      request('DELETE', `/api/v2/data-processing-registrations/${id(uuid)}`, { ifMatch: etag(o) }),
    // KITOS's API has no projects (its module was removed): every project route is the library's own.
    projectCard: (uuid): Promise<ProjectCard> => get(`${X}/it-projects/${id(uuid)}/card`, { today }),
    projectRecord: (uuid): Promise<Project> => get(`${X}/it-projects/${id(uuid)}/record`),
    projectEditChoices: (organizationUuid) => get(`${X}/organizations/${id(organizationUuid)}/project-edit-choices`),
    patchProject: (uuid, patch, o = {}): Promise<Project> =>
      request('PATCH', `${X}/it-projects/${id(uuid)}/record`, { body: patch, ifMatch: etag(o) }),
    mayCreateProject: async (organizationUuid) =>
      (await get<{ create: boolean }>(`${X}/it-projects/permissions`, { organizationUuid })).create,
    createProject: (input): Promise<Project> =>
      request('POST', `${X}/it-projects`, { body: { organizationUuid: input.organizationUuid, name: input.name } }),
    deleteProject: (uuid, o = {}) => request('DELETE', `${X}/it-projects/${id(uuid)}`, { ifMatch: etag(o) }),
    dataQuality: (query): Promise<DataQualitySummary> =>
      get(`${X}/organizations/${id(query.organizationUuid)}/data-quality`, {
        today: query.today ?? today,
        unitUuid: query.unitUuid ?? undefined,
        includeSubUnits: query.includeSubUnits === undefined ? undefined : String(query.includeSubUnits),
        limit: query.limit === undefined ? undefined : String(query.limit),
      }),
    gdprRegister: (query): Promise<GdprRegister> =>
      get(`${X}/organizations/${id(query.organizationUuid)}/gdpr-register`, registerQuery(query)),
    gdprRegisterWorkbook: (query, language) =>
      download(
        `${X}/organizations/${id(query.organizationUuid)}/gdpr-register/xlsx`,
        { ...registerQuery(query), language },
        'gdpr-register.xlsx',
      ),
    rolesWorkbook: (query, language) =>
      download(
        `${X}/organizations/${id(query.organizationUuid)}/roles/export`,
        {
          userUuid: query.userUuid,
          objectKinds: query.objectKinds?.length ? query.objectKinds.join(',') : undefined,
          format: 'xlsx',
          language,
        },
        language === 'da' ? 'roller.xlsx' : 'roles.xlsx',
      ),
    subscribe,
    request,
    whoAmI: () => request('GET', '/api/session'),
    signOut: async () => {
      if (!session) return;
      await request('DELETE', '/api/session');
      cookie = undefined;
      csrf = undefined;
      inFlight.clear();
    },
  };
}
