/**
 * KITOS matches query parameter names case-insensitively (its generated frontend client sends
 * `Page` and `PageSize`). Routes here declare exact names and refuse unknown ones, so before
 * routing, a name that differs from a declared one only in case is rewritten to the declared
 * spelling. Names no route declares are left alone and refused by the route.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

/** Every query parameter name the app's routes declare, keyed by its lower-case form. */
export function declaredQueryNames(app: OpenAPIHono<never> | OpenAPIHono<never, never>): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const shape = (d.route.request?.query as { shape?: Record<string, unknown> } | undefined)?.shape;
    for (const key of Object.keys(shape ?? {})) names.set(key.toLowerCase(), key);
  }
  return names;
}

/**
 * The request with its query names in the declared spelling, or the request itself when nothing
 * needs rewriting (the common case costs one URL parse).
 *
 * @example
 * ```ts
 * canonicalQuery(new Request('http://x/api/v2/it-systems?PageSize=10'), names).url; // …?pageSize=10
 * ```
 */
export function canonicalQuery(request: Request, names: ReadonlyMap<string, string>): Request {
  const url = new URL(request.url);
  let changed = false;
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    const declared = names.get(key.toLowerCase()) ?? key;
    if (declared !== key) changed = true;
    params.append(declared, value);
  }
  if (!changed) return request;
  url.search = params.toString();
  // A streamed body needs `duplex: 'half'` (Node's fetch), which the DOM typings do not know yet.
  const init = request.body ? { ...requestInit(request), duplex: 'half' } : requestInit(request);
  return new Request(url, init as RequestInit);
}

function requestInit(request: Request): RequestInit {
  return { method: request.method, headers: request.headers, body: request.body, signal: request.signal };
}
