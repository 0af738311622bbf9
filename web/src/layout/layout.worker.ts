import { elkLayout, FULL_LAYOUT_MAX_BOXES, type Elk } from './elk-layout';
import type { LayoutInput, LayoutLoadCode, LayoutRequest, LayoutResponse, LayoutWarmUp } from './layout-protocol';

/** Lays out a map off the main thread with ELK (a large map takes long enough to freeze the page). */

type Positions = Record<string, { x: number; y: number }>;

// Typed by hand: this file shares the DOM lib of the app, which has no DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest | LayoutWarmUp | LayoutLoadCode>) => void): void;
  postMessage(message: LayoutResponse): void;
};

// Loaded when the page first goes idle (or at first use), not with the worker: 1.5 MB the page does not need to
// open a map.
let elkLoading: Promise<Elk> | null = null;
function loadElk() {
  elkLoading ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elkLoading;
}

/**
 * The last layout computed (or being computed) and its input. ELK's first runs are on code the JIT has not
 * compiled yet — a 1,000-node map took 1.5 s the first time, 0.5 s the third — so the editor has the map laid out
 * ahead of time (warm-up): a click on a map that has not changed since gets that result, and one on a changed map
 * runs on warmed-up code.
 */
let last: { key: string; positions: Promise<Positions> } | null = null;

function layoutOf(input: LayoutInput): Promise<Positions> {
  const key = JSON.stringify([input.boxes, input.links]);
  if (last?.key !== key) {
    const before = last?.positions.catch(() => ({})) ?? Promise.resolve({});
    // One run at a time: a click during the warm-up waits for it rather than competing with it.
    last = { key, positions: before.then(async () => elkLayout(await loadElk(), input.boxes, input.links)) };
  }
  return last.positions;
}

/**
 * A small layout on the large-map settings: ELK's code is then loaded and partly compiled when the first real
 * layout comes (a 1,000-node map right after opening took 0.9 s of ELK cold, 0.5 s after this).
 */
function warmUpElk(): void {
  const size = FULL_LAYOUT_MAX_BOXES + 50;
  const boxes = Array.from({ length: size }, (_, i) => ({ id: `w${i}`, width: 220, height: 80 }));
  const links = boxes.slice(1).map((box, i) => ({ id: `l${i}`, source: box.id, target: `w${Math.floor(i / 3)}` }));
  void loadElk()
    .then((elk) => elkLayout(elk, boxes, links))
    .catch(() => {}); // only a slower first layout
}

function onRequest(event: MessageEvent<LayoutRequest | LayoutWarmUp | LayoutLoadCode>): void {
  const message = event.data;
  if ('loadCode' in message) {
    warmUpElk();
    return;
  }
  if ('warmUp' in message) {
    layoutOf(message.warmUp).catch(() => {}); // a failed warm-up only means the first layout is slower
    return;
  }
  layoutOf(message).then(
    (positions) => scope.postMessage({ requestId: message.requestId, ok: true, positions }),
    (error: unknown) => scope.postMessage({ requestId: message.requestId, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}

// elk.bundled.js, run inside a worker, takes the worker over for its own protocol: it sets `self.onmessage` when
// loaded and again when it first lays out, after which our requests went to it and were lost (a second "Auto
// layout" waited forever). So requests are heard through a listener, and its assignments go nowhere.
scope.addEventListener('message', onRequest);
Object.defineProperty(self, 'onmessage', { configurable: true, get: () => null, set: () => {} });
