import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { EdgeLook } from './flow-types';

interface LookStyle {
  color: string;
  dash?: string;
  arrow: boolean;
  /** Shown in the legend. */
  description: string;
}

/** Colours and strokes per edge kind; the legend reads the same table. */
export const EDGE_LOOKS: Record<EdgeLook, LookStyle> = {
  supports: { color: '#2f9e44', arrow: true, description: 'gives a reason for' },
  attacks: { color: '#e03131', arrow: true, description: 'gives a reason against' },
  undercuts: { color: '#e8590c', dash: '6 4', arrow: true, description: 'denies that an inference holds' },
  answers: { color: '#1971c2', arrow: true, description: 'answers a question' },
  quotes: { color: '#9c36b5', dash: '2 4', arrow: true, description: 'quotation backs a claim' },
  premise: { color: '#2f9e44', arrow: false, description: 'premise of a linked argument' },
  conclusion: { color: '#2f9e44', arrow: true, description: 'conclusion of a linked argument' },
};

// One marker object per look: canvas edges rebuilt from the graph then compare equal to the ones drawn before.
const MARKERS = new Map<EdgeLook, EdgeMarker | undefined>(
  (Object.keys(EDGE_LOOKS) as EdgeLook[]).map((look) => {
    const style = EDGE_LOOKS[look];
    return [look, style.arrow ? { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 } : undefined];
  }),
);

export function edgeMarker(look: EdgeLook): EdgeMarker | undefined {
  return MARKERS.get(look);
}

export function edgeStyle(look: EdgeLook, selected: boolean | undefined) {
  const style = EDGE_LOOKS[look];
  return {
    stroke: style.color,
    strokeWidth: selected ? 3.5 : look === 'premise' || look === 'conclusion' ? 2.5 : 2,
    strokeDasharray: style.dash,
  };
}
