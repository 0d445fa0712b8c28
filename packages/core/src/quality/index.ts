export * from './quality.rules.js';
export * from './quality.read-model.js';
