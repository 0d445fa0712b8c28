/**
 * Reminders ("advis"): rules, manual advis, due dates and the reminder plan.
 *
 * @module
 */
export * from './notification.schema.js';
export * from './notification.rules.js';
export * from './notification.plan.js';
