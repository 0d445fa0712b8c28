/**
 * The IT-system usage module: one organisation's use of one catalogue system, its GDPR fields with
 * their gates, archiving, relations, KLE deviations and validity.
 *
 * Rule violations use these stable codes: `gate-closed`, `duplicate`, `date-order`,
 * `invalid-interval`, `responsible-unit-not-using`, `unit-not-using`, `not-same-organisation`,
 * `kle-added-and-removed`, `kle-already-on-system`, `kle-not-on-system`,
 * `main-contract-not-associated`, `role-assignment-not-found`, `usage-exists`, `system-deactivated`,
 * `system-not-visible`, `relation-to-self`, `interface-not-exposed`, `multiple-master-references`.
 *
 * @example
 * ```ts
 * import { ItSystemUsageCreateSchema, parse, usageValidity } from '@os2kitos/core';
 * const input = parse(ItSystemUsageCreateSchema, { organizationUuid: org, systemUuid: system }, 'usage');
 * usageValidity(storedUsage, { today: '2025-06-01', mainContractActive: true }).valid;
 * ```
 *
 * @module
 */
export * from './usage-enums.js';
export * from './usage-general.schema.js';
export * from './usage-gdpr.schema.js';
export * from './usage-archiving.schema.js';
export * from './usage-relation.schema.js';
export * from './usage.schema.js';
export * from './usage.rules.js';
export * from './usage-gdpr.rules.js';
export * from './usage-kle.rules.js';
export * from './usage-patch.rules.js';
export * from './usage-relation.rules.js';
export * from './usage-validity.rules.js';
export type { UsagePatchShape, WithoutDefault } from './schema-helpers.js';
export * from './usage.read-model.js';
export * from './relation-graph.read-model.js';
