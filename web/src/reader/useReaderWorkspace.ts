import { useCallback, useMemo, useRef, useState } from 'react';
import type { OpenInReader } from '../readings/reader-hook';

/** Where the reader should scroll to: a span of a source, and the evidence node quoting it if any. */
export interface ReaderTarget {
  sourceId: string;
  start: number;
  end: number;
  nodeId: string | null;
  /** A new number per request, so asking for the same place twice scrolls again. */
  seq: number;
}

/**
 * The state of the source reader beside the canvas: open or not, which source it shows, and where it was last
 * asked to scroll. Everything that opens a source (an evidence node clicked, a search hit, the compare view) goes
 * through `show` or `openQuote`.
 */
export function useReaderWorkspace() {
  const [open, setOpen] = useState(false);
  const [sourceId, setSourceIdState] = useState<string | null>(null);
  const [target, setTarget] = useState<ReaderTarget | null>(null);
  const seq = useRef(0);

  const show = useCallback((id: string, span?: { start: number; end: number }, nodeId: string | null = null) => {
    setOpen(true);
    setSourceIdState(id);
    setTarget(span ? { sourceId: id, start: span.start, end: span.end, nodeId, seq: ++seq.current } : null);
  }, []);
  const setSourceId = useCallback((id: string | null) => {
    setSourceIdState(id);
    setTarget(null);
  }, []);
  const openQuote = useCallback<OpenInReader>(({ nodeId, quote }) => show(quote.sourceId, quote, nodeId), [show]);

  return useMemo(
    () => ({ open, setOpen, sourceId, setSourceId, target, show, openQuote }),
    [open, sourceId, setSourceId, target, show, openQuote],
  );
}

export type ReaderWorkspace = ReturnType<typeof useReaderWorkspace>;
