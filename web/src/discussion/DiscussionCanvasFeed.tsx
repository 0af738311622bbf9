import { useEffect, useRef } from 'react';
import { useMapComments, useMapStances } from '../api/useDiscussion';
import { discussionMarks } from './stance-decorations';
import { useDiscussionFocus } from './useDiscussionMarks';

/**
 * Keeps the canvas's stance and thread marks fed while a map is open, panel or no panel: the map's stances and
 * comments (refetched on every live `stance`/`comment` message) go into the per-node store. Opens the panel when
 * a thread badge asks for it.
 */
export function DiscussionCanvasFeed({ mapId, onOpenPanel }: { mapId: string; onOpenPanel: () => void }) {
  const stances = useMapStances(mapId);
  const comments = useMapComments(mapId);
  const focus = useDiscussionFocus();
  const openPanel = useRef(onOpenPanel);
  openPanel.current = onOpenPanel;
  const handledSeq = useRef(focus.seq);

  useEffect(() => () => discussionMarks.reset(), [mapId]);
  useEffect(() => discussionMarks.setData(stances.data ?? [], comments.data ?? []), [stances.data, comments.data]);
  useEffect(() => {
    if (focus.seq === handledSeq.current) return;
    handledSeq.current = focus.seq;
    openPanel.current();
  }, [focus.seq]);
  return null;
}
