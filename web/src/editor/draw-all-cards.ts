/**
 * A large map draws only the cards near the view (useViewCulling.ts). A picture of the whole map is taken from
 * the page (interchange/image-export.ts), so while it is taken every card must be drawn: this is the switch.
 */
let holds = 0;
const listeners = new Set<() => void>();

export const allCardsDrawn = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Whether every card is to be drawn now. */
  get: (): boolean => holds > 0,
};

/** How long to wait for React Flow to draw and measure every card before taking the picture anyway. */
const DRAW_TIMEOUT_MS = 15_000;

/**
 * Runs `work` with every card drawn: switches culling off, waits until the canvas holds `cardCount` nodes and
 * React Flow has measured them (a frame later), then switches it back on.
 */
export async function withAllCardsDrawn<T>(canvas: HTMLElement, cardCount: number, work: () => Promise<T>): Promise<T> {
  holds++;
  listeners.forEach((listener) => listener());
  try {
    const started = performance.now();
    while (canvas.querySelectorAll('.react-flow__node').length < cardCount && performance.now() - started < DRAW_TIMEOUT_MS) await nextFrame();
    await nextFrame();
    await nextFrame();
    return await work();
  } finally {
    holds--;
    listeners.forEach((listener) => listener());
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
