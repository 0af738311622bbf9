import { useCallback, useSyncExternalStore } from 'react';
import { discussionMarks, type NodeDiscussionMark } from './stance-decorations';

/** One node's stance and thread marks; re-renders the node's marks only when they change. */
export function useNodeDiscussionMark(nodeId: string): NodeDiscussionMark {
  const subscribe = useCallback((listener: () => void) => discussionMarks.subscribeNode(nodeId, listener), [nodeId]);
  return useSyncExternalStore(subscribe, () => discussionMarks.get(nodeId));
}

/** Whose positions the panel and the canvas show, and whether the canvas shows them. */
export const useCanvasView = () => useSyncExternalStore(discussionMarks.subscribeView, discussionMarks.getView);

/** The node the panel shows, and the count of requests to open the panel on a node. */
export const useDiscussionFocus = () => useSyncExternalStore(discussionMarks.subscribeView, discussionMarks.getFocus);
