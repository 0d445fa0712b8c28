export * from './port.js';
export { compareRecords, danishCollator, matchesFilter } from './evaluate.js';
export { createMemoryStorage, MEMORY_ADAPTER_NAME, type MemoryStorageOptions } from './memory.js';
