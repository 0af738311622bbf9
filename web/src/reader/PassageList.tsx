import type { SourceDetail } from '@counterpoint/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type RefObject } from 'react';
import { passageIndexAt, type Highlight } from './highlights';
import { PassageView } from './PassageView';
import type { ReaderTarget } from './useReaderWorkspace';

interface Props {
  source: SourceDetail;
  highlights: readonly Highlight[];
  target: ReaderTarget | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onHighlightClick(nodeIds: string[]): void;
}

/**
 * The passages of a source, virtualised: a book has over a thousand, and only those in view (plus a margin) are
 * in the DOM. Scrolls to the reader's target — the passage holding it, then the highlighted quotation itself.
 */
export function PassageList({ source, highlights, target, scrollRef, onHighlightClick }: Props) {
  const passages = source.passages;
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => Math.max(28, Math.ceil((passages[i]!.end - passages[i]!.start) / 60) * 20 + 16),
    getItemKey: (i) => passages[i]!.id,
    overscan: 6,
  });

  // Replies: which comment each answers, and how deep it nests.
  const threads = useMemo(() => {
    const byId = new Map(passages.map((p) => [p.id, p]));
    const depthOf = (id: string | null, seen = 0): number => (id && seen < 20 ? 1 + depthOf(byId.get(id)?.parentId ?? null, seen + 1) : 0);
    return new Map(passages.map((p) => [p.id, { replyTo: p.parentId ? (byId.get(p.parentId)?.number ?? null) : null, depth: depthOf(p.parentId) }]));
  }, [passages]);

  useEffect(() => {
    if (!target || target.sourceId !== source.id || passages.length === 0) return;
    virtualizer.scrollToIndex(passageIndexAt(passages, target.start), { align: 'center' });
    // Once the passage is rendered and measured, centre the quotation itself.
    const timer = setTimeout(() => {
      const selector = target.nodeId ? `mark[data-node-ids~="${target.nodeId}"]` : `[data-passage-index="${passageIndexAt(passages, target.start)}"]`;
      scrollRef.current?.querySelector(selector)?.scrollIntoView({ block: 'center' });
    }, 120);
    return () => clearTimeout(timer);
  }, [target, source.id, passages, virtualizer, scrollRef]);

  // The scroll container is rendered here, not by the parent: its ref must be attached before the virtualizer's
  // layout effect runs, which React does for a component's own elements but not for its parent's.
  return (
    <div className="cp-reader__scroll" ref={scrollRef}>
      <div className="cp-reader__passages" data-testid="reader-passages" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const passage = passages[item.index]!;
          const thread = threads.get(passage.id)!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="cp-reader__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PassageView
                passage={passage}
                text={source.text}
                highlights={highlights}
                replyTo={thread.replyTo}
                depth={thread.depth}
                activeNodeId={target?.nodeId ?? null}
                targeted={target !== null && target.nodeId === null && target.start < passage.end && target.end > passage.start}
                onHighlightClick={onHighlightClick}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
