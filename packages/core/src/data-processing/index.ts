/**
 * The data processing (GDPR) module: data processing registrations with processors,
 * sub-processors, transfers and oversight, their gates, their main contract and their validity.
 *
 * Rule violations use these stable codes: `gate-closed`, `main-contract-not-associated`,
 * `name-taken`, `duplicate`, `multiple-master-references`.
 *
 * @example
 * ```ts
 * import { DataProcessingRegistrationCreateSchema, dprValidity, parse } from '@os2kitos/core';
 * const input = parse(DataProcessingRegistrationCreateSchema, { organizationUuid: org, name: 'Løn' }, 'data-processing');
 * dprValidity(storedDpr, { mainContractActive: true }).valid;
 * ```
 *
 * @module
 */
export * from './dpr-gates.js';
export * from './dpr.schema.js';
export * from './dpr.rules.js';
export * from './dpr-patch.rules.js';
export * from './dpr.read-model.js';
