export * from './columns.js';
export * from './query.js';
