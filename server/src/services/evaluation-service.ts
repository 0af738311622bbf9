import {
  compareReadings,
  evaluateGraph,
  evaluateReading,
  graphFromLists,
  type Comparison,
  type EvaluationResponse,
  type Graph,
} from '@counterpoint/shared';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import type { MapService } from './map-service.js';

/**
 * Evaluation (grounded labels) and comparison of readings. Both read the map through the map service's
 * snapshot — so who may see a map is decided there (a non-member gets MAP_NOT_FOUND) — and hand the graph to
 * the pure functions of shared/, the same ones the web client runs on its live graph.
 */
export function createEvaluationService(deps: { maps: Pick<MapService, 'snapshot'> }) {
  async function load(mapId: string, actor: Actor) {
    const snapshot = await deps.maps.snapshot(mapId, actor);
    return { version: snapshot.version, graph: graphFromLists(snapshot) };
  }

  function requireReading(graph: Graph, readingId: string) {
    if (!graph.readings[readingId]) {
      throw new AppError('READING_UNKNOWN', 'That reading is not a reading of this map. It may have been deleted.');
    }
  }

  return {
    /** The grounded labelling of the whole map, or of one reading's sub-framework. */
    async evaluate(mapId: string, actor: Actor, readingId?: string): Promise<EvaluationResponse> {
      const { version, graph } = await load(mapId, actor);
      if (readingId === undefined) return { mapId, version, readingId: null, ...evaluateGraph(graph) };
      requireReading(graph, readingId);
      return { mapId, version, readingId, ...evaluateReading(graph, readingId)! };
    },

    /** Two readings side by side (the caller has checked they differ). */
    async compare(mapId: string, actor: Actor, a: string, b: string): Promise<Comparison> {
      const { graph } = await load(mapId, actor);
      requireReading(graph, a);
      requireReading(graph, b);
      return compareReadings(graph, [a, b]);
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
