/**
 * The contract module: IT contracts with their economy streams, KITOS's validity rule, parent and
 * same-organisation link checks, overview columns, and the deadline engine (expiry, notice,
 * extension and tender dates).
 *
 * @module
 */
export * from './economy.schema.js';
export * from './contract.schema.js';
export * from './contract.rules.js';
export * from './notice-period.rules.js';
export * from './contract-links.rules.js';
export * from './contract-overview.rules.js';
export * from './terms.rules.js';
export * from './notice.rules.js';
export * from './deadlines.rules.js';
export * from './contract.read-model.js';
