/**
 * One error family for `@os2kitos/core`. Every error carries a stable string `code`, the module it
 * comes from and a context object, and its message reads `[kitos] [<module>] …` so a log line says
 * where it came from without a stack trace.
 *
 * @module
 */

/** The modules an error can come from; used in the `[kitos] [<module>]` message prefix. */
export type KitosModule =
  | 'core'
  | 'organisation'
  | 'catalogue'
  | 'usage'
  | 'contract'
  | 'data-processing'
  | 'project'
  | 'options'
  | 'access'
  | 'storage';

/** Stable codes for every error the core throws. Match on these, never on message text. */
export type KitosErrorCode = 'validation' | 'conflict' | 'forbidden' | 'not-found' | 'rule' | 'storage';

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
  /** Stable code, e.g. `too_small`, `invalid_date`, `gate_closed`, `duplicate`. */
  readonly code: string;
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
