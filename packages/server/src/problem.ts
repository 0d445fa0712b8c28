/**
 * Errors as RFC 9457 problem details (`application/problem+json`): the one place that decides how
 * a failure looks on the wire. Core errors keep their class's HTTP status and bilingual title from
 * `KITOS_ERROR_CLASSES`; the server's own refusals (authentication, unknown routes, limits) use
 * the same shape.
 *
 * @module
 */
import {
  ISSUE_CODES,
  isIssueCode,
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

/**
 * The server's own specific codes (authentication and transport), with their meaning in Danish and
 * English; the core's codes and meanings are in its `ISSUE_CODES` catalogue.
 */
export const SERVER_ISSUE_CODES = {
  'missing-credentials': { da: 'Log ind, eller send et adgangstoken', en: 'Sign in, or send a bearer token' },
  'malformed-authorization': {
    da: 'Authorization-headeren skal være "Bearer <token>"',
    en: 'The Authorization header must be "Bearer <token>"',
  },
  'invalid-token': {
    da: 'Tokenet er ukendt, udløbet eller tilbagekaldt',
    en: 'The token is unknown, expired or revoked',
  },
  'unknown-user': { da: 'Ingen KITOS-bruger passer til identiteten', en: 'No KITOS user matches the identity' },
  'no-api-access': { da: 'Du har ikke tilladelse til at kalde API endpoints', en: 'The user has no API access' },
  'oidc-not-configured': { da: 'OIDC-tokens modtages ikke her', en: 'OIDC tokens are not accepted here' },
  csrf: {
    da: 'En ændring med session-cookie kræver sessionens X-CSRF-Token',
    en: 'A write with the session cookie needs the session’s X-CSRF-Token',
  },
  'origin-refused': { da: 'Domænet er ikke tilladt', en: 'The origin is not allowed' },
  'bad-credentials': { da: 'Forkert e-mail eller adgangskode', en: 'Wrong e-mail or password' },
  'invalid-state': {
    da: 'Log-ind er ukendt, udløbet eller allerede brugt',
    en: 'The sign-in is unknown, expired or already used',
  },
  'provider-refused': { da: 'Identitetsudbyderen afviste log-ind', en: 'The identity provider refused the sign-in' },
  'invalid-grant': {
    da: 'Identitetsudbyderens svar kunne ikke godkendes',
    en: 'The identity provider’s answer could not be verified',
  },
} as const;
/** A specific code of the server. */
export type ServerIssueCode = keyof typeof SERVER_ISSUE_CODES;

/** The meaning of a specific code in both languages, or the fallback (the class title). */
function meaningOf(code: string | null, fallback: { da: string; en: string }): { da: string; en: string } {
  if (code && isIssueCode(code)) return { da: ISSUE_CODES[code].da, en: ISSUE_CODES[code].en };
  if (code && Object.hasOwn(SERVER_ISSUE_CODES, code)) return { ...SERVER_ISSUE_CODES[code as ServerIssueCode] };
  return { ...fallback };
}

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
    messages: z
      .object({ da: z.string(), en: z.string() })
      .openapi({ description: 'What the specific code means, in Danish and English (else the title).' }),
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
  extra: { specificCode?: ServerIssueCode | 'version-mismatch'; issues?: readonly ValidationIssue[] } = {},
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
    messages: meaningOf(extra.specificCode ?? null, info.title),
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
    messages: meaningOf(issues[0]?.code ?? null, info.title),
    issues: issues.map((i) => ({ ...i, path: [...i.path] })),
  };
}

/** A forbidden problem (403) for the server's own refusals (API access, CSRF, origins). */
export function forbiddenProblem(detail: string, specificCode: ServerIssueCode): Problem {
  const info = KITOS_ERROR_CLASSES.forbidden;
  return {
    type: 'urn:os2kitos:problem:forbidden',
    title: info.title.en,
    status: info.status,
    detail,
    code: 'forbidden',
    specificCode,
    titles: { ...info.title },
    messages: meaningOf(specificCode, info.title),
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
    return serverProblem('precondition-failed', plainMessage(e), { specificCode: 'version-mismatch' });
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
      messages: internal ? { ...info.title } : meaningOf(specific, info.title),
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
    messages: { ...KITOS_ERROR_CLASSES.rule.title },
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
