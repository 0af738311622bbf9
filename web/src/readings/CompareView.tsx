import { compareReadings, type Graph } from '@counterpoint/shared';
import { useMemo } from 'react';
import { CompareSections } from './CompareSections';
import type { CompareChoice, ReadingsWorkspace } from './useReadingsWorkspace';

interface Props {
  workspace: ReadingsWorkspace;
  graph: Graph;
  choice: CompareChoice;
  onClose(): void;
}

const byTitle = <T extends { title: string }>(a: T, b: T) => a.title.localeCompare(b.title);

/**
 * Readings of one event side by side, computed live from the displayed graph by the same compareReadings the
 * server's compare route answers with.
 */
export function CompareView({ workspace, graph, choice, onClose }: Props) {
  const events = useMemo(() => Object.values(graph.events).sort(byTitle), [graph.events]);
  const candidates = useMemo(
    () => Object.values(graph.readings).filter((r) => (r.eventId ?? null) === choice.eventId).sort(byTitle),
    [graph.readings, choice.eventId],
  );
  const chosen = useMemo(() => choice.readingIds.filter((id) => graph.readings[id]), [choice.readingIds, graph.readings]);
  const comparison = useMemo(() => (chosen.length >= 2 ? compareReadings(graph, chosen) : null), [graph, chosen]);

  const pickEvent = (eventId: string | null) =>
    workspace.setCompare({ eventId, readingIds: Object.values(graph.readings).filter((r) => (r.eventId ?? null) === eventId).map((r) => r.id) });
  const toggle = (id: string) =>
    workspace.setCompare({ ...choice, readingIds: chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id] });

  return (
    <aside className="cp-readings cp-compare" aria-label="Compare readings" data-testid="compare-view">
      <header className="cp-readings__header">
        <h2 className="cp-readings__heading">Compare readings</h2>
        <button type="button" data-testid="compare-close" onClick={onClose}>
          ← Readings
        </button>
      </header>
      <div className="cp-compare__choice">
        <label>
          <span>Event</span>
          <select data-testid="compare-event" value={choice.eventId ?? ''} onChange={(e) => pickEvent(e.target.value || null)}>
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
            <option value="">Readings without an event</option>
          </select>
        </label>
        <div className="cp-compare__readings" role="group" aria-label="Readings to compare">
          {candidates.map((r) => (
            <label key={r.id} className="cp-compare__reading-choice">
              <input type="checkbox" data-testid="compare-reading-toggle" checked={chosen.includes(r.id)} onChange={() => toggle(r.id)} />
              <span className="cp-reading-dot" style={{ background: workspace.colors.get(r.id) }} />
              {r.title}
            </label>
          ))}
        </div>
      </div>
      {comparison ? (
        <CompareSections comparison={comparison} graph={graph} colors={workspace.colors} />
      ) : (
        <p className="cp-muted" data-testid="compare-empty">
          Pick two or more readings to compare.
        </p>
      )}
    </aside>
  );
}
