import { elkLayout, type Elk } from './elk-layout';
import type { LayoutInput, LayoutRequest, LayoutResponse, LayoutWarmUp } from './layout-protocol';

/** Lays out a map off the main thread with ELK (a large map takes long enough to freeze the page). */

type Positions = Record<string, { x: number; y: number }>;

// Typed by hand: this file shares the DOM lib of the app, which has no DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest | LayoutWarmUp>) => void): void;
  postMessage(message: LayoutResponse): void;
};

// Loaded as the worker starts, with the editor: its 1.5 MB are parsed on the worker's thread while the page draws
// the map (P5's load time did not change), so the warm-up layout, once the map is drawn, starts on loaded code.
let elkLoading: Promise<Elk> | null = null;
function loadElk() {
  elkLoading ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elkLoading;
}
void loadElk();

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

function onRequest(event: MessageEvent<LayoutRequest | LayoutWarmUp>): void {
  const message = event.data;
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
