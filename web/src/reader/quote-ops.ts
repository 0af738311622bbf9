import { applyOps, selectQuote, type Graph, type Op } from '@counterpoint/shared';

/** Offsets of a selection in a source's text with the white space at either end left out, or null if blank. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return to > from ? { start: from, end: to } : null;
}

/** Where a new evidence node goes: under the claim it backs (or at the given point), beside anything there. */
const BELOW_CLAIM = { dx: -20, dy: 170 };
const CARD = { width: 240, height: 160 };

function freeSpot(graph: Graph, at: { x: number; y: number }): { x: number; y: number } {
  const taken = (x: number, y: number) =>
    Object.values(graph.nodes).some((n) => Math.abs(n.x - x) < CARD.width - 10 && Math.abs(n.y - y) < CARD.height - 10);
  for (let row = 0; row < 4; row++) {
    for (const step of [0, 1, -1, 2, -2, 3, -3]) {
      const spot = { x: at.x + step * CARD.width, y: at.y + row * CARD.height };
      if (!taken(spot.x, spot.y)) return spot;
    }
  }
  return at;
}

/**
 * The one op batch "Quote as evidence" sends: an evidence node anchored to text[start, end) with W3C selectors
 * (TextQuote exact/prefix/suffix and TextPosition start/end), and — when a claim is chosen — a `quotes` edge
 * from the evidence to it. Null when the graph would refuse it (the claim is gone).
 */
export function quoteEvidenceOps(
  graph: Graph,
  source: { id: string; text: string },
  span: { start: number; end: number },
  claimId: string | null,
  at: { x: number; y: number },
): { evidenceId: string; ops: Op[] } | null {
  const evidenceId = crypto.randomUUID();
  const claim = claimId ? graph.nodes[claimId] : undefined;
  const position = freeSpot(graph, claim ? { x: claim.x + BELOW_CLAIM.dx, y: claim.y + BELOW_CLAIM.dy } : at);
  const quote = selectQuote(source.id, source.text, span.start, span.end);
  const ops: Op[] = [
    { type: 'node.create', node: { id: evidenceId, kind: 'evidence', text: '', x: Math.round(position.x), y: Math.round(position.y), quote } },
  ];
  if (claim) ops.push({ type: 'edge.create', edge: { id: crypto.randomUUID(), kind: 'quotes', fromId: evidenceId, toId: claim.id, label: '' } });
  return applyOps(graph, ops).ok ? { evidenceId, ops } : null;
}
