import type { Graph } from '@counterpoint/shared';
import { useOnSelectionChange, useStore, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useSearch } from 'wouter';
import type { FlowEdge, FlowNode } from '../editor/flow-types';
import { OpenInReaderContext } from '../readings/reader-hook';
import { useCanvasFocus } from '../readings/useCanvasFocus';
import type { MapDocument } from '../sync/map-document';
import { UnplacedQuotesProvider } from './quote-status';
import { ReaderPanel } from './ReaderPanel';
import type { ReaderWorkspace } from './useReaderWorkspace';

interface Props {
  reader: ReaderWorkspace;
  groupId: string;
  mapId: string;
  graph: Graph;
  doc: MapDocument;
  readOnly: boolean;
}

/**
 * The reader's part of the editor, inside the canvas's React Flow provider: the panel (when open), opening an
 * evidence node's source when the node is clicked, and showing the node a link (`?node=…`, from a search hit on
 * another map) points at.
 */
export function ReaderLayer(props: Props) {
  const { reader } = props;
  const onSelectionChange = useCallback(
    ({ nodes }: OnSelectionChangeParams<FlowNode, FlowEdge>) => {
      const only = nodes.length === 1 ? nodes[0] : undefined;
      if (only?.type !== 'evidence' || !('node' in only.data)) return;
      const quote = only.data.node.quote;
      if (quote) reader.openQuote({ nodeId: only.id, quote });
    },
    [reader],
  );
  useOnSelectionChange({ onChange: onSelectionChange });
  useFocusFromUrl();
  return reader.open ? <ReaderPanel {...props} /> : null;
}

function useFocusFromUrl() {
  const nodeId = new URLSearchParams(useSearch()).get('node');
  const present = useStore((s) => (nodeId ? s.nodeLookup.has(nodeId) : false));
  const focus = useCanvasFocus();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!nodeId || !present || done.current === nodeId) return;
    done.current = nodeId;
    // Let React Flow measure the nodes before framing one.
    const timer = setTimeout(() => focus([nodeId]), 100);
    return () => clearTimeout(timer);
  }, [nodeId, present, focus]);
}

/** The header button that opens and closes the sources panel. */
export function ReaderControls({ reader }: { reader: ReaderWorkspace }) {
  return (
    <button
      type="button"
      data-testid="reader-toggle"
      aria-pressed={reader.open}
      title="Read the group's sources beside the map, quote them, search"
      onClick={() => reader.setOpen(!reader.open)}
    >
      Sources
    </button>
  );
}

/**
 * What the editor's components get from the reader: a way to open a quotation in it (the compare view uses it)
 * and which evidence nodes are flagged unplaced (the nodes show it).
 */
export function ReaderProviders({ reader, groupId, mapId, graph, children }: { reader: ReaderWorkspace; groupId: string; mapId: string; graph: Graph; children: ReactNode }) {
  return (
    <OpenInReaderContext.Provider value={reader.openQuote}>
      <UnplacedQuotesProvider groupId={groupId} mapId={mapId} graph={graph}>
        {children}
      </UnplacedQuotesProvider>
    </OpenInReaderContext.Provider>
  );
}
