import type { ArgumentLabel } from '@counterpoint/shared';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { WhyPopover } from './WhyPopover';
import './evaluation.css';

const SYMBOL: Record<ArgumentLabel, string> = { in: '✓', out: '✗', undecided: '?' };
const TIP: Record<ArgumentLabel, string> = {
  in: 'In: it stands (every attacker is out). Click: why?',
  out: 'Out: an attacker that stands defeats it. Click: why?',
  undecided: 'Undecided: the attacks on it cannot be settled. Click: why?',
};

/**
 * The small in / out / undecided badge of a claim or evidence node; a click opens "why?". The popover is drawn
 * over the page (not inside the zoomed canvas), so it stays readable at any zoom and above neighbouring nodes.
 */
export function EvaluationBadge({ id, label }: { id: string; label: ArgumentLabel }) {
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    if (!at) return;
    // Escape, or a press or wheel anywhere but the popover and its badge, closes it.
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setAt(null);
    const onOutside = (event: Event) => {
      if (event.target instanceof Element && (event.target.closest('.cp-why') || button.current?.contains(event.target))) return;
      setAt(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onOutside, true);
    window.addEventListener('wheel', onOutside, { passive: true });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onOutside, true);
      window.removeEventListener('wheel', onOutside);
    };
  }, [at]);

  // One element per badge (a large map draws a thousand): the symbol is text, the label says it for readers.
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`cp-eval__badge cp-eval__badge--${label} nodrag nopan`}
        data-testid="node-label"
        data-label={label}
        title={TIP[label]}
        aria-expanded={at !== null}
        aria-label={`${label} — why?`}
        onClick={(event) => {
          event.stopPropagation();
          const rect = event.currentTarget.getBoundingClientRect();
          setAt((open) => (open ? null : { x: rect.left, y: rect.bottom + 4 }));
        }}
        onDoubleClick={(event) => event.stopPropagation()}
      >
        {SYMBOL[label]} {label}
      </button>
      {at && createPortal(<WhyPopover id={id} at={at} onClose={() => setAt(null)} />, document.body)}
    </>
  );
}
