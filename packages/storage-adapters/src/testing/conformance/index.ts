export { type ConcurrencyOptions, concurrencyTests } from './concurrency.js';
export {
  CONFORMANCE_KIND,
  CONFORMANCE_SCHEMA,
  type ConformanceOptions,
  type Item as ConformanceItem,
  runStorageConformance,
  seedItems,
  type TestApi,
} from './suite.js';
