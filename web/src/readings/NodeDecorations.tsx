import { EvaluationBadge } from '../evaluation/EvaluationBadge';
import { NodeDiscussionMarks } from '../discussion/NodeDiscussionMarks';
import type { NodeDecoration } from './canvas-decorations';
import './decorations.css';

/**
 * What node cards carry besides their text: in the corner a dot per reading the node belongs to and its
 * in / out / undecided badge; on the bottom edge the group's positions and open threads (discussion/), which
 * follow their own per-node store, so a stance change renders only the node it is on.
 */
export function NodeDecorations({ id, decoration }: { id: string; decoration: NodeDecoration }) {
  return (
    <>
      {(decoration.readings.length > 0 || decoration.label !== null) && (
        <div className="cp-node__decorations">
          {decoration.readings.map((r) => (
            <span key={r.id} className="cp-reading-dot" style={{ background: r.color }} title={`In the reading “${r.title}”`} data-testid="node-reading-dot" data-reading-id={r.id} />
          ))}
          {decoration.label && <EvaluationBadge id={id} label={decoration.label} />}
        </div>
      )}
      <NodeDiscussionMarks id={id} />
    </>
  );
}
