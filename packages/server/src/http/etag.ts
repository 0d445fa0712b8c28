/**
 * ETags are record versions: `"<version>"`. `If-Match` turns into the core's `expectedVersion`,
 * so a stale write is refused by the core inside the write transaction (no check-then-write gap).
 *
 * @module
 */
import { KitosValidationError, type WriteOptions } from '@os2kitos/core';

/** The ETag of a record version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Write options from an `If-Match` header: none when absent or `*`; the version when it is one of
 * our ETags (weak or strong). Anything else is a validation error, never silently ignored.
 *
 * @example
 * ```ts
 * writeOptionsFromIfMatch('"3"'); // { expectedVersion: 3 }
 * ```
 */
export function writeOptionsFromIfMatch(header: string | undefined): WriteOptions {
  if (header === undefined || header.trim() === '*') return {};
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!m)
    throw new KitosValidationError('core', [
      { path: ['If-Match'], code: 'invalid-format', message: 'If-Match must be one ETag of this API, e.g. "3"' },
    ]);
  return { expectedVersion: Number(m[1]) };
}
