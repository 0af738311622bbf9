import { emptyPresence, PRESENCE_HZ, type PresenceState } from '@counterpoint/shared';
import { useReactFlow, type OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { EditingStore } from '../editor/editor-context';
import type { FlowNode } from '../editor/flow-types';
import type { LiveConnection } from '../sync/live-connection';

const INTERVAL_MS = 1000 / PRESENCE_HZ;

/**
 * Tells the others in the map where this member's pointer is, what they have selected, which node they are
 * typing in and what they are dragging — at most PRESENCE_HZ times a second, the latest state winning.
 */
export function usePresenceBroadcast(live: LiveConnection, editing: EditingStore, nodes: readonly FlowNode[]) {
  const flow = useReactFlow();
  const state = useRef<PresenceState>(emptyPresence);
  const lastSent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    timer.current = null;
    lastSent.current = Date.now();
    live.sendPresence(state.current);
  }, [live]);

  const update = useCallback(
    (patch: Partial<PresenceState>) => {
      state.current = { ...state.current, ...patch };
      if (timer.current) return;
      const wait = Math.max(0, lastSent.current + INTERVAL_MS - Date.now());
      timer.current = setTimeout(flush, wait);
    },
    [flush],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const selectionKey = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id).join(','), [nodes]);
  useEffect(() => update({ selection: selectionKey ? selectionKey.split(',') : [] }), [selectionKey, update]);
  useEffect(() => {
    const unsubscribe = editing.subscribe(() => update({ editing: editing.get() }));
    return () => void unsubscribe();
  }, [editing, update]);

  const onMouseMove = useCallback(
    (event: MouseEvent) => update({ cursor: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }) }),
    [flow, update],
  );
  const onMouseLeave = useCallback(() => update({ cursor: null }), [update]);
  const onNodeDrag = useCallback<OnNodeDrag<FlowNode>>(
    (_event, _node, dragged) => update({ dragging: dragged.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y })) }),
    [update],
  );
  const onNodeDragStop = useCallback(() => update({ dragging: null }), [update]);

  return { onMouseMove, onMouseLeave, onNodeDrag, onNodeDragStop };
}
