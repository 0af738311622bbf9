import type { Peer } from '@counterpoint/shared';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import type { PresenceStore } from './presence-store';
import { usePresence } from './usePresence';

const nodeLookupOf = (s: ReactFlowState) => s.nodeLookup;

/**
 * Others' presence drawn on the canvas, in canvas coordinates: their pointers, outlines of what they have
 * selected, "editing…" on the node they are typing in, and ghosts of what they are dragging.
 */
export function PeerOverlay({ store }: { store: PresenceStore }) {
  const { peers } = usePresence(store);
  const nodeLookup = useStore(nodeLookupOf);
  const box = (id: string) => {
    const node = nodeLookup.get(id);
    if (!node) return null;
    const { x, y } = node.internals.positionAbsolute;
    return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
  };
  return (
    <ViewportPortal>
      {peers.map((peer) => (
        <PeerMarks key={peer.connectionId} peer={peer} box={box} />
      ))}
    </ViewportPortal>
  );
}

type BoxOf = (id: string) => { x: number; y: number; width: number; height: number } | null;

const PeerMarks = memo(function PeerMarks({ peer, box }: { peer: Peer; box: BoxOf }) {
  const { color, name } = peer.user;
  const { cursor, selection, editing, dragging } = peer.presence;
  return (
    <>
      {selection.map((id) => {
        const b = box(id);
        return b && <div key={id} className="cp-peer-selection" data-testid="peer-selection" style={{ left: b.x - 4, top: b.y - 4, width: b.width + 8, height: b.height + 8, borderColor: color }} />;
      })}
      {editing && box(editing) && (
        <div className="cp-peer-editing" data-testid="peer-editing" style={{ left: box(editing)!.x, top: box(editing)!.y - 22, background: color }}>
          {name} is editing…
        </div>
      )}
      {dragging?.map((d) => {
        const b = box(d.id);
        return b && <div key={d.id} className="cp-peer-ghost" style={{ left: d.x, top: d.y, width: b.width, height: b.height, borderColor: color }} />;
      })}
      {cursor && (
        <div className="cp-peer-cursor" data-testid="peer-cursor" style={{ transform: `translate(${cursor.x}px, ${cursor.y}px)` }}>
          <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
            <path d="M1 1 L1 16 L5 12 L8 19 L10.5 18 L7.5 11 L13 11 Z" fill={color} stroke="white" strokeWidth="1.2" />
          </svg>
          <span className="cp-peer-cursor__name" style={{ background: color }}>
            {name}
          </span>
        </div>
      )}
    </>
  );
});
