export * from './register.read-model.js';
export * from './register.table.js';
