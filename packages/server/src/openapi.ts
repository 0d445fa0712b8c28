/**
 * How routes are declared: every route through `@hono/zod-openapi` with zod schemas for its path,
 * query and body, so the OpenAPI document is generated from the same schemas that validate the
 * requests. Query objects are strict (an unknown parameter is a 400), and every route lists the
 * problem responses it can give.
 *
 * @module
 */
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Problem responses every authenticated route can give. */
export const COMMON_PROBLEMS = {
  400: problem('Invalid input: a parameter or field is missing, malformed, unknown or out of range.'),
  401: problem('Not authenticated.'),
  403: problem('Authenticated, but not allowed.'),
  404: problem('The record does not exist or is not visible to the caller.'),
  429: problem('Too many requests for this credential.'),
} as const;

/** Problem responses of writes. */
export const WRITE_PROBLEMS = {
  ...COMMON_PROBLEMS,
  409: problem('Conflict: a unique value is taken, or the record is still in use.'),
  412: problem('If-Match names an older version than the stored one.'),
  413: problem('The request body is larger than the configured limit.'),
  422: problem("The record's state refuses the change (a gate, a deactivated system, …)."),
} as const;

/** A JSON response of a schema. */
export function json<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body of a schema (required). */
export function jsonBody<S extends z.ZodType>(schema: S, description?: string) {
  return {
    body: { required: true, description, content: { 'application/json': { schema } } },
  };
}

/** The `ETag` and `Location` headers in the document. */
export const ETAG_HEADER = {
  ETag: { description: 'The record version; send it back in If-Match.', schema: { type: 'string' } },
} as const;

/** The `If-Match` request header. */
export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'ETag of the version the change is based on; 412 when it is no longer current.' }),
});

/** Security requirement shared by authenticated routes: any of the three ways. */
export const SECURED = [{ apiToken: [] }, { oidc: [] }, { session: [] }];

/**
 * A route with a strict (possibly empty) query schema and the shared security requirement.
 *
 * @example
 * ```ts
 * const r = route({ method: 'get', path: '/api/v2/it-systems/{uuid}', tags: ['it-systems'], request: { params },
 *   responses: { 200: json(ItSystemResponse, 'The system') } });
 * ```
 */
export function route<R extends RouteConfig>(config: R) {
  const request = (config.request ?? {}) as NonNullable<RouteConfig['request']>;
  return createRoute({
    security: SECURED,
    ...config,
    request: { ...request, query: request.query ?? z.strictObject({}) },
  } as R & { request: NonNullable<R['request']> });
}
