/**
 * Errors as RFC 9457 problem details (`application/problem+json`): the one place that decides how
 * a failure looks on the wire. Core errors keep their class's HTTP status and bilingual title from
 * `KITOS_ERROR_CLASSES`; the server's own refusals (authentication, unknown routes, limits) use
 * the same shape.
 *
 * @module
 */
import {
  KITOS_ERROR_CLASSES,
  KitosConflictError,
  KitosError,
  type KitosErrorCode,
  KitosValidationError,
  type ValidationIssue,
} from '@os2kitos/core';
import { z } from '@hono/zod-openapi';

/** Media type of problem details. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Classes of refusals the server adds to the core's error classes. */
export type ServerProblemCode =
  | 'unauthenticated'
  | 'precondition-failed'
  | 'payload-too-large'
  | 'rate-limited'
  | 'route-not-found'
  | 'timeout'
  | 'unavailable';

const SERVER_CLASSES: Readonly<Record<ServerProblemCode, { status: number; title: { da: string; en: string } }>> = {
  unauthenticated: { status: 401, title: { da: 'Ikke logget ind', en: 'Not authenticated' } },
  'precondition-failed': {
    status: 412,
    title: { da: 'Posten er ændret af en anden', en: 'The record was changed by someone else' },
  },
  'payload-too-large': { status: 413, title: { da: 'Forespørgslen er for stor', en: 'Request body too large' } },
  'rate-limited': { status: 429, title: { da: 'For mange forespørgsler', en: 'Too many requests' } },
  'route-not-found': { status: 404, title: { da: 'Findes ikke', en: 'Not found' } },
  timeout: { status: 503, title: { da: 'Forespørgslen tog for lang tid', en: 'The request took too long' } },
  unavailable: { status: 503, title: { da: 'Tjenesten er ikke klar', en: 'Service unavailable' } },
};

/** One problem in a validation failure: where, what kind, and a readable explanation. */
export const ProblemIssueSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    code: z.string(),
    message: z.string(),
  })
  .openapi('ProblemIssue');

/** The problem details body every error response carries. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: 'URN naming the error class, e.g. `urn:os2kitos:problem:conflict`.' }),
    title: z.string().openapi({ description: 'Short English title of the error class.' }),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'What went wrong, in English.' }),
    code: z.string().openapi({ description: 'Error class: validation, state, conflict, forbidden, not-found, …' }),
    specificCode: z
      .string()
      .nullable()
      .openapi({ description: 'The specific rule (e.g. `duplicate`, `stale_version`), when the error names one.' }),
    titles: z.object({ da: z.string(), en: z.string() }).openapi({ description: 'The title in Danish and English.' }),
    issues: z.array(ProblemIssueSchema).optional(),
    instance: z.string().optional().openapi({ description: 'The request id, to find the log lines.' }),
  })
  .openapi('Problem');
/** A problem details body. */
export type Problem = z.infer<typeof ProblemSchema>;

/** True for the core's "stale version" conflict: the caller's If-Match named an older version. */
export function isVersionMismatch(error: unknown): boolean {
  return (
    error instanceof KitosConflictError &&
    typeof error.context.expectedVersion === 'number' &&
    typeof error.context.actualVersion === 'number'
  );
}

/** The message without the core's `[kitos] [module]` prefix (the code already says where). */
function plainMessage(error: Error): string {
  return error.message.replace(/^\[kitos\] \[[^\]]+\] /, '');
}

/**
 * A server-side refusal as a problem.
 *
 * @example
 * ```ts
 * serverProblem('unauthenticated', 'send a bearer token'); // status 401
 * ```
 */
export function serverProblem(
  code: ServerProblemCode,
  detail: string,
  extra: { specificCode?: string; issues?: readonly ValidationIssue[] } = {},
): Problem {
  const info = SERVER_CLASSES[code];
  return {
    type: `urn:os2kitos:problem:${code}`,
    title: info.title.en,
    status: info.status,
    detail,
    code,
    specificCode: extra.specificCode ?? null,
    titles: { ...info.title },
    ...(extra.issues ? { issues: extra.issues.map((i) => ({ ...i, path: [...i.path] })) } : {}),
  };
}

/** A validation problem listing the issues (status 400), for request parts refused before the core. */
export function validationProblem(detail: string, issues: readonly ValidationIssue[]): Problem {
  const info = KITOS_ERROR_CLASSES.validation;
  return {
    type: 'urn:os2kitos:problem:validation',
    title: info.title.en,
    status: info.status,
    detail,
    code: 'validation',
    specificCode: issues[0]?.code ?? null,
    titles: { ...info.title },
    issues: issues.map((i) => ({ ...i, path: [...i.path] })),
  };
}

/**
 * Any thrown value as a problem: a `KitosError` with its class's status, title and specific code;
 * a stale version as 412 (the request's If-Match no longer holds); anything else as a 500 that
 * reveals nothing about the failure.
 *
 * @example
 * ```ts
 * problemOf(new KitosNotFoundError('contract', 'contract x does not exist')).status; // 404
 * ```
 */
export function problemOf(error: unknown): Problem {
  if (isVersionMismatch(error)) {
    const e = error as KitosConflictError;
    return serverProblem('precondition-failed', plainMessage(e), { specificCode: 'stale_version' });
  }
  if (error instanceof KitosError) {
    const code: KitosErrorCode = error.code;
    const info = KITOS_ERROR_CLASSES[code];
    const internal = info.status >= 500;
    const specific =
      error instanceof KitosValidationError
        ? (error.issues[0]?.code ?? null)
        : typeof error.context.code === 'string'
          ? error.context.code
          : null;
    return {
      type: `urn:os2kitos:problem:${code}`,
      title: info.title.en,
      status: info.status,
      // Storage and rule failures may carry driver text: never show it to the caller.
      detail: internal ? info.title.en : plainMessage(error),
      code,
      specificCode: internal ? null : specific,
      titles: { ...info.title },
      ...(error instanceof KitosValidationError
        ? { issues: error.issues.map((i) => ({ path: [...i.path], code: i.code, message: i.message })) }
        : {}),
    };
  }
  return {
    type: 'urn:os2kitos:problem:internal',
    title: KITOS_ERROR_CLASSES.rule.title.en,
    status: 500,
    detail: 'An unexpected error occurred.',
    code: 'internal',
    specificCode: null,
    titles: { ...KITOS_ERROR_CLASSES.rule.title },
  };
}

/** A problem as a `Response`. */
export function problemResponse(problem: Problem, requestId?: string, headers: Record<string, string> = {}): Response {
  const body: Problem = requestId ? { ...problem, instance: `urn:os2kitos:request:${requestId}` } : problem;
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** Thrown by a route to answer with a problem (the app's error handler writes it). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}
