export * from './schema.js';
export * from './compare.js';
export * from './members.js';
