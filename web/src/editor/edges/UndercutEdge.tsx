import {
  BaseEdge,
  getBezierPath,
  Position,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import { edgeStyle } from '../edge-look';
import type { UndercutFlowEdge } from '../flow-types';

type Point = { x: number; y: number };

/** Where React Flow attaches an edge to a node's first handle of a type (mirrors its own handle geometry). */
function handlePoint(node: InternalNode, type: 'source' | 'target'): Point {
  const { x, y } = node.internals.positionAbsolute;
  const handle = node.internals.handleBounds?.[type]?.[0];
  if (!handle) {
    const width = node.measured.width ?? 0;
    return { x: x + width / 2, y: type === 'source' ? y : y + (node.measured.height ?? 0) };
  }
  const cx = x + handle.x + handle.width / 2;
  return handle.position === Position.Top ? { x: cx, y: y + handle.y } : { x: cx, y: y + handle.y + handle.height };
}

/** The middle of the edge drawn between two nodes: the point RelationEdge marks with a dot. */
function edgeMidpoint(from: InternalNode, to: InternalNode): Point {
  const start = handlePoint(from, 'source');
  const end = handlePoint(to, 'target');
  const [, x, y] = getBezierPath({
    sourceX: start.x,
    sourceY: start.y,
    sourcePosition: Position.Top,
    targetX: end.x,
    targetY: end.y,
    targetPosition: Position.Bottom,
  });
  return { x, y };
}

/** The middle of a node's side that faces a direction. */
function facingPoint(node: InternalNode, facing: Position): Point {
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  if (facing === Position.Left) return { x, y: y + height / 2 };
  if (facing === Position.Right) return { x: x + width, y: y + height / 2 };
  return { x: x + width / 2, y: facing === Position.Top ? y : y + height };
}

const centerOf = (node: InternalNode): Point => ({
  x: node.internals.positionAbsolute.x + (node.measured.width ?? 0) / 2,
  y: node.internals.positionAbsolute.y + (node.measured.height ?? 0) / 2,
});

const OPPOSITE = { [Position.Left]: Position.Right, [Position.Right]: Position.Left, [Position.Top]: Position.Bottom, [Position.Bottom]: Position.Top };

/** Which side of `from` faces `to`, by the dominant direction between them. */
function facing(from: Point, to: Point): Position {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? Position.Right : Position.Left;
  return dy >= 0 ? Position.Bottom : Position.Top;
}

/**
 * An undercut: it denies an inference, so it leaves its node on the side facing the target and runs into the
 * middle of the edge it denies (React Flow aims edges only at nodes, so this component computes that point and
 * follows both ends as they move), or into the facing side of an argument's inference node.
 */
export const UndercutEdge = memo(function UndercutEdge({ id, data, selected, markerEnd, source, target }: EdgeProps<UndercutFlowEdge>) {
  const self = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const from = useInternalNode(data?.targetEnds?.source ?? '');
  const to = useInternalNode(data?.targetEnds?.target ?? '');
  if (!self || !targetNode) return null;

  const aimAtEdge = data?.targetEnds !== undefined;
  if (aimAtEdge && (!from || !to)) return null;
  const aim = aimAtEdge ? edgeMidpoint(from!, to!) : centerOf(targetNode);
  const side = facing(centerOf(self), aim);
  const start = facingPoint(self, side);
  const end = aimAtEdge ? aim : facingPoint(targetNode, OPPOSITE[side]);
  const [path, labelX, labelY] = getBezierPath({
    sourceX: start.x,
    sourceY: start.y,
    sourcePosition: side,
    targetX: end.x,
    targetY: end.y,
    targetPosition: OPPOSITE[side],
  });
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={edgeStyle('undercuts', selected)}
      className="cp-edge cp-edge--undercuts"
      label={data?.label || undefined}
      labelX={labelX}
      labelY={labelY}
    />
  );
});
