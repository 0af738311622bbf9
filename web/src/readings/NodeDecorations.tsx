import { EvaluationBadge } from '../evaluation/EvaluationBadge';
import type { NodeDecoration } from './canvas-decorations';
import './decorations.css';

/** The corner of a node card: a dot per reading it belongs to, and its in / out / undecided badge. */
export function NodeDecorations({ id, decoration }: { id: string; decoration: NodeDecoration }) {
  if (decoration.readings.length === 0 && decoration.label === null) return null;
  return (
    <div className="cp-node__decorations">
      {decoration.readings.map((r) => (
        <span key={r.id} className="cp-reading-dot" style={{ background: r.color }} title={`In the reading “${r.title}”`} data-testid="node-reading-dot" data-reading-id={r.id} />
      ))}
      {decoration.label && <EvaluationBadge id={id} label={decoration.label} />}
    </div>
  );
}
