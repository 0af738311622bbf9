import {
  compareReadings,
  evaluateGraph,
  evaluateReading,
  type Comparison,
  type Evaluation,
  type EvaluationResponse,
  type Graph,
} from '@counterpoint/shared';
import { AppError } from '../errors.js';
import type { Actor } from '../plugins/actor.js';
import type { MapService } from './map-service.js';

/** Whole-map evaluations under this key; a reading's under its id. */
const WHOLE_MAP = '';

/**
 * Evaluation (grounded labels) and comparison of readings. Both read the map through the map service — so who
 * may see a map is decided there (a non-member gets MAP_NOT_FOUND) — and hand the graph to the pure functions of
 * shared/, the same ones the web client runs on its live graph.
 *
 * The map service hands out one graph object per map version (its graph cache), and graphs are immutable, so
 * evaluations are kept per graph object: asking again about an unchanged map costs no evaluation. Weakly held,
 * they go with their graph.
 */
export function createEvaluationService(deps: { maps: Pick<MapService, 'readGraph'> }) {
  const evaluations = new WeakMap<Graph, Map<string, Evaluation | null>>();

  function evaluationOf(graph: Graph, readingId: string = WHOLE_MAP): Evaluation | null {
    let byScope = evaluations.get(graph);
    if (!byScope) evaluations.set(graph, (byScope = new Map()));
    let evaluation = byScope.get(readingId);
    if (evaluation === undefined) {
      evaluation = readingId === WHOLE_MAP ? evaluateGraph(graph) : evaluateReading(graph, readingId);
      byScope.set(readingId, evaluation);
    }
    return evaluation;
  }

  function requireReading(graph: Graph, readingId: string) {
    if (!graph.readings[readingId]) {
      throw new AppError('READING_UNKNOWN', 'That reading is not a reading of this map. It may have been deleted.');
    }
  }

  return {
    /** The grounded labelling of the whole map, or of one reading's sub-framework. */
    async evaluate(mapId: string, actor: Actor, readingId?: string): Promise<EvaluationResponse> {
      const { map, graph } = await deps.maps.readGraph(mapId, actor);
      if (readingId !== undefined) requireReading(graph, readingId);
      return { mapId, version: map.version, readingId: readingId ?? null, ...evaluationOf(graph, readingId)! };
    },

    /** Two readings side by side (the caller has checked they differ). */
    async compare(mapId: string, actor: Actor, a: string, b: string): Promise<Comparison> {
      const { graph } = await deps.maps.readGraph(mapId, actor);
      requireReading(graph, a);
      requireReading(graph, b);
      return compareReadings(graph, [a, b]);
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
