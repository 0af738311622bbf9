export * from './grounded.js';
export * from './framework.js';
export * from './schema.js';
export * from './evaluate.js';
export * from './same-input.js';
