import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayoutInput, LayoutRequest, LayoutResponse, LayoutWarmUp } from './layout-protocol';

type Positions = Record<string, { x: number; y: number }>;

/**
 * Runs the layout in a Web Worker, started when the editor opens (so the first click does not wait for it to
 * load) and kept for the editor's lifetime. Once the opened map is drawn and the page is idle, it hands the worker
 * the map as `prepare` describes it then, to lay out ahead of time (see layout.worker.ts). `run` resolves with the laid-out top-left
 * positions; the caller turns them into one `nodes.move` op.
 */
export function useAutoLayout(prepare: () => LayoutInput) {
  const worker = useRef<Worker | null>(null);
  const waiting = useRef(new Map<number, { resolve(response: LayoutResponse): void; reject(error: Error): void }>());
  const nextId = useRef(1);
  const [running, setRunning] = useState(false);

  const start = useCallback(() => {
    if (worker.current) return worker.current;
    const created = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<LayoutResponse>) => {
      waiting.current.get(event.data.requestId)?.resolve(event.data);
      waiting.current.delete(event.data.requestId);
    };
    created.onerror = (event) => {
      const error = new Error(event.message || 'The layout worker failed.');
      for (const request of waiting.current.values()) request.reject(error);
      waiting.current.clear();
    };
    worker.current = created;
    return created;
  }, []);

  const prepared = useRef(prepare);
  prepared.current = prepare;
  /**
   * Lays the map as it is now out ahead of time: once it is drawn after opening, and again when the member
   * reaches for the button (the worker does nothing for a map it has laid out already).
   */
  const warmUp = useCallback(() => start().postMessage({ warmUp: prepared.current() } satisfies LayoutWarmUp), [start]);
  useEffect(() => {
    start();
    // After the first drawing, not during it. A 1,000-node map's first layout, on code the JIT has not compiled
    // yet, takes about a second of the worker's thread; started here, a click right after opening waits for a
    // part of it at most (P6), and panning meanwhile kept its frame times (P5; tests/bench/RESULTS.md).
    const idle = requestIdleCallback(warmUp, { timeout: 2_000 });
    return () => {
      cancelIdleCallback(idle);
      worker.current?.terminate();
      worker.current = null;
    };
  }, [start, warmUp]);

  const run = useCallback(
    async (input: LayoutInput): Promise<Positions> => {
      const request: LayoutRequest = { requestId: nextId.current++, ...input };
      setRunning(true);
      try {
        const response = await new Promise<LayoutResponse>((resolve, reject) => {
          waiting.current.set(request.requestId, { resolve, reject });
          start().postMessage(request);
        });
        if (!response.ok) throw new Error(`Auto layout failed: ${response.message}`);
        return response.positions;
      } finally {
        setRunning(false);
      }
    },
    [start],
  );

  return { run, running, warmUp };
}
