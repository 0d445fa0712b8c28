/**
 * One error family for `@os2kitos/core`. Every error carries a stable string `code`, the module it
 * comes from and a context object, and its message reads `[kitos] [<module>] …` so a log line says
 * where it came from without a stack trace.
 *
 * @module
 */
import type { IssueCode } from './issue-codes.js';

/** The modules an error can come from; used in the `[kitos] [<module>]` message prefix. */
export type KitosModule =
  | 'core'
  | 'organisation'
  | 'catalogue'
  | 'usage'
  | 'contract'
  | 'data-processing'
  | 'project'
  | 'coordination'
  | 'options'
  | 'access'
  | 'notification'
  | 'storage';

/** Stable codes for every error the core throws. Match on these, never on message text. */
export type KitosErrorCode = 'validation' | 'state' | 'conflict' | 'forbidden' | 'not-found' | 'rule' | 'storage';

/** What one error code means and how an HTTP API reports it. */
export interface KitosErrorClassInfo {
  /** HTTP status of a problem of this class. */
  readonly status: number;
  /** Short titles for problem details, in Danish and English. */
  readonly title: { readonly da: string; readonly en: string };
  /** When the error is raised, for the documentation. */
  readonly meaning: string;
}

/**
 * The error classes, each with its HTTP status and bilingual title. Every `KitosError` has one of
 * these codes; the specific reason is in its context (`context.code`) or, for validation errors,
 * in each issue's `code`.
 *
 * @example
 * ```ts
 * KITOS_ERROR_CLASSES['not-found'].status; // 404
 * ```
 */
export const KITOS_ERROR_CLASSES: Readonly<Record<KitosErrorCode, KitosErrorClassInfo>> = {
  validation: {
    status: 400,
    title: { da: 'Ugyldigt input', en: 'Invalid input' },
    meaning:
      'The request is malformed: a field is missing, of the wrong type, too long, unknown, or breaks a rule of its own value.',
  },
  state: {
    status: 422,
    title: { da: 'Ikke muligt i den nuværende tilstand', en: 'Not possible in the current state' },
    meaning:
      "The request is well-formed, but the record's state refuses it: a gate question is not answered Yes, a system is deactivated, a main contract does not cover the usage.",
  },
  conflict: {
    status: 409,
    title: { da: 'Konflikt', en: 'Conflict' },
    meaning:
      'The write clashes with what is stored: someone saved first (a stale version), a unique value is taken, or the record is still in use.',
  },
  forbidden: {
    status: 403,
    title: { da: 'Ingen adgang', en: 'Forbidden' },
    meaning: 'The actor may see the record but not do this to it.',
  },
  'not-found': {
    status: 404,
    title: { da: 'Findes ikke', en: 'Not found' },
    meaning: 'The record does not exist, or the actor may not know that it exists.',
  },
  rule: {
    status: 500,
    title: { da: 'Intern fejl', en: 'Internal error' },
    meaning: 'A rule function was called without the facts it needs: a programming error, not bad input.',
  },
  storage: {
    status: 500,
    title: { da: 'Lagerfejl', en: 'Storage failure' },
    meaning: 'The storage failed (a driver error, a closed store, a file that could not be saved).',
  },
};

/**
 * The HTTP status for an error: its class's status for a `KitosError`, 500 for anything else.
 *
 * @example
 * ```ts
 * httpStatusOf(new KitosNotFoundError('contract', 'gone')); // 404
 * ```
 */
export function httpStatusOf(error: unknown): number {
  return error instanceof KitosError ? KITOS_ERROR_CLASSES[error.code].status : 500;
}

/**
 * Base class of every error thrown by the library.
 *
 * @example
 * ```ts
 * try { parseContract(input); } catch (e) { if (e instanceof KitosError) console.log(e.code, e.context); }
 * ```
 */
export class KitosError extends Error {
  /** Stable machine-readable code. */
  readonly code: KitosErrorCode;
  /** Module the error comes from. */
  readonly module: KitosModule;
  /** Extra facts about the failure (ids, values), safe to log. */
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    code: KitosErrorCode,
    module: KitosModule,
    message: string,
    context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`[kitos] [${module}] ${message}`, options);
    this.name = 'KitosError';
    this.code = code;
    this.module = module;
    this.context = context;
  }
}

/** One problem found while validating input: where, what kind, and a readable explanation. */
export interface ValidationIssue {
  /** Path into the input, e.g. `['agreementPeriod', 'durationMonths']`. Empty for the whole input. */
  readonly path: readonly (string | number)[];
  /** Stable code from {@link ISSUE_CODES}, e.g. `too-small`, `invalid-date`, `gate-closed`, `duplicate`. */
  readonly code: IssueCode;
  /** Human-readable message (English). */
  readonly message: string;
}

/**
 * Input was rejected. `issues` lists every problem found, not only the first.
 *
 * @example
 * ```ts
 * const r = safeParse(ContractCreateSchema, { name: '' }, 'contract');
 * if (!r.ok) for (const i of r.error.issues) console.log(i.path.join('.'), i.code, i.message);
 * ```
 */
export class KitosValidationError extends KitosError {
  readonly issues: readonly ValidationIssue[];

  constructor(module: KitosModule, issues: readonly ValidationIssue[], context: Record<string, unknown> = {}) {
    const first = issues[0];
    const summary = first
      ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
      : 'invalid input';
    super('validation', module, `invalid input: ${summary}`, context);
    this.name = 'KitosValidationError';
    this.issues = issues;
  }
}

/** A write was based on a stale version, or violates a uniqueness/in-use rule. Nothing was changed. */
export class KitosConflictError extends KitosError {
  constructor(module: KitosModule, message: string, context: Record<string, unknown> = {}) {
    super('conflict', module, message, context);
    this.name = 'KitosConflictError';
  }
}

/**
 * The request is well-formed, but the record's current state refuses it (a gate question is not
 * answered Yes, a system is deactivated, a main contract does not cover the usage). Nothing was
 * changed. `context.code` names the rule.
 */
export class KitosStateError extends KitosError {
  constructor(module: KitosModule, message: string, context: Record<string, unknown> = {}) {
    super('state', module, message, context);
    this.name = 'KitosStateError';
  }
}

/** The actor may not do this. Nothing was changed. */
export class KitosForbiddenError extends KitosError {
  constructor(module: KitosModule, message: string, context: Record<string, unknown> = {}) {
    super('forbidden', module, message, context);
    this.name = 'KitosForbiddenError';
  }
}

/** The entity does not exist, or the actor may not know that it exists. */
export class KitosNotFoundError extends KitosError {
  constructor(module: KitosModule, message: string, context: Record<string, unknown> = {}) {
    super('not-found', module, message, context);
    this.name = 'KitosNotFoundError';
  }
}
