/**
 * The memory adapter (the reference implementation, defined in `@os2kitos/core`), re-exported so
 * every adapter is reachable the same way.
 *
 * @example
 * ```ts
 * import { createMemoryStorage } from '@os2kitos/storage-adapters/memory';
 * const storage = createMemoryStorage();
 * ```
 *
 * @module
 */
export { createMemoryStorage, MEMORY_ADAPTER_NAME, type MemoryStorageOptions } from '@os2kitos/core';
