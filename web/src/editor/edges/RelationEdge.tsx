import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { EDGE_RULES } from '@counterpoint/shared';
import { memo } from 'react';
import { edgeStyle } from '../edge-look';
import type { EdgeLook, RelationFlowEdge } from '../flow-types';

const undercuttable = (look: EdgeLook) =>
  EDGE_RULES.undercuts.target === 'inference' && (EDGE_RULES.undercuts.toEdgeKinds as readonly string[]).includes(look);

/**
 * A relation between two nodes (or a leg of an argument). Edges that can be undercut show a dot at their middle:
 * that is where an undercut lands, and dropping a new connection there offers "undercuts".
 */
export const RelationEdge = memo(function RelationEdge(props: EdgeProps<RelationFlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const look = data?.look ?? 'supports';
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={edgeStyle(look, selected)}
        className={`cp-edge cp-edge--${look}`}
        label={data?.label || undefined}
        labelX={labelX}
        labelY={labelY}
      />
      {undercuttable(look) && <circle className="cp-edge__midpoint" cx={labelX} cy={labelY} r={4} />}
    </>
  );
}, sameDrawing);

const ENDS = new Set(['sourceX', 'sourceY', 'targetX', 'targetY']);

/**
 * Equal props, the ends allowed to differ by under a pixel: not worth redrawing the path. When React Flow draws a
 * card it measures the card's handles, which moves them by a fraction of a pixel from where they were estimated
 * (static-geometry.ts); redrawing every edge of a card that scrolls into view repainted all the screen those
 * edges cross, which on a large map was most of the cost of panning (P5 in tests/bench/RESULTS.md).
 */
export function sameDrawing(before: EdgeProps<RelationFlowEdge>, after: EdgeProps<RelationFlowEdge>): boolean {
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (ENDS.has(key) ? Math.abs((before[key] as number) - (after[key] as number)) >= 1 : before[key] !== after[key]) return false;
  }
  return Object.keys(before).length === Object.keys(after).length;
}
