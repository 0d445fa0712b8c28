/**
 * Test support for storage adapters: connections for tests, and (with the core services) the
 * conformance suite every adapter must pass.
 *
 * @example
 * ```ts
 * import { openTestPostgres } from '@os2kitos/storage-adapters/testing';
 * const pg = await openTestPostgres(); // KITOS_PG_URL, or PGlite
 * ```
 *
 * @module
 */
export { openTestPostgres, type TestPostgres } from './postgres.js';
export * from './conformance/index.js';
