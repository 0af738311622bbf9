import { useGroups } from '../api/useGroups';
import { ErrorMessage } from '../components/ErrorMessage';
import { GroupSection } from './GroupSection';
import { CreateGroupForm } from '../groups/CreateGroupForm';

/** `/`: the user's study groups and the maps in each. */
export function MapListPage() {
  const groups = useGroups();
  return (
    <main className="cp-page">
      <h1>Your maps</h1>
      {groups.isPending && <p className="cp-muted">Loading your groups…</p>}
      {groups.error && <ErrorMessage error={groups.error} prefix="Could not load your groups" />}
      {groups.data?.length === 0 && <p className="cp-muted">You are not a member of any study group yet.</p>}
      {groups.data?.map((group) => <GroupSection key={group.id} group={group} />)}
      {groups.data && <CreateGroupForm />}
    </main>
  );
}
