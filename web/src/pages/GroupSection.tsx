import { EDITING_ROLES, type Group } from '@counterpoint/shared';
import { useGroupMaps } from '../api/useMaps';
import { ErrorMessage } from '../components/ErrorMessage';
import { ImportButton } from '../interchange/ImportDialog';
import { CreateMapForm } from './CreateMapForm';
import { MapListItem } from './MapListItem';
import { MembersPanel } from '../groups/MembersPanel';

/** One study group: its maps, and (for editors) a form to start a new one. */
export function GroupSection({ group }: { group: Group }) {
  const maps = useGroupMaps(group.id);
  const canEdit = EDITING_ROLES.includes(group.role);
  return (
    <section className="cp-group" aria-labelledby={`group-${group.id}`}>
      <header className="cp-group__header">
        <h2 id={`group-${group.id}`}>{group.name}</h2>
        <span className="cp-badge">{group.role}</span>
      </header>
      {group.description && <p className="cp-muted">{group.description}</p>}
      <MembersPanel group={group} />
      {maps.isPending && <p className="cp-muted">Loading maps…</p>}
      {maps.error && <ErrorMessage error={maps.error} prefix="Could not load the maps" />}
      {maps.data?.length === 0 && <p className="cp-muted">No maps in this group yet.</p>}
      {maps.data && maps.data.length > 0 && (
        <ul className="cp-map-list">
          {maps.data.map((map) => (
            <MapListItem key={map.id} map={map} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit && <CreateMapForm groupId={group.id} />}
      {canEdit && <ImportButton groupId={group.id} />}
    </section>
  );
}
