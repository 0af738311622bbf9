import { evaluateReading, type ArgumentLabel, type Comparison, type Graph, type NodeUse } from '@counterpoint/shared';
import { useMemo, type ReactNode } from 'react';
import { nodeText } from './node-text';
import { useOpenInReader } from './reader-hook';
import { useCanvasFocus } from './useCanvasFocus';

interface Props {
  comparison: Comparison;
  graph: Graph;
  colors: ReadonlyMap<string, string>;
}

const VERB: Record<NodeUse['kind'], string> = { quotes: 'quotes for', supports: 'supports', attacks: 'attacks', argument: 'is a premise for' };

/**
 * The comparison, one column per reading: evidence they share (and how each uses it), what only one holds,
 * attacks between them, and where they agree. Every item is a button that selects and frames it on the canvas;
 * evidence also opens in the source reader when the page has one.
 */
export function CompareSections({ comparison, graph, colors }: Props) {
  const focus = useCanvasFocus();
  const openInReader = useOpenInReader();
  const { readings } = comparison;
  // Each reading judged on its own: the labels its own claims get inside its own sub-framework.
  const own = useMemo(() => new Map(readings.map((r) => [r.id, evaluateReading(graph, r.id)?.labels ?? {}])), [graph, readings]);
  const columns = { gridTemplateColumns: `repeat(${readings.length}, minmax(0, 1fr))` };

  const showEvidence = (id: string) => {
    focus([id]);
    const quote = graph.nodes[id]?.quote;
    if (openInReader && quote) openInReader({ nodeId: id, quote });
  };
  const item = (nodeId: string, onClick: () => void, readingId?: string, prefix?: string) => (
    <button type="button" className="cp-compare__item" data-testid="compare-item" data-node-id={nodeId} onClick={onClick}>
      {prefix && <span className="cp-compare__verb">{prefix} </span>}
      {nodeText(graph, nodeId)}
      {readingId && <LabelChip label={own.get(readingId)?.[nodeId]} />}
    </button>
  );
  const perReading = (render: (readingId: string) => ReactNode) => (
    <div className="cp-compare__columns" style={columns}>
      {readings.map((r) => (
        <div key={r.id} className="cp-compare__cell" style={{ borderTopColor: colors.get(r.id) }}>
          {render(r.id)}
        </div>
      ))}
    </div>
  );

  return (
    <div className="cp-compare__body">
      <div className="cp-compare__columns cp-compare__heads" style={columns}>
        {readings.map((r) => (
          <div key={r.id} className="cp-compare__head" style={{ borderTopColor: colors.get(r.id) }} data-testid="compare-reading">
            <strong>{r.title}</strong>
            {r.authorName && <span className="cp-compare__author">{r.authorName}</span>}
          </div>
        ))}
      </div>

      <Section title="Evidence they both cite" count={comparison.sharedEvidence.length} testId="compare-shared-evidence">
        {comparison.sharedEvidence.map((shared) => (
          <div key={shared.evidenceId} className="cp-compare__row">
            {item(shared.evidenceId, () => showEvidence(shared.evidenceId))}
            {perReading((readingId) => (
              <ul>
                {shared.uses
                  .filter((u) => u.readingId === readingId)
                  .map((u) => (
                    <li key={`${u.viaId}:${u.targetId}`}>
                      {item(u.targetId, () => focus([shared.evidenceId, u.targetId], [u.viaId]), readingId, VERB[u.kind])}
                    </li>
                  ))}
                {!shared.readingIds.includes(readingId) && <li className="cp-muted">does not cite it</li>}
              </ul>
            ))}
          </div>
        ))}
      </Section>

      <Section title="Only in one reading" count={comparison.only.reduce((n, o) => n + o.claimIds.length + o.evidenceIds.length, 0)} testId="compare-only">
        {perReading((readingId) => {
          const only = comparison.only.find((o) => o.readingId === readingId)!;
          return (
            <ul>
              {only.claimIds.map((id) => (
                <li key={id}>{item(id, () => focus([id]), readingId)}</li>
              ))}
              {only.evidenceIds.map((id) => (
                <li key={id}>{item(id, () => showEvidence(id), readingId)}</li>
              ))}
            </ul>
          );
        })}
      </Section>

      <Section title="Attacks between them" count={comparison.crossAttacks.length} testId="compare-cross-attacks">
        <ul>
          {comparison.crossAttacks.map((attack) => {
            const target = graph.edges[attack.targetId];
            const targetNodes = attack.kind === 'undercuts' ? (target ? [target.fromId, target.toId] : []) : [attack.targetId];
            const by = readings.find((r) => r.id === attack.byReadingIds[0]);
            const against = readings.find((r) => r.id === attack.againstReadingIds[0]);
            return (
              <li key={attack.edgeId}>
                <button
                  type="button"
                  className="cp-compare__item cp-compare__attack"
                  data-testid="compare-item"
                  data-edge-id={attack.edgeId}
                  onClick={() => focus([attack.fromId, ...targetNodes], [attack.edgeId])}
                >
                  <span className="cp-reading-dot" style={{ background: colors.get(by?.id ?? '') }} /> {nodeText(graph, attack.fromId, 90)}{' '}
                  <strong className="cp-compare__verb">{attack.kind === 'undercuts' ? 'undercuts the attack/support on' : 'attacks'}</strong>{' '}
                  <span className="cp-reading-dot" style={{ background: colors.get(against?.id ?? '') }} /> {nodeText(graph, targetNodes[targetNodes.length - 1] ?? '', 90)}
                </button>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section title="Where they agree" count={comparison.agreements.length} testId="compare-agreements">
        {comparison.agreements.map((agreement) => (
          <div key={agreement.claimId} className="cp-compare__row">
            {item(agreement.claimId, () => focus([agreement.claimId]))}
            {perReading((readingId) => (
              <ul>
                {agreement.support
                  .filter((s) => s.readingId === readingId)
                  .map((s) => (
                    <li key={`${s.viaId}:${s.fromId}`}>{item(s.fromId, () => focus([s.fromId, agreement.claimId], [s.viaId]), readingId, `${s.kind === 'argument' ? 'premise' : s.kind}:`)}</li>
                  ))}
                {!agreement.supportedBy.includes(readingId) && <li className="cp-muted">{agreement.readingIds.includes(readingId) ? 'holds it, gives no support' : 'does not hold it'}</li>}
              </ul>
            ))}
          </div>
        ))}
      </Section>
    </div>
  );
}

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section className="cp-compare__section" data-testid={testId}>
      <h3 className="cp-compare__title">
        {title} <span className="cp-muted">({count})</span>
      </h3>
      {count === 0 ? <p className="cp-muted">None.</p> : children}
    </section>
  );
}

function LabelChip({ label }: { label: ArgumentLabel | undefined }) {
  if (!label) return null;
  return <span className={`cp-eval__chip cp-eval__chip--${label}`} title="Its label within this reading on its own">{label}</span>;
}
