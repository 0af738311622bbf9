import type { Graph } from '@counterpoint/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { layoutInput } from './layout-input';
import type { LayoutRequest, LayoutResponse, LayoutWarmUp } from './layout-protocol';

type Positions = Record<string, { x: number; y: number }>;

/** After opening, the canvas draws first; then the worker loads what the map's layout needs. */
const WARM_UP_DELAY_MS = 2_000;

/**
 * Runs the layout in a Web Worker, started when the editor opens (so the first click does not wait for it to
 * load) and kept for the editor's lifetime. `countBoxes` (nodes and arguments, read when the editor opens)
 * tells the worker which layout to get ready. `run` resolves with the laid-out top-left positions; the caller
 * turns them into one `nodes.move` op.
 */
export function useAutoLayout(countBoxes: () => number) {
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

  const counter = useRef(countBoxes);
  useEffect(() => {
    const created = start();
    const warmUp: LayoutWarmUp = { warmUp: { boxCount: counter.current() } };
    const timer = setTimeout(() => created.postMessage(warmUp), WARM_UP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      worker.current?.terminate();
      worker.current = null;
    };
  }, [start]);

  const run = useCallback(
    async (graph: Graph, sizeOf: (id: string) => { width: number; height: number } | undefined): Promise<Positions> => {
      const request: LayoutRequest = { requestId: nextId.current++, ...layoutInput(graph, sizeOf) };
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

  return { run, running };
}
