export * from './actor.js';
export * from './policy.js';
