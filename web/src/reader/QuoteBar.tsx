import type { Graph } from '@counterpoint/shared';

interface Props {
  graph: Graph;
  selection: { start: number; end: number } | null;
  /** The claim the new evidence will back (the one claim selected on the canvas), if any. */
  claimId: string | null;
  readOnly: boolean;
  onQuote(): void;
}

/** "Quote as evidence": the second gesture after selecting text in the reader. */
export function QuoteBar({ graph, selection, claimId, readOnly, onQuote }: Props) {
  if (readOnly) return null;
  const claim = claimId ? graph.nodes[claimId] : undefined;
  const length = selection ? selection.end - selection.start : 0;
  return (
    <div className="cp-reader__quote-bar">
      <button
        type="button"
        className="cp-button--primary"
        data-testid="quote-as-evidence"
        disabled={!selection}
        onMouseDown={(event) => event.preventDefault() /* keep the text selection */}
        onClick={onQuote}
      >
        Quote as evidence
      </button>
      <span className="cp-muted" data-testid="quote-target">
        {!selection
          ? 'Select words in the text to quote them.'
          : claim
            ? `${length} characters → quotes “${claim.text.length > 60 ? `${claim.text.slice(0, 57)}…` : claim.text}”`
            : `${length} characters. Select a claim on the map first to link the evidence to it.`}
      </span>
    </div>
  );
}
