import type { Graph } from '@counterpoint/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { layoutInput } from './layout-input';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

type Positions = Record<string, { x: number; y: number }>;

/**
 * Runs the ELK layout in a Web Worker, created on first use and kept for the editor's lifetime.
 * `run` resolves with the laid-out top-left positions; the caller turns them into one `nodes.move` op.
 */
export function useAutoLayout() {
  const worker = useRef<Worker | null>(null);
  const waiting = useRef(new Map<number, (response: LayoutResponse) => void>());
  const nextId = useRef(1);
  const [running, setRunning] = useState(false);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const run = useCallback(
    async (graph: Graph, sizeOf: (id: string) => { width: number; height: number } | undefined): Promise<Positions> => {
      if (!worker.current) {
        worker.current = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
        worker.current.onmessage = (event: MessageEvent<LayoutResponse>) => {
          waiting.current.get(event.data.requestId)?.(event.data);
          waiting.current.delete(event.data.requestId);
        };
      }
      const request: LayoutRequest = { requestId: nextId.current++, ...layoutInput(graph, sizeOf) };
      setRunning(true);
      try {
        const response = await new Promise<LayoutResponse>((resolve, reject) => {
          waiting.current.set(request.requestId, resolve);
          worker.current!.onerror = (event) => reject(new Error(event.message || 'The layout worker failed.'));
          worker.current!.postMessage(request);
        });
        if (!response.ok) throw new Error(`Auto layout failed: ${response.message}`);
        return response.positions;
      } finally {
        setRunning(false);
      }
    },
    [],
  );

  return { run, running };
}
