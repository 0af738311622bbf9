import type { OpsSinceResult, SubmitOpsBody, SubmitOpsResult } from '@counterpoint/shared';
import { fetchOpsSince, submitOps } from '../api/endpoints';

/** How a MapDocument talks to the server; tests can pass a fake. */
export interface OpsTransport {
  /** Resolves with the server's answer; rejects with ApiError (refused) or NetworkError (no answer). */
  submit(mapId: string, body: SubmitOpsBody): Promise<SubmitOpsResult>;
  opsSince(mapId: string, since: number): Promise<OpsSinceResult>;
}

export const httpTransport: OpsTransport = { submit: submitOps, opsSince: fetchOpsSince };
