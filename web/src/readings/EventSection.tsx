import type { Graph, GraphEvent, GraphReading } from '@counterpoint/shared';
import { useState } from 'react';
import type { MapDocument } from '../sync/map-document';
import { InlineForm } from './InlineForm';
import { newReadingOp, type Selection } from './reading-ops';
import { ReadingItem } from './ReadingItem';
import type { ReadingsWorkspace } from './useReadingsWorkspace';

interface Props {
  /** Null for the readings that belong to no event. */
  event: GraphEvent | null;
  readings: readonly GraphReading[];
  graph: Graph;
  doc: MapDocument;
  selection: Selection;
  readOnly: boolean;
  workspace: ReadingsWorkspace;
}

/** An event, its readings, and the ways to add one, compare them, rename or delete the event. */
export function EventSection({ event, readings, graph, doc, selection, readOnly, workspace }: Props) {
  const [form, setForm] = useState<'reading' | 'rename' | null>(null);
  const selected = selection.nodeIds.filter((id) => ['claim', 'evidence'].includes(graph.nodes[id]?.kind ?? '')).length;

  return (
    <section className="cp-event" data-testid="event-item" data-event-id={event?.id ?? ''} aria-label={event?.title ?? 'Readings without an event'}>
      {form === 'rename' && event ? (
        <InlineForm
          fields={[
            { name: 'title', label: 'Event', testId: 'event-title-input', initial: event.title, required: true },
            { name: 'period', label: 'Period', testId: 'event-period-input', initial: event.period, maxLength: 100 },
            { name: 'description', label: 'Description', testId: 'event-description-input', initial: event.description, maxLength: 5000 },
          ]}
          submitLabel="Save"
          submitTestId="event-rename-submit"
          onCancel={() => setForm(null)}
          onSubmit={(values) => {
            setForm(null);
            doc.apply([{ type: 'event.update', id: event.id, patch: { title: values.title!, period: values.period!, description: values.description! } }]);
          }}
        />
      ) : (
        <header className="cp-event__head">
          <h3 className="cp-event__title">{event?.title ?? 'Readings without an event'}</h3>
          {event?.period && <span className="cp-event__period">{event.period}</span>}
          {event?.description && <p className="cp-event__description">{event.description}</p>}
        </header>
      )}
      <ul className="cp-event__readings">
        {readings.map((reading) => (
          <ReadingItem key={reading.id} reading={reading} graph={graph} doc={doc} selection={selection} readOnly={readOnly} workspace={workspace} />
        ))}
        {readings.length === 0 && <li className="cp-muted">No readings yet.</li>}
      </ul>
      {form === 'reading' && (
        <InlineForm
          fields={[
            { name: 'title', label: 'Reading', testId: 'reading-title-input', required: true, placeholder: 'e.g. It was Trotsky’s line too' },
            { name: 'authorName', label: 'Held by', testId: 'reading-author-input', placeholder: 'a member, or a source’s author' },
          ]}
          submitLabel={`Create from ${selected} selected`}
          submitTestId="reading-create-submit"
          onCancel={() => setForm(null)}
          onSubmit={(values) => {
            setForm(null);
            const op = newReadingOp(graph, { eventId: event?.id ?? null, title: values.title!, authorName: values.authorName!, description: '' }, selection);
            doc.apply([op]);
          }}
        />
      )}
      <div className="cp-event__actions">
        {readings.length >= 2 && (
          <button type="button" data-testid="compare-open" onClick={() => workspace.setCompare({ eventId: event?.id ?? null, readingIds: readings.map((r) => r.id) })}>
            Compare…
          </button>
        )}
        {!readOnly && form === null && (
          <>
            <button type="button" data-testid="reading-create-open" onClick={() => setForm('reading')} title="A new reading of the claims and evidence selected on the canvas">
              + Reading from selection
            </button>
            {event && (
              <>
                <button type="button" data-testid="event-rename" onClick={() => setForm('rename')}>
                  Edit event
                </button>
                <button type="button" className="cp-button--danger-quiet" data-testid="event-delete" onClick={() => doc.apply([{ type: 'event.delete', id: event.id }])} title="Delete the event; its readings stay, without an event">
                  Delete event
                </button>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
