/**
 * The organisation module: organisations, their unit trees, users, memberships, role assignments,
 * KLE tasks and external references, as zod schemas and pure rules.
 *
 * @module
 */
export * from './organization.schema.js';
export * from './organization.rules.js';
export * from './unit.schema.js';
export * from './unit-tree.rules.js';
export * from './unit.rules.js';
export * from './user.schema.js';
export * from './user.rules.js';
export * from './membership.schema.js';
export * from './membership.rules.js';
export * from './role-assignment.schema.js';
export * from './kle-key.js';
export * from './kle.schema.js';
export * from './kle.rules.js';
export * from './external-reference.schema.js';
export * from './unit.read-model.js';
export * from './roles.read-model.js';
