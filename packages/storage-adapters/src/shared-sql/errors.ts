/**
 * Driver errors the SQL adapters turn into the library's typed errors.
 *
 * @module
 */
import { KitosConflictError } from '@os2kitos/core';

/**
 * A unique index refused a write: another record already holds the value (written earlier in the
 * same transaction, or committed by another writer first). Reported as a conflict, as the memory
 * adapter reports it, so callers handle "already exists" one way on every engine.
 *
 * @example
 * ```ts
 * throw duplicateError('sqljs', driverError);
 * ```
 */
export function duplicateError(adapter: string, cause: unknown): KitosConflictError {
  const message = (cause as Error)?.message ?? String(cause);
  return new KitosConflictError('storage', `a write would store a duplicate unique value (${message})`, {
    code: 'duplicate',
    adapter,
  });
}
