import { useEffect, useMemo, useRef, useState } from 'react';
import { disagreements, summarizeStances, type Graph } from '@counterpoint/shared';
import { useQuery } from '@tanstack/react-query';
import { fetchMembers } from '../api/endpoints';
import { groupKeys } from '../api/query-keys';
import { useMe } from '../api/useAuth';
import { useMapComments, useMapStances } from '../api/useDiscussion';
import { ErrorMessage } from '../components/ErrorMessage';
import { CommentThread } from './CommentThread';
import { ConsensusBar } from './ConsensusBar';
import { CanvasLegend } from './CanvasLegend';
import { ThreadIcon } from './NodeDiscussionMarks';
import './discussion-panel.css';
import { StanceForm } from './StanceForm';
import { discussionMarks } from './stance-decorations';
import { useCanvasView, useDiscussionFocus } from './useDiscussionMarks';

interface Props {
  mapId: string;
  groupId: string;
  graph: Graph;
  /** Owners, editors and commenters take positions and comment; viewers read. */
  canDiscuss: boolean;
}

/**
 * Positions and comments beside the canvas: the claims with the group's consensus (or one member's positions),
 * where two members disagree most, and for the chosen node your position and its comment threads. Whose
 * positions it shows, it also shows on the canvas (see stance-decorations.ts), unless that is switched off.
 */
export function DiscussionPanel({ mapId, groupId, graph, canDiscuss }: Props) {
  const me = useMe().data?.account;
  const stances = useMapStances(mapId);
  const comments = useMapComments(mapId);
  const members = useQuery({ queryKey: groupKeys.members(groupId), queryFn: () => fetchMembers(groupId) });
  const claims = useMemo(() => Object.values(graph.nodes).filter((n) => n.kind === 'claim'), [graph]);
  const view = useCanvasView();
  const focus = useDiscussionFocus();
  // The chosen node lives in the store: a thread badge on the canvas chooses it too.
  const nodeId = focus.nodeId && graph.nodes[focus.nodeId] ? focus.nodeId : (claims[0]?.id ?? '');
  const setNodeId = (id: string) => discussionMarks.selectNode(id);
  const shown = view.positions.mode === 'member' ? view.positions.userId : 'group';
  const [pair, setPair] = useState<[string, string]>(['', '']);
  const summary = useMemo(() => summarizeStances(stances.data ?? []), [stances.data]);
  const all = stances.data ?? [];
  const name = (userId: string) => members.data?.find((m) => m.user.id === userId)?.user.name ?? '?';
  const openThreads = (id: string) => (comments.data ?? []).filter((c) => c.nodeId === id && c.parentId === null && !c.resolved && !c.deleted).length;
  const text = (id: string) => graph.nodes[id]?.text ?? '(deleted node)';
  const show = (value: string) =>
    discussionMarks.setView({ ...view, positions: value === 'group' ? { mode: 'group' } : { mode: 'member', userId: value, name: name(value) } });
  const selected = useRef<HTMLElement>(null);
  // A thread badge asked for this node: bring its threads into sight.
  useEffect(() => {
    if (focus.seq > 0) selected.current?.scrollIntoView({ block: 'nearest' });
  }, [focus.seq]);

  return (
    <aside className="cp-discussion" aria-label="Discussion" data-testid="discussion-panel">
      <h2>Positions</h2>
      {(stances.error ?? comments.error) && <ErrorMessage error={stances.error ?? comments.error} />}
      <label>
        Show{' '}
        <select aria-label="Show positions of" value={shown} onChange={(e) => show(e.target.value)}>
          <option value="group">the whole group</option>
          {members.data?.map((m) => (
            <option key={m.user.id} value={m.user.id}>{`${m.user.name}'s positions`}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input type="checkbox" checked={view.onCanvas} onChange={(e) => discussionMarks.setView({ ...view, onCanvas: e.target.checked })} /> on the canvas
      </label>
      <CanvasLegend view={view} />
      <ul className="cp-positions" data-testid="positions">
        {claims.map((claim) => {
          const own = all.find((s) => s.userId === shown && s.nodeId === claim.id);
          return (
            <li key={claim.id} data-selected={claim.id === nodeId}>
              <button type="button" className="cp-link-button" onClick={() => setNodeId(claim.id)}>{claim.text}</button>{' '}
              {shown === 'group' ? <ConsensusBar consensus={summary.get(claim.id)} /> : own ? (
                <span className={`cp-stance cp-stance--${own.value}`}>{`${own.value} ${own.confidence}`}{own.note && ` — ${own.note}`}</span>
              ) : <span className="cp-muted">—</span>}
              {openThreads(claim.id) > 0 && (
                <span className="cp-talk__threads cp-talk__threads--static" title="open threads">
                  <ThreadIcon />
                  {openThreads(claim.id)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <h3>Where two members disagree most</h3>
      <div className="cp-disagree-pick">
        {[0, 1].map((i) => (
          <select key={i} aria-label={i === 0 ? 'First member' : 'Second member'} value={pair[i]} onChange={(e) => setPair(i === 0 ? [e.target.value, pair[1]] : [pair[0], e.target.value])}>
            <option value="">choose…</option>
            {members.data?.map((m) => <option key={m.user.id} value={m.user.id}>{m.user.name}</option>)}
          </select>
        ))}
      </div>
      {pair[0] && pair[1] && (
        <ol className="cp-disagreements" data-testid="disagreements">
          {disagreements(all, pair[0], pair[1]).map((d) => (
            <li key={d.nodeId}>{`${text(d.nodeId)}: ${name(pair[0])} ${d.a.value} ${d.a.confidence}, ${name(pair[1])} ${d.b.value} ${d.b.confidence}`}</li>
          ))}
        </ol>
      )}
      {graph.nodes[nodeId] && (
        <section aria-label="Selected node" ref={selected}>
          <h3>{text(nodeId)}</h3>
          <ul className="cp-stance-list" data-testid="node-stances">
            {all.filter((s) => s.nodeId === nodeId).map((s) => (
              <li key={s.userId}>{`${name(s.userId)}: ${s.value} ${s.confidence}`}{s.note && ` — ${s.note}`}</li>
            ))}
          </ul>
          {canDiscuss && graph.nodes[nodeId]?.kind === 'claim' && (
            <StanceForm key={nodeId} mapId={mapId} nodeId={nodeId} mine={all.find((s) => s.userId === me?.id && s.nodeId === nodeId)} />
          )}
          <h3>Comments</h3>
          <CommentThread mapId={mapId} nodeId={nodeId} comments={(comments.data ?? []).filter((c) => c.nodeId === nodeId)} members={members.data ?? []} meId={me?.id} canDiscuss={canDiscuss} />
        </section>
      )}
    </aside>
  );
}
