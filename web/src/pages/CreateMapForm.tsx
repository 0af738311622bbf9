import { MapTitle } from '@counterpoint/shared';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useCreateMap } from '../api/useMaps';
import { ErrorMessage } from '../components/ErrorMessage';

/** Starts a new map in a group and opens it. */
export function CreateMapForm({ groupId }: { groupId: string }) {
  const [title, setTitle] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useCreateMap(groupId);
  const [, navigate] = useLocation();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The same schema the server validates with, so the message is the same too.
    const parsed = MapTitle.safeParse(title);
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'Invalid title.');
      return;
    }
    setInvalid(null);
    create.mutate(parsed.data, {
      onSuccess: (map) => {
        setTitle('');
        navigate(`/maps/${map.id}`);
      },
    });
  };

  return (
    <form className="cp-create-map" onSubmit={onSubmit}>
      <input
        aria-label="New map title"
        placeholder="New map title"
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" className="cp-button--primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create map'}
      </button>
      {invalid && (
        <div className="cp-alert cp-alert--error" role="alert">
          {invalid}
        </div>
      )}
      {create.error && <ErrorMessage error={create.error} prefix="Could not create the map" />}
    </form>
  );
}
