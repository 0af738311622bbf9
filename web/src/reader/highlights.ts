import { quoteMatches, type Graph, type Passage } from '@counterpoint/shared';

/** A quotation of the open source used on the map: which evidence node, which span of the text. */
export interface Highlight {
  nodeId: string;
  start: number;
  end: number;
}

/** A run of a passage's text and the quotations covering it (none: plain text). */
export interface TextSegment {
  start: number;
  end: number;
  nodeIds: string[];
}

/**
 * The quotations of a source on a map, where they match the text shown. A quotation whose selectors no longer
 * match (the text was just corrected and its re-anchoring op has not arrived yet, or it is unplaced) is left out
 * rather than highlighting the wrong words.
 */
export function highlightsFor(graph: Graph, sourceId: string, text: string): Highlight[] {
  const found: Highlight[] = [];
  for (const node of Object.values(graph.nodes)) {
    const quote = node.quote;
    if (quote && quote.sourceId === sourceId && quoteMatches(quote, text)) found.push({ nodeId: node.id, start: quote.start, end: quote.end });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Cuts [from, to) at every highlight boundary inside it; overlapping quotations give segments with several ids. */
export function segmentsOf(from: number, to: number, highlights: readonly Highlight[]): TextSegment[] {
  const inside = highlights.filter((h) => h.start < to && h.end > from);
  const cuts = new Set([from, to]);
  for (const h of inside) {
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({ start, end, nodeIds: inside.filter((h) => h.start <= start && h.end >= end).map((h) => h.nodeId) });
  }
  return segments;
}

/** Index of the passage containing `offset`, or of the first one after it (passages are sorted spans). */
export function passageIndexAt(passages: readonly Pick<Passage, 'start' | 'end'>[], offset: number): number {
  let low = 0;
  let high = passages.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (passages[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}
