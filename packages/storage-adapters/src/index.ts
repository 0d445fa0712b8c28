/**
 * `@os2kitos/storage-adapters`: storage backends for `@os2kitos/core`. Each adapter lives in its own
 * subpath export (`/sqljs`, `/sqljs/node`, `/better-sqlite3`, `/postgres`) so unused drivers never
 * load.
 *
 * @example
 * ```ts
 * import { ADAPTER_NAMES } from '@os2kitos/storage-adapters';
 * console.log(ADAPTER_NAMES); // ['sqljs', 'better-sqlite3', 'postgres']
 * ```
 *
 * @packageDocumentation
 */
import { BETTER_SQLITE_ADAPTER_NAME } from './better-sqlite3/name.js';
import { POSTGRES_ADAPTER_NAME } from './postgres/index.js';
import { SQLJS_ADAPTER_NAME } from './sqljs/index.js';

/** Names of the adapters this package ships. */
export const ADAPTER_NAMES = [SQLJS_ADAPTER_NAME, BETTER_SQLITE_ADAPTER_NAME, POSTGRES_ADAPTER_NAME] as const;
