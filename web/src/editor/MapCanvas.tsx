import { Background, Controls, MiniMap, ReactFlow, useStore, type Node, type ReactFlowInstance, type ReactFlowState } from '@xyflow/react';
import type { Graph } from '@counterpoint/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PeerOverlay } from '../presence/PeerOverlay';
import type { PresenceStore } from '../presence/presence-store';
import { usePresenceBroadcast } from '../presence/usePresenceBroadcast';
import type { LiveConnection } from '../sync/live-connection';
import type { MapDocument } from '../sync/map-document';
import { EditingStore, EditorContext, type EditorContextValue } from './editor-context';
import { edgeTypes } from './edge-types';
import { textOps } from './edit-ops';
import { KindPicker } from './KindPicker';
import { isLargeMap, openingViewOf } from './large-map';
import { Legend } from './Legend';
import { nodeTypes } from './node-types';
import { OverviewMap } from './OverviewMap';
import { Toolbar } from './Toolbar';
import { useCanvasCommands } from './useCanvasCommands';
import { useDeleteKey } from './useDeleteKey';
import { useViewCulling } from './useViewCulling';
import { useFlowElements } from './useFlowElements';
import type { FlowEdge, FlowNode } from './flow-types';
import { useDimmedEdges } from '../readings/decorations-context';
import './canvas-motion.css';

interface Props {
  doc: MapDocument;
  live: LiveConnection;
  presence: PresenceStore;
  graph: Graph;
  sourceTitles: ReadonlyMap<string, string>;
  readOnly: boolean;
}

const MINIMAP_COLORS: Record<string, string> = {
  claim: '#748ffc',
  evidence: '#cc5de8',
  question: '#4dabf7',
  note: '#ffd43b',
  inference: '#2f9e44',
};
const minimapColor = (node: Node) => MINIMAP_COLORS[node.type ?? ''] ?? '#adb5bd';
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
/** Below this zoom card text is too small to read and is not drawn (see canvas-motion.css). */
const FAR_ZOOM = 0.3;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** The React Flow canvas of one map: draws the MapDocument's graph and turns gestures into op batches. */
export function MapCanvas({ doc, live, presence, graph, sourceTitles, readOnly }: Props) {
  const wrapper = useRef<HTMLDivElement>(null);
  const large = useMemo(() => isLargeMap(graph), [graph]);
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements(graph, sourceTitles, large);
  // A large map opens on its most connected claim at a readable zoom, and draws only what is near the view.
  const [openingView] = useState(() => (large ? openingViewOf(graph) : null));
  const [viewSet, setViewSet] = useState(openingView === null);
  const onInit = useCallback(
    (flow: ReactFlowInstance<FlowNode, FlowEdge>) => void (openingView && flow.fitView(openingView).then(() => setViewSet(true))),
    [openingView],
  );
  // "Show only reading X" dims the edges outside X (nodes dim themselves).
  const shown = useViewCulling(nodes, useDimmedEdges(edges), large, viewSet);

  const editor = useMemo<EditorContextValue>(() => {
    const editing = new EditingStore();
    const isBlank = (id: string) => {
      const node = doc.getState().graph.nodes[id];
      return node !== undefined && node.kind !== 'evidence' && node.text === '';
    };
    return {
      editing,
      actions: {
        readOnly,
        startEdit: (id) => {
          if (!readOnly && doc.getState().graph.nodes[id]) editing.set(id);
        },
        commitText: (id, text) => {
          editing.set(null);
          doc.apply(textOps(doc.getState().graph, id, text));
        },
        cancelEdit: (id) => {
          editing.set(null);
          // A node created a moment ago and never written is not worth keeping.
          if (isBlank(id)) doc.apply([{ type: 'node.delete', id }]);
        },
      },
    };
  }, [doc, readOnly]);

  const commands = useCanvasCommands(doc, editor.editing, wrapper);
  useDeleteKey(commands.deleteSelection, !readOnly && commands.picker === null);
  const broadcast = usePresenceBroadcast(live, editor.editing, nodes);
  const far = useStore(isFar);
  useEffect(() => void wrapper.current?.classList.toggle('is-far', far), [far]);
  const hasSelection = nodes.some((n) => n.selected) || edges.some((e) => e.selected);
  // Classes set straight on the element, not through state: a pan must not re-render the canvas (see canvas-motion.css).
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('is-moving'), []);

  return (
    <EditorContext.Provider value={editor}>
      <div className="cp-canvas" ref={wrapper} onMouseMove={broadcast.onMouseMove} onMouseLeave={broadcast.onMouseLeave}>
        <ReactFlow
          nodes={shown.nodes}
          edges={shown.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDrag={broadcast.onNodeDrag}
          onNodeDragStop={(event, _node, moved) => {
            broadcast.onNodeDragStop();
            commands.commitMove(event, moved);
          }}
          onSelectionDragStop={commands.commitMove}
          onConnectEnd={commands.onConnectEnd}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onDoubleClick={readOnly ? undefined : commands.onPaneDoubleClick}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          zoomOnDoubleClick={false}
          minZoom={0.1}
          maxZoom={2}
          fitView={openingView === null}
          fitViewOptions={FIT_VIEW_OPTIONS}
          onInit={onInit}
        >
          <Background gap={24} color="#dee2e6" />
          <PeerOverlay store={presence} />
          <Toolbar
            readOnly={readOnly}
            hasSelection={hasSelection}
            layoutRunning={commands.layoutRunning}
            onAdd={(kind) => commands.addNode(kind)}
            onDelete={commands.deleteSelection}
            onAutoLayout={() => void commands.autoLayout()}
            onAutoLayoutIntent={commands.prepareLayout}
            onFitView={commands.fitView}
          />
          <Legend />
          <Controls showInteractive={false} />
          {large ? <OverviewMap graph={graph} colors={MINIMAP_COLORS} /> : <MiniMap nodeColor={minimapColor} pannable zoomable ariaLabel="Map overview" />}
        </ReactFlow>
        {commands.picker && <KindPicker request={commands.picker} onPick={commands.pick} onClose={commands.closePicker} />}
      </div>
    </EditorContext.Provider>
  );
}
