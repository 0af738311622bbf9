import type { EdgeTypes } from '@xyflow/react';
import { RelationEdge } from './edges/RelationEdge';
import { UndercutEdge } from './edges/UndercutEdge';

/** Defined once at module level, like nodeTypes. */
export const edgeTypes = {
  relation: RelationEdge,
  undercut: UndercutEdge,
} satisfies EdgeTypes;
