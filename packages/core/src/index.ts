/**
 * `@os2kitos/core`: the OS2KITOS domain as zod schemas, pure rules, services and the storage port.
 *
 * @example
 * ```ts
 * import { addMonths, parse, IsoDateSchema } from '@os2kitos/core';
 * addMonths(parse(IsoDateSchema, '2025-01-31', 'core'), 1); // '2025-02-28'
 * ```
 *
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './storage/index.js';
