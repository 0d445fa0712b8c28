export * from './errors.js';
export * from './result.js';
export * from './dates.js';
export * from './schema.js';
export * from './enums.js';
export * from './limits.js';
export * from './issue-codes.js';
