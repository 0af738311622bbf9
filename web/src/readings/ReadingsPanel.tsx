import type { Evaluation, Graph, GraphReading } from '@counterpoint/shared';
import { useMemo, useState } from 'react';
import type { MapDocument } from '../sync/map-document';
import { CompareView } from './CompareView';
import { EventSection } from './EventSection';
import { InlineForm } from './InlineForm';
import { newEventOp } from './reading-ops';
import { useCanvasSelection } from './useCanvasSelection';
import type { ReadingsWorkspace } from './useReadingsWorkspace';
import './readings.css';

interface Props {
  workspace: ReadingsWorkspace;
  doc: MapDocument;
  /** The displayed graph (a past version while time travelling). */
  graph: Graph;
  readOnly: boolean;
}

const byTitle = <T extends { title: string }>(a: T, b: T) => a.title.localeCompare(b.title);

/** The Readings panel: events and their readings, which claims stand, the filter — or the compare view. */
export function ReadingsPanel({ workspace, doc, graph, readOnly }: Props) {
  const selection = useCanvasSelection();
  const [creatingEvent, setCreatingEvent] = useState(false);
  const groups = useMemo(() => {
    const readings = Object.values(graph.readings).sort(byTitle);
    const of = (eventId: string | null) => readings.filter((r) => (r.eventId ?? null) === eventId);
    const events = Object.values(graph.events).sort(byTitle).map((event) => ({ event, readings: of(event.id) }));
    const loose = of(null);
    return loose.length > 0 ? [...events, { event: null, readings: loose }] : events;
  }, [graph.events, graph.readings]);

  if (workspace.compare) {
    return <CompareView workspace={workspace} graph={graph} choice={workspace.compare} onClose={() => workspace.setCompare(null)} />;
  }
  const filtered = workspace.filterId ? graph.readings[workspace.filterId] : undefined;

  return (
    <aside className="cp-readings" aria-label="Readings" data-testid="readings-panel">
      <header className="cp-readings__header">
        <h2 className="cp-readings__heading">Readings</h2>
        <button type="button" className="cp-readings__close" aria-label="Close the Readings panel" onClick={() => workspace.setPanelOpen(false)}>
          ×
        </button>
      </header>

      <div className="cp-readings__stand">
        <label>
          <span>Which claims stand, by</span>
          <select data-testid="evaluation-scope" value={workspace.scopeId ?? ''} onChange={(e) => workspace.setScope(e.target.value || null)}>
            <option value="">the whole map</option>
            {Object.values(graph.readings).sort(byTitle).map((r: GraphReading) => (
              <option key={r.id} value={r.id}>
                the reading “{r.title}” alone
              </option>
            ))}
          </select>
        </label>
        {workspace.evaluation ? <Summary evaluation={workspace.evaluation} /> : <p className="cp-muted">Labels are hidden.</p>}
      </div>

      {filtered && (
        <div className="cp-readings__filter" role="status">
          Showing only “{filtered.title}”.{' '}
          <button type="button" data-testid="reading-filter-clear" onClick={() => workspace.setFilter(null)}>
            Show all
          </button>
        </div>
      )}

      <p className="cp-readings__selection" data-testid="selection-summary">
        {selection.nodeIds.length + selection.edgeIds.length === 0
          ? 'Select claims and evidence on the canvas to make a reading of them.'
          : `Selected: ${selection.nodeIds.length} node${selection.nodeIds.length === 1 ? '' : 's'}, ${selection.edgeIds.length} edge${selection.edgeIds.length === 1 ? '' : 's'}.`}
      </p>

      <div className="cp-readings__events">
        {groups.map(({ event, readings }) => (
          <EventSection key={event?.id ?? 'none'} event={event} readings={readings} graph={graph} doc={doc} selection={selection} readOnly={readOnly} workspace={workspace} />
        ))}
        {groups.length === 0 && <p className="cp-muted">No events yet. An event is something that happened, which readings disagree about.</p>}
      </div>

      {!readOnly &&
        (creatingEvent ? (
          <InlineForm
            fields={[
              { name: 'title', label: 'Event', testId: 'event-title-input', required: true, placeholder: 'e.g. China 1925–27' },
              { name: 'period', label: 'Period', testId: 'event-period-input', maxLength: 100, placeholder: 'e.g. 1925–1927' },
              { name: 'description', label: 'Description', testId: 'event-description-input', maxLength: 5000 },
            ]}
            submitLabel="Create event"
            submitTestId="event-create-submit"
            onCancel={() => setCreatingEvent(false)}
            onSubmit={(values) => {
              setCreatingEvent(false);
              doc.apply([newEventOp({ title: values.title!, period: values.period!, description: values.description! })]);
            }}
          />
        ) : (
          <button type="button" data-testid="event-create-open" onClick={() => setCreatingEvent(true)}>
            + Event
          </button>
        ))}
    </aside>
  );
}

function Summary({ evaluation }: { evaluation: Evaluation }) {
  const counts = { in: 0, out: 0, undecided: 0 };
  for (const label of Object.values(evaluation.labels)) counts[label]++;
  return (
    <p className="cp-readings__summary" data-testid="evaluation-summary">
      <span className="cp-eval__chip cp-eval__chip--in">{counts.in} in</span> <span className="cp-eval__chip cp-eval__chip--out">{counts.out} out</span>{' '}
      <span className="cp-eval__chip cp-eval__chip--undecided">{counts.undecided} undecided</span>
    </p>
  );
}
