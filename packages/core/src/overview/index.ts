export * from './columns.js';
export * from './query.js';
export * from './read-context.js';
export * from './refs.js';
