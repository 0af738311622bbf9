import type { Graph } from '@counterpoint/shared';

/** What the save indicator shows. */
export type SaveState = 'saved' | 'saving' | 'retrying' | 'offline';

/** A message for the user: a rejected edit, or a connection problem. */
export interface Notice {
  id: number;
  message: string;
  code: string | null;
}

/** One immutable view of the document, replaced on every change (for useSyncExternalStore). */
export interface MapDocumentState {
  /** Confirmed graph plus this client's pending ops: what the canvas draws. */
  graph: Graph;
  /** Version of the confirmed graph. */
  version: number;
  saveState: SaveState;
  pendingOps: number;
  notice: Notice | null;
}

export interface MapDocumentOptions {
  clientId?: string;
  /**
   * Reserves `count` sequence numbers and returns the first. Ops are identified by (clientId, clientSeq), so
   * documents sharing a clientId must share the counter too; the default counter belongs to this document.
   */
  allocateSeq?: (count: number) => number;
  /** Waits before retrying a batch that got no answer; after the last, retries every `offlineRetryMs`. */
  retryDelaysMs?: number[];
  offlineRetryMs?: number;
}
