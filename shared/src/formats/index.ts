/**
 * Interchange: one data model, many formats, each conversion a pure module (graph ↔ text). This entry holds what
 * a browser may load (exporters, the outline, schemas); the importers, which pull in the Argdown parser, are the
 * separate entry `@counterpoint/shared/importers`.
 */
export * from './types.js';
export * from './draft.js';
export * from './wrap.js';
export * from './display-graph.js';
export * from './native/schema.js';
export * from './native/export.js';
export * from './aif/export.js';
export * from './argdown/export.js';
export * from './graphml/export.js';
export * from './dot/export.js';
export * from './outline/outline.js';
export * from './outline/export.js';
export * from './export-files.js';
