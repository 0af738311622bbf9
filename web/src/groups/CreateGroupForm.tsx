import { useState, type FormEvent } from 'react';
import { useCreateGroup } from '../api/useMemberships';
import { ErrorMessage } from '../components/ErrorMessage';

/** Starts a study group; its creator is its owner. */
export function CreateGroupForm() {
  const [name, setName] = useState('');
  const create = useCreateGroup();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };
  return (
    <form className="cp-create-map" onSubmit={onSubmit}>
      <input aria-label="New group name" placeholder="New study group" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={create.isPending}>Create group</button>
      {create.error && <ErrorMessage error={create.error} prefix="Could not create the group" />}
    </form>
  );
}
