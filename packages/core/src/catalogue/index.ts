/**
 * The catalogue module: the shared, national catalogue of IT systems and interfaces, as zod
 * schemas and pure rules.
 *
 * @module
 */
export * from './catalogue-name.js';
export * from './it-system.schema.js';
export * from './it-system.rules.js';
export * from './it-interface.schema.js';
export * from './it-interface.rules.js';
export * from './it-system.read-model.js';
