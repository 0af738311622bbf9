import type { Graph, GraphReading } from '@counterpoint/shared';
import { useState } from 'react';
import type { MapDocument } from '../sync/map-document';
import { InlineForm } from './InlineForm';
import { excludeSelectionOp, includeSelectionOp, type Selection } from './reading-ops';
import { useCanvasFocus } from './useCanvasFocus';
import type { ReadingsWorkspace } from './useReadingsWorkspace';

interface Props {
  reading: GraphReading;
  graph: Graph;
  doc: MapDocument;
  selection: Selection;
  readOnly: boolean;
  workspace: ReadingsWorkspace;
}

/** One reading in the panel: its colour, title and holder, and what can be done with it. */
export function ReadingItem({ reading, graph, doc, selection, readOnly, workspace }: Props) {
  const [renaming, setRenaming] = useState(false);
  const focus = useCanvasFocus();
  const color = workspace.colors.get(reading.id);
  const filtered = workspace.filterId === reading.id;
  const scoped = workspace.scopeId === reading.id;
  const hasSelection = selection.nodeIds.length + selection.edgeIds.length > 0;

  const include = () => {
    const op = includeSelectionOp(graph, reading, selection);
    if (op) doc.apply([op]);
    else doc.showNotice('Nothing to add: the selected claims and evidence are already in this reading.');
  };
  const exclude = () => {
    const op = excludeSelectionOp(graph, reading, selection);
    if (op) doc.apply([op]);
    else doc.showNotice('Nothing to remove: none of the selection is in this reading.');
  };

  if (renaming) {
    return (
      <li className="cp-reading" data-testid="reading-item" data-reading-id={reading.id}>
        <InlineForm
          fields={[
            { name: 'title', label: 'Title', testId: 'reading-title-input', initial: reading.title, required: true },
            { name: 'authorName', label: 'Held by', testId: 'reading-author-input', initial: reading.authorName },
          ]}
          submitLabel="Save"
          submitTestId="reading-rename-submit"
          onCancel={() => setRenaming(false)}
          onSubmit={(values) => {
            setRenaming(false);
            const patch = { title: values.title!, authorName: values.authorName! };
            if (patch.title !== reading.title || patch.authorName !== reading.authorName) doc.apply([{ type: 'reading.update', id: reading.id, patch }]);
          }}
        />
      </li>
    );
  }

  return (
    <li className={`cp-reading${filtered ? ' is-filtered' : ''}`} data-testid="reading-item" data-reading-id={reading.id}>
      <div className="cp-reading__head">
        <span className="cp-reading-dot cp-reading-dot--large" style={{ background: color }} data-testid="reading-color" />
        <button type="button" className="cp-reading__title" title="Select its nodes on the canvas" onClick={() => focus(reading.nodeIds, reading.edgeIds)}>
          {reading.title}
        </button>
      </div>
      {reading.authorName && <div className="cp-reading__author">{reading.authorName}</div>}
      <div className="cp-reading__counts" data-testid="reading-counts">
        {reading.nodeIds.length} node{reading.nodeIds.length === 1 ? '' : 's'} · {reading.edgeIds.length} edge{reading.edgeIds.length === 1 ? '' : 's'}
      </div>
      <div className="cp-reading__actions">
        <button type="button" data-testid="reading-filter" aria-pressed={filtered} onClick={() => workspace.setFilter(filtered ? null : reading.id)} title="Dim everything outside this reading">
          {filtered ? 'Show all' : 'Show only'}
        </button>
        <button type="button" data-testid="reading-scope" aria-pressed={scoped} onClick={() => workspace.setScope(scoped ? null : reading.id)} title="Label the canvas by this reading on its own: only its nodes and edges count">
          {scoped ? 'Evaluate whole map' : 'Evaluate alone'}
        </button>
        {!readOnly && (
          <>
            <button type="button" data-testid="reading-add-selection" disabled={!hasSelection} onClick={include} title="Add the selected claims and evidence (and the edges joining them)">
              + Selection
            </button>
            <button type="button" data-testid="reading-remove-selection" disabled={!hasSelection} onClick={exclude} title="Take the selected nodes and edges out of this reading">
              − Selection
            </button>
            <button type="button" data-testid="reading-rename" onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button type="button" className="cp-button--danger-quiet" data-testid="reading-delete" onClick={() => doc.apply([{ type: 'reading.delete', id: reading.id }])}>
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}
