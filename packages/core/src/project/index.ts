/**
 * Projects: acquisition and phase-out projects with five phases, a computed traffic light,
 * milestones, risks, goals, a budget per year, links inside the organisation, and joint projects
 * that partner organisations may read.
 *
 * @module
 */
export * from './project.schema.js';
export * from './project-defaults.js';
export * from './project-phase.rules.js';
export * from './project-status.rules.js';
export * from './project-economy.rules.js';
export * from './project-links.rules.js';
export * from './project.read-model.js';
