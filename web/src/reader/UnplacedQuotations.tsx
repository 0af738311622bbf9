import { selectQuote, type Graph, type SourceDetail } from '@counterpoint/shared';
import { Link } from 'wouter';
import type { MapDocument } from '../sync/map-document';
import { useQuotations } from './useReaderQueries';

interface Props {
  groupId: string;
  mapId: string;
  source: SourceDetail;
  graph: Graph;
  doc: MapDocument;
  readOnly: boolean;
  /** The span selected in the reader, to re-anchor a quotation to. */
  selection: { start: number; end: number } | null;
}

/**
 * Quotations of this source that re-anchoring could not place. Each keeps its old words until a person selects
 * where it belongs now and re-anchors it (one node.update op); quotations on other maps link to their map.
 */
export function UnplacedQuotations({ groupId, mapId, source, graph, doc, readOnly, selection }: Props) {
  const listed = useQuotations(groupId, { sourceId: source.id, status: 'unplaced' });
  // A quotation re-anchored here a moment ago no longer counts, before the list is fetched again.
  const open = (listed.data ?? []).filter((q) => {
    if (q.mapId !== mapId) return true;
    const current = graph.nodes[q.nodeId]?.quote;
    return current?.start === q.quote.start && current.exact === q.quote.exact;
  });
  if (open.length === 0) return null;
  return (
    <section className="cp-reader__unplaced" data-testid="unplaced-quotations" aria-label="Quotations to fix">
      <h3>{open.length} quotation{open.length > 1 ? 's' : ''} could not be placed in the corrected text</h3>
      <ul>
        {open.map((q) => (
          <li key={q.nodeId}>
            <q>{q.quote.exact.length > 120 ? `${q.quote.exact.slice(0, 117)}…` : q.quote.exact}</q>
            {q.mapId === mapId ? (
              !readOnly && (
                <button
                  type="button"
                  data-testid="reanchor-to-selection"
                  disabled={!selection}
                  title={selection ? 'Anchor this quotation to the words selected below' : 'Select the words it should quote, then click'}
                  onClick={() => {
                    if (!selection) return;
                    doc.apply([{ type: 'node.update', id: q.nodeId, patch: { quote: selectQuote(source.id, source.text, selection.start, selection.end) } }]);
                    void listed.refetch();
                  }}
                >
                  Re-anchor to selection
                </button>
              )
            ) : (
              <Link href={`/maps/${q.mapId}?node=${q.nodeId}`}>on “{q.mapTitle}”</Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
