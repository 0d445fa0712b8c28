/**
 * Across municipalities: the sharing model (each organisation decides what the others see of its
 * usages, contracts and projects), the national catalogue with usage counts, who uses what, the
 * joint procurement radar and landscapes like mine, as pure functions over loaded facts.
 *
 * @module
 */
export * from './sharing.schema.js';
export * from './sharing.rules.js';
export * from './data.js';
export * from './viewer.js';
export * from './catalogue.rules.js';
export * from './radar.rules.js';
export * from './landscapes.rules.js';
export * from './architecture.schema.js';
export * from './architecture.rules.js';
export * from './architecture.seed.js';
export * from './reads.js';
