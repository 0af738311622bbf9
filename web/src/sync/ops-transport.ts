import type { OpsSinceResult, SubmitOpsBody, SubmitOpsResult } from '@counterpoint/shared';
import { fetchOpsSince, submitOps } from '../api/endpoints';

/** How a MapDocument talks to the server; tests can pass a fake. */
export interface OpsTransport {
  /** Resolves with the server's answer; rejects with ApiError (refused) or NetworkError (no answer). */
  submit(mapId: string, body: SubmitOpsBody): Promise<SubmitOpsResult>;
  opsSince(mapId: string, since: number): Promise<OpsSinceResult>;
}

export const httpTransport: OpsTransport = { submit: submitOps, opsSince: fetchOpsSince };

/**
 * Batches go over the live connection while it is up, and over HTTP otherwise (reconnecting, or the editor was
 * just closed with edits still unsent). Either way the batch keeps its (clientId, clientSeq), so a batch that
 * went out on both is applied once.
 */
export function liveOrHttpTransport(live: { isJoined(): boolean; submit: OpsTransport['submit'] }): OpsTransport {
  return {
    submit: (mapId, body) => (live.isJoined() ? live.submit(mapId, body) : httpTransport.submit(mapId, body)),
    opsSince: httpTransport.opsSince,
  };
}
