import { EDITING_ROLES } from '@counterpoint/shared';
import { ReactFlowProvider } from '@xyflow/react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { fetchMembers } from '../api/endpoints';
import { groupKeys } from '../api/query-keys';
import { HistoryControls } from '../history/HistoryControls';
import { HistoryPanel } from '../history/HistoryPanel';
import { replayTo } from '../history/replay';
import { useOpLog } from '../history/useOpLog';
import { useUndo } from '../history/useUndo';
import type { OpenMap } from '../sync/useMapDocument';
import type { MapDocumentState } from '../sync/map-document';
import type { MapSummary } from '@counterpoint/shared';
import { Link } from 'wouter';
import { useGroups } from '../api/useGroups';
import { useGroupSources } from '../api/useSources';
import { ErrorMessage } from '../components/ErrorMessage';
import { MapCanvas } from '../editor/MapCanvas';
import { MapHeader } from '../editor/MapHeader';
import { NoticeBanner } from '../editor/NoticeBanner';
import { PresenceBar } from '../presence/PresenceBar';
import { useMapDocument, useMapDocumentState } from '../sync/useMapDocument';
import { DecorationsContext } from '../readings/decorations-context';
import { ReadingsControls } from '../readings/ReadingsControls';
import { ReadingsPanel } from '../readings/ReadingsPanel';
import { useReadingsWorkspace } from '../readings/useReadingsWorkspace';
import { ReaderControls, ReaderLayer, ReaderProviders } from '../reader/ReaderLayer';
import { useReaderWorkspace } from '../reader/useReaderWorkspace';
import { DiscussionPanel } from '../discussion/DiscussionPanel';
import { DiscussionCanvasFeed } from '../discussion/DiscussionCanvasFeed';

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
  // Viewers read positions and comments; everyone else may take part.
  const canDiscuss = role !== undefined && role !== 'viewer';
  return <OpenMapEditor open={open!} state={state} map={map} readOnly={readOnly} canDiscuss={canDiscuss} sourceTitles={sourceTitles} sourcesError={sources.error} />;
}

interface EditorProps {
  open: OpenMap;
  state: MapDocumentState;
  map: MapSummary;
  readOnly: boolean;
  canDiscuss: boolean;
  sourceTitles: ReadonlyMap<string, string>;
  sourcesError: unknown;
}

/** The editor of a loaded map: header, notices, canvas, and the history panel with time travel. */
function OpenMapEditor({ open, state, map, readOnly, canDiscuss, sourceTitles, sourcesError }: EditorProps) {
  const [discussionOpen, setDiscussionOpen] = useState(false);
  const { doc } = open;
  const [historyOpen, setHistoryOpen] = useState(false);
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  const undo = useUndo(doc, !readOnly && viewVersion === null);
  const log = useOpLog(map.id, state.version, historyOpen);
  const members = useQuery({ queryKey: groupKeys.members(map.groupId), queryFn: () => fetchMembers(map.groupId), enabled: historyOpen });
  const pastGraph = useMemo(() => (viewVersion === null ? null : replayTo(log.entries, viewVersion)), [log.entries, viewVersion]);
  const travelling = pastGraph !== null;
  // Readings, their colours and filter, and the in/out/undecided labels of the graph on screen.
  const readings = useReadingsWorkspace(pastGraph ?? state.graph);
  // The sources panel: reader, quoting, search (see reader/).
  const reader = useReaderWorkspace();

  return (
    <div className="cp-editor">
      <MapHeader
        title={map.title}
        version={state.version}
        saveState={state.saveState}
        pendingOps={state.pendingOps}
        readOnly={readOnly}
        presence={
          <>
            <HistoryControls
              canUndo={undo.canUndo && !travelling}
              canRedo={undo.canRedo && !travelling}
              onUndo={undo.undo}
              onRedo={undo.redo}
              historyOpen={historyOpen}
              onToggleHistory={() => {
                setHistoryOpen((o) => !o);
                setViewVersion(null);
              }}
              readOnly={readOnly}
            />
            <ReadingsControls workspace={readings} />
            <ReaderControls reader={reader} />
            <button type="button" className="cp-button" aria-pressed={discussionOpen} data-testid="toggle-discussion" onClick={() => setDiscussionOpen((o) => !o)}>
              Positions &amp; comments
            </button>
            <PresenceBar store={open.presence} unsent={state.pendingOps} />
          </>
        }
      />
      {state.notice && (
        <NoticeBanner
          notice={state.notice}
          onDismiss={() => doc.dismissNotice()}
          onRetry={state.saveState === 'offline' ? () => doc.retryNow() : undefined}
        />
      )}
      {travelling && (
        <div className="cp-time-travel-banner" role="status" data-testid="time-travel-banner">
          Viewing version {viewVersion} of {state.version} — read only.
          <button type="button" className="cp-button" onClick={() => setViewVersion(null)}>
            Back to the live map
          </button>
        </div>
      )}
      {sourcesError ? <ErrorMessage error={sourcesError} prefix="Could not load the group's sources" /> : null}
      <div className="cp-editor-body">
        <ReaderProviders reader={reader} groupId={map.groupId} mapId={map.id} graph={state.graph}>
        <DecorationsContext.Provider value={readings.decorations}>
          <ReactFlowProvider>
            <MapCanvas
              key={travelling ? 'past' : 'live'}
              doc={doc}
              live={open.live}
              presence={open.presence}
              graph={pastGraph ?? state.graph}
              sourceTitles={sourceTitles}
              readOnly={readOnly || travelling}
            />
            {/* Inside the provider: the panel reads the canvas selection and frames what it shows. */}
            {readings.panelOpen && <ReadingsPanel workspace={readings} doc={doc} graph={pastGraph ?? state.graph} readOnly={readOnly || travelling} />}
            <ReaderLayer reader={reader} groupId={map.groupId} mapId={map.id} graph={pastGraph ?? state.graph} doc={doc} readOnly={readOnly || travelling} />
          </ReactFlowProvider>
        </DecorationsContext.Provider>
        </ReaderProviders>
        {/* Positions and thread counts on the canvas, panel or no panel; a thread badge opens the panel. */}
        <DiscussionCanvasFeed mapId={map.id} onOpenPanel={() => setDiscussionOpen(true)} />
        {discussionOpen && <DiscussionPanel mapId={map.id} groupId={map.groupId} graph={state.graph} canDiscuss={canDiscuss} />}
        {historyOpen && (
          <HistoryPanel
            entries={log.entries}
            error={log.error ?? members.error}
            members={members.data ?? []}
            version={state.version}
            viewVersion={viewVersion}
            onViewVersion={setViewVersion}
          />
        )}
      </div>
    </div>
  );
}
