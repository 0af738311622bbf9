import { buildOutline, graphFromLists, outlineLabel, sourceCitation, type Graph, type OutlineItem } from '@counterpoint/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { fetchMapSnapshot } from '../api/endpoints';
import { mapKeys } from '../api/query-keys';
import { useGroupSources } from '../api/useSources';
import { ErrorMessage } from '../components/ErrorMessage';
import { exportUrl } from './api';
import './outline.css';

type Citation = Parameters<typeof sourceCitation>[0];

/**
 * `/maps/:mapId/outline`: the map as a Kialo-style outline from a chosen root (or the whole map), to read or to
 * print as a PDF (the print stylesheet leaves only the outline). Text is rendered as text, never as HTML.
 */
export function OutlinePage({ mapId }: { mapId: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const rootId = new URLSearchParams(search).get('root');
  // Its own key: the editor's snapshot query belongs to the live document.
  const snapshot = useQuery({ queryKey: [...mapKeys.detail(mapId), 'outline'], queryFn: () => fetchMapSnapshot(mapId) });
  const sources = useGroupSources(snapshot.data?.map.groupId);
  const graph = useMemo(() => (snapshot.data ? graphFromLists(snapshot.data) : null), [snapshot.data]);
  const outline = useMemo(() => (graph ? buildOutline(graph, rootId && graph.nodes[rootId] ? rootId : null) : null), [graph, rootId]);
  const citations = useMemo(() => new Map<string, Citation>((sources.data ?? []).map((s) => [s.id, s])), [sources.data]);

  if (snapshot.error) return <main className="cp-page"><ErrorMessage error={snapshot.error} prefix="Could not open this map" /></main>;
  if (!snapshot.data || !graph || !outline) return <main className="cp-page cp-muted">Loading the outline…</main>;
  const { map } = snapshot.data;

  return (
    <main className="cp-page cp-outline">
      <nav className="cp-outline__tools" aria-label="Outline tools">
        <Link href={`/maps/${mapId}`}>← Back to the map</Link>
        <label>
          Start from{' '}
          <select value={rootId ?? ''} onChange={(e) => navigate(`/maps/${mapId}/outline${e.target.value ? `?root=${e.target.value}` : ''}`)}>
            <option value="">the whole map</option>
            {rootChoices(graph).map((node) => (
              <option key={node.id} value={node.id}>
                {node.kind === 'question' ? 'Question: ' : ''}
                {node.text.length > 80 ? `${node.text.slice(0, 79)}…` : node.text || '(empty)'}
              </option>
            ))}
          </select>
        </label>
        <a href={exportUrl(mapId, 'outline', rootId)} download>
          Download Markdown
        </a>
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </nav>
      <h1>{map.title}</h1>
      {map.description && !rootId && <p className="cp-outline__description">{map.description}</p>}
      {outline.items.length === 0 && <p className="cp-muted">This map is empty.</p>}
      <div className="cp-outline__items" data-testid="outline">
        {outline.items.map((item) => (
          <Item key={item.number} item={item} citations={citations} />
        ))}
      </div>
      {outline.notes.length > 0 && (
        <section className="cp-outline__notes">
          <h2>Notes</h2>
          <ul>
            {outline.notes.map((note) => (
              <li key={note.id}>{note.text}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function Item({ item, citations }: { item: OutlineItem; citations: ReadonlyMap<string, Citation> }) {
  return (
    <div className={`cp-outline__item cp-outline__item--${item.role}`} data-depth={item.number.split('.').length}>
      <p>
        <span className="cp-outline__number">{item.number}.</span> <strong>{outlineLabel(item)}:</strong> {item.text}
        {item.seeAlso && <span className="cp-muted"> (see {item.seeAlso})</span>}
      </p>
      {item.quote && !item.seeAlso && (
        <blockquote>
          “{item.quote.exact}”<footer>— {sourceCitation(citations.get(item.quote.sourceId))}</footer>
        </blockquote>
      )}
      {item.children.map((child) => (
        <Item key={child.number} item={child} citations={citations} />
      ))}
    </div>
  );
}

/** Questions first, then claims, each in reading order. */
function rootChoices(graph: Graph) {
  const nodes = Object.values(graph.nodes).filter((n) => n.kind === 'question' || n.kind === 'claim');
  return nodes.sort((a, b) => (a.kind === b.kind ? a.y - b.y || a.x - b.x : a.kind === 'question' ? -1 : 1));
}
