import { evaluateGraph, evaluateReading, sameEvaluationInput, type Graph } from '@counterpoint/shared';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DecorationStore } from './canvas-decorations';
import { readingColors } from './reading-colors';

/** Which readings the compare view shows (two or more, normally of one event). */
export interface CompareChoice {
  eventId: string | null;
  readingIds: string[];
}

/**
 * The editor's state around readings and evaluation: whether the Readings panel is open, whether labels are
 * shown and of what (the whole map or one reading), the "show only reading X" filter, the compare view's
 * choice — and the canvas decorations they make, recomputed from the displayed graph on every change (so the
 * labels follow edits live, and time travel shows the labels of the past version).
 */
export function useReadingsWorkspace(graph: Graph) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [labelsShown, setLabelsShown] = useState(true);
  const [scope, setScope] = useState<string | null>(null);
  const [filter, setFilter] = useState<string | null>(null);
  const [compare, setCompare] = useState<CompareChoice | null>(null);

  // A reading someone deleted stops being the scope or the filter by itself.
  const scopeId = scope && graph.readings[scope] ? scope : null;
  const filterId = filter && graph.readings[filter] ? filter : null;
  const colors = useMemo(() => readingColors(graph.readings), [graph.readings]);
  // Moves and rewording change no label: the evaluation is redone only when its input changed.
  const evaluated = useRef(graph);
  if (!sameEvaluationInput(evaluated.current, graph)) evaluated.current = graph;
  const evaluationInput = evaluated.current;
  const evaluation = useMemo(
    () => (labelsShown ? (scopeId ? evaluateReading(evaluationInput, scopeId) : evaluateGraph(evaluationInput)) : null),
    [evaluationInput, labelsShown, scopeId],
  );

  const [decorations] = useState(() => new DecorationStore());
  useLayoutEffect(() => {
    decorations.update({ graph, colors, evaluation, scopeReadingId: scopeId, filterReadingId: filterId });
  }, [decorations, graph, colors, evaluation, scopeId, filterId]);

  return {
    decorations,
    colors,
    evaluation,
    panelOpen,
    setPanelOpen,
    labelsShown,
    setLabelsShown,
    scopeId,
    setScope,
    filterId,
    setFilter,
    compare,
    setCompare,
  };
}

export type ReadingsWorkspace = ReturnType<typeof useReadingsWorkspace>;
