import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { FlowEdge } from '../editor/flow-types';
import { DecorationStore, type CanvasFilter, type NodeDecoration } from './canvas-decorations';

/** The decorations of the open map's canvas (reading dots, labels, filter); provided by the map editor page. */
export const DecorationsContext = createContext<DecorationStore | null>(null);

// Outside an editor page (or before it provides one) nodes get an empty store: no dots, no labels.
const EMPTY_STORE = new DecorationStore();

export const useDecorationStore = () => useContext(DecorationsContext) ?? EMPTY_STORE;

/** One node's decoration; re-renders the node only when its own decoration changes. */
export function useNodeDecoration(id: string): NodeDecoration {
  const store = useDecorationStore();
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}

export function useCanvasFilter(): CanvasFilter | null {
  const store = useDecorationStore();
  return useSyncExternalStore(store.subscribe, store.getFilter);
}

function inFilter(edge: FlowEdge, filter: CanvasFilter): boolean {
  const role = edge.data?.role;
  if (!role || role.type === 'edge') return filter.edgeIds.has(edge.id);
  // An argument's legs belong to the reading with the nodes they join.
  return filter.nodeIds.has(role.type === 'premise' ? role.premiseId : edge.target);
}

/** The canvas edges with those outside the filtered reading dimmed (unchanged when no filter is on). */
export function useDimmedEdges(edges: FlowEdge[]): FlowEdge[] {
  const filter = useCanvasFilter();
  return useMemo(
    () => (filter ? edges.map((e) => (inFilter(e, filter) ? e : { ...e, className: 'is-dimmed' })) : edges),
    [edges, filter],
  );
}
