export * from './port.js';
export { compareRecords, danishCollator, matchesFilter } from './evaluate.js';
export { createMemoryStorage, MEMORY_ADAPTER_NAME, type MemoryStorageOptions } from './memory.js';
export {
  assertValidChanges,
  assertValidGet,
  assertValidLockKeys,
  assertValidQuery,
  type KindFieldTypes,
  MAX_FILTER_DEPTH,
  MAX_FILTER_VALUES,
  uniqueKey,
} from './validate.js';
export { assertValidGroupBy, countGroupsOfRecords, groupCount } from './aggregate.js';
