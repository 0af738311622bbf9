import { EDITING_ROLES } from '@counterpoint/shared';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useGroups } from '../api/useGroups';
import { useGroupSources } from '../api/useSources';
import { ErrorMessage } from '../components/ErrorMessage';
import { MapCanvas } from '../editor/MapCanvas';
import { MapHeader } from '../editor/MapHeader';
import { NoticeBanner } from '../editor/NoticeBanner';
import { PresenceBar } from '../presence/PresenceBar';
import { useMapDocument, useMapDocumentState } from '../sync/useMapDocument';

const NO_TITLES: ReadonlyMap<string, string> = new Map();

/** `/maps/:mapId`: the map editor. */
export function MapEditorPage({ mapId }: { mapId: string }) {
  const { snapshot, open } = useMapDocument(mapId);
  const doc = open?.doc ?? null;
  const state = useMapDocumentState(doc);
  const map = snapshot.data?.map;
  const groups = useGroups();
  const sources = useGroupSources(map?.groupId);
  const sourceTitles = useMemo(
    () => (sources.data ? new Map(sources.data.map((s) => [s.id, s.title])) : NO_TITLES),
    [sources.data],
  );

  if (snapshot.error) {
    return (
      <main className="cp-page">
        <ErrorMessage error={snapshot.error} prefix="Could not open this map" />
        <p>
          <Link href="/">Back to all maps</Link>
        </p>
      </main>
    );
  }
  if (!map || !doc || !state) return <main className="cp-page cp-muted">Loading map…</main>;

  // Until the groups load, assume editing is allowed: the server refuses what the role does not permit anyway.
  const role = groups.data?.find((g) => g.id === map.groupId)?.role;
  const readOnly = role !== undefined && !EDITING_ROLES.includes(role);

  return (
    <div className="cp-editor">
      <MapHeader
        title={map.title}
        version={state.version}
        saveState={state.saveState}
        pendingOps={state.pendingOps}
        readOnly={readOnly}
        presence={<PresenceBar store={open!.presence} unsent={state.pendingOps} />}
      />
      {state.notice && (
        <NoticeBanner
          notice={state.notice}
          onDismiss={() => doc.dismissNotice()}
          onRetry={state.saveState === 'offline' ? () => doc.retryNow() : undefined}
        />
      )}
      {sources.error && <ErrorMessage error={sources.error} prefix="Could not load the group's sources" />}
      <ReactFlowProvider>
        <MapCanvas doc={doc} live={open!.live} presence={open!.presence} graph={state.graph} sourceTitles={sourceTitles} readOnly={readOnly} />
      </ReactFlowProvider>
    </div>
  );
}
