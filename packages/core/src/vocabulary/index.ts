export * from './enums.js';
export * from './label.js';
export * from './terms.js';
