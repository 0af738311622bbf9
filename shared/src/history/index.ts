export * from './invert.js';
export * from './rebase-undo.js';
export * from './describe.js';
export { QUOTED_TEXT_MAX, entityName, nodeDisplayText, opTargetId, shortenText } from './names.js';
