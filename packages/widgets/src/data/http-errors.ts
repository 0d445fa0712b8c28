/**
 * Problem details (`application/problem+json`) from the server as the core's typed errors, so code
 * that catches `KitosNotFoundError` or reads a validation error's `issues` works the same in the page
 * and over HTTP.
 *
 * @module
 */
import {
  KitosConflictError,
  KitosError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosStateError,
  KitosValidationError,
  type ValidationIssue,
} from '@os2kitos/core';

/** The fields of a problem body the client reads (the server's `Problem` schema). */
export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly specificCode?: string | null;
  readonly messages?: { readonly da: string; readonly en: string };
  readonly issues?: readonly ValidationIssue[];
  readonly instance?: string;
}

/**
 * The typed error for a problem response. The error class follows the problem's `code` (the core's
 * error classes; the server's `precondition-failed` is a conflict, `unauthenticated` and
 * `route-not-found` are forbidden and not found); `context.code` is the specific code from the error
 * catalogue (`duplicate`, `csrf`, `invalid-token`, …), `context.status` the HTTP status and
 * `context.messages` the Danish and English message. Anything else (rate limits, timeouts, server
 * failures) is a plain `KitosError` with code `storage`.
 *
 * @example
 * ```ts
 * const error = errorFromProblem(404, { code: 'not-found', detail: 'contract x does not exist' });
 * error instanceof KitosNotFoundError; // true
 * ```
 */
export function errorFromProblem(status: number, problem: ProblemBody): KitosError {
  const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
  const context: Record<string, unknown> = {
    status,
    problem: problem.code ?? null,
    ...(problem.specificCode ? { code: problem.specificCode } : {}),
    ...(problem.messages ? { messages: problem.messages } : {}),
    ...(problem.instance ? { instance: problem.instance } : {}),
  };
  switch (problem.code) {
    case 'validation':
      return new KitosValidationError(
        'core',
        problem.issues?.length
          ? problem.issues
          : [{ path: [], code: 'invalid-format', message: detail } satisfies ValidationIssue],
        context,
      );
    case 'state':
      return new KitosStateError('core', detail, context);
    case 'conflict':
    case 'precondition-failed':
      return new KitosConflictError('core', detail, context);
    case 'forbidden':
    case 'unauthenticated':
      return new KitosForbiddenError('core', detail, context);
    case 'not-found':
    case 'route-not-found':
      return new KitosNotFoundError('core', detail, context);
    default:
      return new KitosError('storage', 'core', detail, context);
  }
}

/** The typed error of a failed response: its problem body when it has one, else the status alone. */
export async function errorFromResponse(res: Response): Promise<KitosError> {
  let body: ProblemBody = {};
  try {
    const parsed: unknown = JSON.parse(await res.text());
    if (parsed && typeof parsed === 'object') body = parsed as ProblemBody;
  } catch {
    // Not JSON (a proxy's error page): the status decides the class below.
  }
  if (!body.code) {
    const byStatus: Record<number, string> = {
      400: 'validation',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not-found',
      409: 'conflict',
      412: 'precondition-failed',
      422: 'state',
    };
    body = {
      ...body,
      code: byStatus[res.status] ?? 'unavailable',
      detail: body.detail ?? `HTTP ${res.status} ${res.statusText}`.trim(),
    };
  }
  return errorFromProblem(res.status, body);
}
