import { useState, type FormEvent } from 'react';
import type { Comment, Member } from '@counterpoint/shared';
import { useDeleteComment, useEditComment, usePostComment, useResolveThread } from '../api/useDiscussion';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  mapId: string;
  nodeId: string;
  comments: Comment[];
  members: Member[];
  meId: string | undefined;
  canDiscuss: boolean;
}

/** The threads on one node: first comments with their replies, reply/edit/delete/resolve, and a new-thread box. */
export function CommentThread({ mapId, nodeId, comments, members, meId, canDiscuss }: Props) {
  const roots = comments.filter((c) => c.parentId === null);
  const post = usePostComment(mapId);
  return (
    <div className="cp-threads" data-testid="comment-threads">
      {roots.length === 0 && <p className="cp-muted">No comments on this node yet.</p>}
      {roots.map((root) => (
        <div key={root.id} className="cp-thread" data-resolved={root.resolved}>
          <CommentItem comment={root} {...{ mapId, members, meId, canDiscuss }} />
          {comments.filter((c) => c.parentId === root.id).map((reply) => (
            <div key={reply.id} className="cp-thread__reply">
              <CommentItem comment={reply} {...{ mapId, members, meId, canDiscuss }} />
            </div>
          ))}
          {canDiscuss && <CommentBox label="Reply" onSend={(body) => post.mutateAsync({ nodeId, body, parentId: root.id })} />}
        </div>
      ))}
      {canDiscuss && <CommentBox label="New comment" onSend={(body) => post.mutateAsync({ nodeId, body })} />}
      {post.error && <ErrorMessage error={post.error} prefix="Could not post" />}
    </div>
  );
}

function CommentItem({ comment, mapId, members, meId, canDiscuss }: { comment: Comment; mapId: string; members: Member[]; meId: string | undefined; canDiscuss: boolean }) {
  const author = members.find((m) => m.user.id === comment.authorId)?.user.name ?? 'Former member';
  const [editing, setEditing] = useState(false);
  const edit = useEditComment(mapId);
  const remove = useDeleteComment(mapId);
  const resolve = useResolveThread(mapId);
  const mine = comment.authorId === meId && canDiscuss && !comment.deleted;
  if (comment.deleted) return <p className="cp-comment cp-muted">(deleted)</p>;
  return (
    <div className="cp-comment" data-testid="comment">
      <strong>{author}</strong>
      {comment.parentId === null && comment.resolved && <span className="cp-badge">resolved</span>}
      {editing ? (
        <CommentBox label="Edit" initial={comment.body} onSend={async (body) => { await edit.mutateAsync({ id: comment.id, body }); setEditing(false); }} />
      ) : (
        <p>{comment.body}</p>
      )}
      <div className="cp-comment__actions">
        {mine && !editing && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
        {mine && <button type="button" onClick={() => remove.mutate(comment.id)}>Delete</button>}
        {canDiscuss && comment.parentId === null && (
          <button type="button" onClick={() => resolve.mutate({ id: comment.id, resolved: !comment.resolved })}>
            {comment.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
    </div>
  );
}

function CommentBox({ label, initial = '', onSend }: { label: string; initial?: string; onSend: (body: string) => Promise<unknown> }) {
  const [body, setBody] = useState(initial);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    await onSend(body.trim()).then(() => setBody('')).catch(() => undefined);
  };
  return (
    <form className="cp-comment-box" onSubmit={onSubmit}>
      <textarea aria-label={label} placeholder={label} value={body} maxLength={10_000} onChange={(e) => setBody(e.target.value)} rows={2} />
      <button type="submit">{label === 'Edit' ? 'Save' : 'Post'}</button>
    </form>
  );
}
