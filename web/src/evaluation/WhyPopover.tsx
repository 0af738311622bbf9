import type { ArgumentLabel } from '@counterpoint/shared';
import { useMemo } from 'react';
import { useDecorationStore } from '../readings/decorations-context';
import { useCanvasFocus } from '../readings/useCanvasFocus';
import { explainLabel } from './explain';

const HEADLINE: Record<ArgumentLabel, string> = {
  in: 'In — it stands: every attacker is out.',
  out: 'Out — it falls: attacked by something that stands.',
  undecided: 'Undecided — nothing that attacks it stands, but not every attacker is out either.',
};

/** "Why is this in / out / undecided?": the attackers that decide it, each a link to it on the canvas. */
export function WhyPopover({ id, at, onClose }: { id: string; at: { x: number; y: number }; onClose(): void }) {
  const store = useDecorationStore();
  const focus = useCanvasFocus();
  const inputs = store.inputs;
  const explanation = useMemo(() => {
    if (!inputs?.evaluation) return null;
    const scope = inputs.scopeReadingId ? inputs.graph.readings[inputs.scopeReadingId] : undefined;
    return explainLabel(inputs.graph, inputs.evaluation, id, scope ? new Set(scope.edgeIds) : undefined);
  }, [inputs, id]);
  if (!inputs || !explanation) return null;
  const { graph } = inputs;
  const scope = inputs.scopeReadingId ? graph.readings[inputs.scopeReadingId]?.title : null;

  const list = (title: string, ids: readonly string[], testId: string) =>
    ids.length === 0 ? null : (
      <div className="cp-why__group" data-testid={testId}>
        <div className="cp-why__title">{title}</div>
        <ul>
          {ids.map((attacker) => (
            <li key={attacker}>
              <button type="button" className="cp-why__node" onClick={() => focus([attacker])} title="Show it on the canvas">
                {shortText(graph.nodes[attacker]?.text || graph.nodes[attacker]?.quote?.exact || 'a node')}
              </button>
              {' '}
              <span className={`cp-eval__chip cp-eval__chip--${inputs.evaluation!.labels[attacker]}`}>{inputs.evaluation!.labels[attacker]}</span>
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <div
      className="cp-why"
      role="dialog"
      aria-label="Why this label"
      data-testid="why-popover"
      style={{ left: Math.min(at.x, window.innerWidth - 340), top: Math.min(at.y, window.innerHeight - 240) }}
    >
      <button type="button" className="cp-why__close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      <p className="cp-why__headline">{HEADLINE[explanation.label]}</p>
      {scope && <p className="cp-why__scope">Within the reading “{scope}” only.</p>}
      {list('Attacked by, and these stand (in):', explanation.defeaters, 'why-defeaters')}
      {list('Undecided attackers:', explanation.undecided, 'why-undecided')}
      {list('Attackers that are out:', explanation.defeated, 'why-defeated')}
      {list('Attacks undercut (their inference is out):', explanation.undercut, 'why-undercut')}
      {explanation.label === 'in' && explanation.defeated.length + explanation.undercut.length === 0 && (
        <p className="cp-why__none">Nothing attacks it.</p>
      )}
      <p className="cp-why__note">Supports are shown on the map but do not change labels.</p>
    </div>
  );
}

function shortText(text: string): string {
  return text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text;
}
