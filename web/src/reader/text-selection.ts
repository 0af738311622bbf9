import { useEffect, useState, type RefObject } from 'react';
import { trimSpan } from './quote-ops';

/**
 * The source offset of a DOM selection point. The reader renders each run of a passage's text in an element
 * with `data-offset` (the run's first character in the source) holding exactly the source's characters, so a
 * point is that offset plus the point's offset in the run — exact, whatever the reflowed display looks like.
 */
function offsetOf(node: Node, offset: number, container: HTMLElement): number | null {
  let text: Node | null = node;
  let within = offset;
  if (node.nodeType !== Node.TEXT_NODE) {
    // A point between elements: the start of the next text, or the end of the last one before it.
    const child = node.childNodes[offset];
    const walker = document.createTreeWalker(child ?? node, NodeFilter.SHOW_TEXT);
    text = child ? walker.nextNode() : lastText(node);
    within = child ? 0 : (text?.textContent?.length ?? 0);
  }
  const run = text?.parentElement?.closest<HTMLElement>('[data-offset]');
  if (!run || !container.contains(run)) return null;
  return Number(run.dataset.offset) + within;
}

function lastText(node: Node): Node | null {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  return last;
}

/** The selected span of the source shown in `container`, trimmed of white space; null if none or elsewhere. */
export function readSelection(container: HTMLElement, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset, container);
  const end = offsetOf(range.endContainer, range.endOffset, container);
  if (start === null || end === null) return null;
  return trimSpan(text, start, end);
}

/** Follows the text selection inside the reader: the selected span of the source, or null. */
export function useReaderSelection(container: RefObject<HTMLElement | null>, text: string | null) {
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  useEffect(() => {
    if (text === null) return;
    const update = () => {
      const next = container.current ? readSelection(container.current, text) : null;
      setSpan((prev) => (prev?.start === next?.start && prev?.end === next?.end ? prev : next));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [container, text]);
  return span;
}
