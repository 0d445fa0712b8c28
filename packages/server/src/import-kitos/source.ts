/**
 * Reading a running KITOS through its public API v2: a bearer token (given, or from
 * `POST api/authorize/GetToken`), pages of `pageSize` 250, retries with exponential backoff on 429
 * and 5xx answers and on network failures (honouring `Retry-After`), and a timeout per request.
 * The clock's `sleep` is injectable so tests never wait.
 *
 * @module
 */

/** KITOS's largest page (`BoundedPaginationQuery`). */
export const KITOS_PAGE_SIZE = 250;

/** How to reach a KITOS. */
export interface KitosSourceOptions {
  /** The KITOS base URL, e.g. `https://kitos.dk` (API paths are appended). */
  readonly baseUrl: string;
  /** An API token (`Authorization: Bearer …`). */
  readonly token?: string;
  /** E-mail and password of an API user, exchanged for a token with `POST api/authorize/GetToken`. */
  readonly credentials?: { readonly email: string; readonly password: string };
  /** Milliseconds one request may take (default 30,000). */
  readonly timeoutMs?: number;
  /** Retries of a request answered 429/5xx or failing on the network (default 5). */
  readonly retries?: number;
  /** First backoff in milliseconds, doubled per retry (default 500). */
  readonly backoffMs?: number;
  /** Waits between retries (default: a timer); tests pass one that records and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The `fetch` to use (default: the global one). */
  readonly fetch?: typeof globalThis.fetch;
  /** Page size (default and most {@link KITOS_PAGE_SIZE}). */
  readonly pageSize?: number;
}

/** A KITOS request that failed for good (after its retries). */
export class KitosSourceError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or `null` for a network failure or timeout. */
    readonly status: number | null,
    readonly url: string,
  ) {
    super(message);
    this.name = 'KitosSourceError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A connection to one KITOS: authenticated GETs and paging. */
export class KitosSource {
  private bearer: string | undefined;
  /** Requests sent, retries included (for the report and the tests). */
  requests = 0;
  /** Retries done. */
  retried = 0;
  private readonly doFetch: typeof globalThis.fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: KitosSourceOptions) {
    if (!options.token && !options.credentials)
      throw new KitosSourceError('a token or credentials are needed to read KITOS', null, options.baseUrl);
    this.bearer = options.token;
    this.doFetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** The page size used (at most 250). */
  get pageSize(): number {
    return Math.min(Math.max(1, this.options.pageSize ?? KITOS_PAGE_SIZE), KITOS_PAGE_SIZE);
  }

  private url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const u = new URL(path.replace(/^\//, ''), this.options.baseUrl.replace(/\/?$/, '/'));
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  /** One request with timeout and retries; the parsed JSON body. */
  private async request(method: 'GET' | 'POST', url: string, body?: unknown, auth = true): Promise<unknown> {
    const retries = this.options.retries ?? 5;
    const backoff = this.options.backoffMs ?? 500;
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 30_000);
      let response: Response | undefined;
      let failure: string;
      this.requests++;
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (auth) headers.authorization = `Bearer ${await this.token()}`;
        response = await this.doFetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
        if (response.ok) {
          const text = await response.text();
          return text ? JSON.parse(text) : null;
        }
        failure = `KITOS answered ${response.status} ${response.statusText}`.trim();
        // Only "try again later" answers are retried; a 4xx other than 429 is final.
        if (response.status !== 429 && response.status < 500) {
          const detail = (await response.text()).slice(0, 300);
          throw new KitosSourceError(
            `${failure} for ${method} ${url}${detail ? `: ${detail}` : ''}`,
            response.status,
            url,
          );
        }
        await response.body?.cancel();
      } catch (e) {
        if (e instanceof KitosSourceError) throw e;
        failure = controller.signal.aborted
          ? `no answer within ${this.options.timeoutMs ?? 30_000} ms`
          : `network failure: ${(e as Error).message}`;
      } finally {
        clearTimeout(timer);
      }
      if (attempt >= retries)
        throw new KitosSourceError(
          `${failure} for ${method} ${url} (after ${retries} retries)`,
          response?.status ?? null,
          url,
        );
      this.retried++;
      const retryAfter = Number(response?.headers.get('retry-after'));
      await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff * 2 ** attempt);
    }
  }

  /** The bearer token: the given one, or one from GetToken (fetched once). */
  async token(): Promise<string> {
    if (this.bearer) return this.bearer;
    const c = this.options.credentials as { email: string; password: string };
    const answer = (await this.request(
      'POST',
      this.url('api/authorize/GetToken'),
      { email: c.email, password: c.password },
      false,
    )) as { response?: { token?: string } } | null;
    const token = answer?.response?.token;
    if (!token)
      throw new KitosSourceError('GetToken answered without a token', null, this.url('api/authorize/GetToken'));
    this.bearer = token;
    return token;
  }

  /** One GET. */
  get<T = unknown>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    return this.request('GET', this.url(path, query)) as Promise<T>;
  }

  /** Every item of a paged list: pages of {@link pageSize} until a short page. */
  async all<T = unknown>(
    path: string,
    query: Record<string, string | number | undefined>,
    onPage?: (itemsSoFar: number) => void,
  ): Promise<T[]> {
    const out: T[] = [];
    for (let page = 0; ; page++) {
      const items = await this.get<T[]>(path, { ...query, page, pageSize: this.pageSize });
      if (!Array.isArray(items))
        throw new KitosSourceError(`KITOS answered a non-list for ${path}`, null, this.url(path, query));
      out.push(...items);
      onPage?.(out.length);
      if (items.length < this.pageSize) return out;
    }
  }
}
