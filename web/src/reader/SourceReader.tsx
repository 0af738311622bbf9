import type { Graph, SourceDetail, SourceRevisionResult } from '@counterpoint/shared';
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { useCanvasFocus } from '../readings/useCanvasFocus';
import { useCanvasSelection } from '../readings/useCanvasSelection';
import type { MapDocument } from '../sync/map-document';
import { EditSourceText, ReanchorReport } from './EditSourceText';
import { highlightsFor } from './highlights';
import { PassageList } from './PassageList';
import { QuoteBar } from './QuoteBar';
import { quoteEvidenceOps } from './quote-ops';
import { useReaderSelection } from './text-selection';
import { UnplacedQuotations } from './UnplacedQuotations';
import type { ReaderTarget } from './useReaderWorkspace';

interface Props {
  groupId: string;
  mapId: string;
  source: SourceDetail;
  graph: Graph;
  doc: MapDocument;
  readOnly: boolean;
  target: ReaderTarget | null;
}

/** One source in the reader: its passages with the map's quotations highlighted, quoting, and text corrections. */
export function SourceReader({ groupId, mapId, source, graph, doc, readOnly, target }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selection = useReaderSelection(scrollRef, source.text);
  const canvasSelection = useCanvasSelection();
  const focus = useCanvasFocus();
  const flow = useReactFlow();
  const [editing, setEditing] = useState(false);
  const [report, setReport] = useState<SourceRevisionResult['report'] | null>(null);
  const [quoted, setQuoted] = useState<ReaderTarget | null>(null);
  const highlights = useMemo(() => highlightsFor(graph, source.id, source.text), [graph, source.id, source.text]);

  const only = canvasSelection.nodeIds.length === 1 ? canvasSelection.nodeIds[0]! : null;
  const claimId = only && graph.nodes[only]?.kind === 'claim' ? only : null;

  const quote = () => {
    if (!selection) return;
    const canvas = document.querySelector('.cp-canvas')?.getBoundingClientRect();
    const center = flow.screenToFlowPosition({ x: canvas ? canvas.left + canvas.width / 2 : 300, y: canvas ? canvas.top + canvas.height / 2 : 300 });
    const built = quoteEvidenceOps(graph, source, selection, claimId, { x: center.x - 110, y: center.y - 40 });
    if (!built || doc.apply(built.ops)) return;
    window.getSelection()?.removeAllRanges();
    setQuoted({ sourceId: source.id, ...selection, nodeId: built.evidenceId, seq: Date.now() });
  };

  return (
    <>
      <div className="cp-reader__meta">
        <span>
          {[source.author, source.date, source.kind.replace('_', ' ')].filter(Boolean).join(' · ')} · revision {source.revision} ·{' '}
          {source.passages.length} passages
        </span>
        {!readOnly && !editing && (
          <button type="button" data-testid="edit-source-text" onClick={() => setEditing(true)}>
            Correct text
          </button>
        )}
      </div>
      {report && <ReanchorReport report={report} onDismiss={() => setReport(null)} />}
      {editing ? (
        <EditSourceText
          source={source}
          onClose={(result) => {
            setEditing(false);
            setReport(result);
          }}
        />
      ) : (
        <>
          <UnplacedQuotations groupId={groupId} mapId={mapId} source={source} graph={graph} doc={doc} readOnly={readOnly} selection={selection} />
          <PassageList
            source={source}
            highlights={highlights}
            target={quoted && (!target || quoted.seq > target.seq) ? quoted : target}
            scrollRef={scrollRef}
            onHighlightClick={(nodeIds) => focus(nodeIds)}
          />
          <QuoteBar graph={graph} selection={selection} claimId={claimId} readOnly={readOnly} onQuote={quote} />
        </>
      )}
    </>
  );
}
