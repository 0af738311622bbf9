import { Panel } from '@xyflow/react';
import { NodeKind } from '@counterpoint/shared';
import { useState } from 'react';
import { EDGE_LOOKS } from './edge-look';
import type { EdgeLook } from './flow-types';

const LEGEND_EDGES: EdgeLook[] = ['supports', 'attacks', 'undercuts', 'answers', 'quotes', 'conclusion'];

/** What the colours mean. Collapsible, as it sits over the canvas. */
export function Legend() {
  const [open, setOpen] = useState(true);
  return (
    <Panel position="top-right" className="cp-legend" aria-label="Legend">
      <button type="button" className="cp-legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <div className="cp-legend__body">
          <ul className="cp-legend__nodes">
            {NodeKind.options.map((kind) => (
              <li key={kind}>
                <span className={`cp-legend__swatch cp-node--${kind}`} /> {kind}
              </li>
            ))}
            <li>
              <span className="cp-legend__swatch cp-legend__swatch--inference">∴</span> argument
            </li>
          </ul>
          <ul className="cp-legend__edges">
            {LEGEND_EDGES.map((look) => (
              <li key={look} title={EDGE_LOOKS[look].description}>
                <svg width="34" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="33" y2="5" stroke={EDGE_LOOKS[look].color} strokeWidth="2.5" strokeDasharray={EDGE_LOOKS[look].dash} />
                </svg>
                {look === 'conclusion' ? 'linked premises' : look}
              </li>
            ))}
          </ul>
          <p className="cp-legend__hint">Drag from a node's top dot onto another node, an edge's middle dot or a ∴ node to relate them.</p>
        </div>
      )}
    </Panel>
  );
}
