import type { SearchHit } from '@counterpoint/shared';
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useGroupSearch } from '../reader/useReaderQueries';
import './search.css';

const KIND_LABEL: Record<string, string> = { comment: 'comment', footnote: 'footnote', heading: 'heading', quote: 'quotation', list_item: 'list item', paragraph: 'passage' };

/**
 * Full-text search of the group's maps and sources. Results come best first with the matched words marked;
 * picking one opens the passage in the reader or shows the node on its map.
 */
export function SearchBox({ groupId, onPick }: { groupId: string; onPick(hit: SearchHit): void }) {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // The results fold away once one is picked, and come back when the query changes.
  const [folded, setFolded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useGroupSearch(groupId, query);
  const hits = query && !folded ? search.data?.hits : undefined;

  return (
    <div className="cp-search" role="search">
      <input
        type="search"
        data-testid="search-box"
        aria-label="Search claims, evidence and sources"
        placeholder="Search claims, evidence and sources…"
        value={input}
        onChange={(e) => {
          setInput(e.target.value);
          setFolded(false);
        }}
        onFocus={() => setFolded(false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setQuery(input.trim());
          if (e.key === 'Escape') setFolded(true);
        }}
      />
      {search.error && query ? <ErrorMessage error={search.error} prefix="Search failed" /> : null}
      {hits && (
        <ol className="cp-search__results" data-testid="search-results" aria-label="Search results">
          {hits.length === 0 && <li className="cp-muted">Nothing found for “{query}”.</li>}
          {hits.map((hit) => (
            <li key={hit.type === 'node' ? hit.nodeId : hit.passageId}>
              <button type="button" data-testid="search-result" className="cp-search__hit" onClick={() => {
                  setFolded(true);
                  onPick(hit);
                }}>
                <span className="cp-search__where">
                  {hit.type === 'node' ? `${hit.nodeKind} · ${hit.mapTitle}` : `${KIND_LABEL[hit.passageKind] ?? 'passage'} · ${hit.sourceTitle}`}
                </span>
                <span className="cp-search__snippet">
                  {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
