export * from './register.read-model.js';
