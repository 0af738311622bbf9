import type { Graph, SearchHit } from '@counterpoint/shared';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useGroupSources, useSource } from '../api/useSources';
import { ErrorMessage } from '../components/ErrorMessage';
import { useCanvasFocus } from '../readings/useCanvasFocus';
import { SearchBox } from '../search/SearchBox';
import type { MapDocument } from '../sync/map-document';
import { ImportSourceForm } from './ImportSourceForm';
import { SourceReader } from './SourceReader';
import type { ReaderWorkspace } from './useReaderWorkspace';
import './reader.css';

interface Props {
  reader: ReaderWorkspace;
  groupId: string;
  mapId: string;
  graph: Graph;
  doc: MapDocument;
  readOnly: boolean;
}

/** The panel beside the canvas: search, the group's sources (import one, pick one) and the source reader. */
export function ReaderPanel({ reader, groupId, mapId, graph, doc, readOnly }: Props) {
  const sources = useGroupSources(groupId);
  const source = useSource(reader.sourceId ?? undefined);
  const [importing, setImporting] = useState(false);
  const focus = useCanvasFocus();
  const [, navigate] = useLocation();

  const pick = (hit: SearchHit) => {
    if (hit.type === 'passage') reader.show(hit.sourceId, { start: hit.start, end: hit.end });
    else if (hit.mapId === mapId) focus([hit.nodeId]);
    else navigate(`/maps/${hit.mapId}?node=${hit.nodeId}`);
  };

  return (
    <aside className="cp-reader" data-testid="reader-panel" aria-label="Sources">
      <div className="cp-reader__top">
        <SearchBox groupId={groupId} onPick={pick} />
        <button type="button" className="cp-reader__close" aria-label="Close the sources panel" onClick={() => reader.setOpen(false)}>
          ×
        </button>
      </div>
      <div className="cp-reader__source-bar">
        <select
          data-testid="reader-source-select"
          aria-label="Source"
          value={reader.sourceId ?? ''}
          onChange={(e) => reader.setSourceId(e.target.value || null)}
        >
          <option value="">Choose a source…</option>
          {sources.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button type="button" data-testid="import-source-open" onClick={() => setImporting((v) => !v)}>
            Import…
          </button>
        )}
      </div>
      {sources.error && <ErrorMessage error={sources.error} prefix="Could not load the sources" />}
      {importing && (
        <ImportSourceForm
          groupId={groupId}
          onCancel={() => setImporting(false)}
          onDone={(created) => {
            setImporting(false);
            reader.setSourceId(created.id);
          }}
        />
      )}
      {source.error && <ErrorMessage error={source.error} prefix="Could not open the source" />}
      {reader.sourceId && source.isPending && <p className="cp-muted">Loading the source…</p>}
      {source.data && !importing && (
        <SourceReader
          key={source.data.id}
          groupId={groupId}
          mapId={mapId}
          source={source.data}
          graph={graph}
          doc={doc}
          readOnly={readOnly}
          target={reader.target?.sourceId === source.data.id ? reader.target : null}
        />
      )}
      {!reader.sourceId && !importing && <p className="cp-muted cp-reader__hint">Pick a source to read it beside the map, or click an evidence node to open its quotation.</p>}
    </aside>
  );
}
