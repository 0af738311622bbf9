import type { ImportDraft } from './draft.js';

const COLUMN = 320;
const ROW = 260;

/**
 * Gives a position to every node and argument of a draft that has none (Argdown and plain AIF carry no layout):
 * layered, conclusions on top and their reasons in rows below, the way the canvas's own auto layout reads.
 * Positioned entities stay where the file put them; the rest go below them. Returns new positions by key.
 */
export function layoutDraft(draft: ImportDraft): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const unplaced = draft.nodes.filter((n) => n.x === null || n.y === null);
  for (const node of draft.nodes) if (node.x !== null && node.y !== null) positions.set(node.key, { x: node.x, y: node.y });

  if (unplaced.length > 0) {
    // What each node gives a reason for (or against, or answers): the layer above it.
    const targets = new Map<string, string[]>();
    const edgeTo = new Map(draft.edges.map((e) => [e.key, e]));
    const argumentTo = new Map(draft.arguments.map((a) => [a.key, a]));
    const add = (from: string, to: string) => targets.set(from, [...(targets.get(from) ?? []), to]);
    for (const edge of draft.edges) {
      const target = edge.kind === 'undercuts' ? (edgeTo.get(edge.toKey)?.toKey ?? argumentTo.get(edge.toKey)?.conclusionKey) : edge.toKey;
      if (target) add(edge.fromKey, target);
    }
    for (const argument of draft.arguments) for (const premise of argument.premiseKeys) add(premise, argument.conclusionKey);

    const levels = layerLevels(unplaced.map((n) => n.key), targets);
    const top = positions.size > 0 ? Math.max(...[...positions.values()].map((p) => p.y)) + ROW : 0;
    const rowFill = new Map<number, number>();
    for (const node of unplaced) {
      const level = Math.min(levels.get(node.key) ?? 0, 1000);
      const column = rowFill.get(level) ?? 0;
      rowFill.set(level, column + 1);
      // Very wide layers wrap, so a huge flat file stays within the canvas bounds.
      positions.set(node.key, { x: (column % 100) * COLUMN, y: top + level * ROW + Math.floor(column / 100) * 120 });
    }
  }

  // Argument markers sit between their premises and their conclusion.
  for (const argument of draft.arguments) {
    if (argument.x !== null && argument.y !== null) {
      positions.set(argument.key, { x: argument.x, y: argument.y });
      continue;
    }
    const premises = argument.premiseKeys.map((k) => positions.get(k)).filter((p) => p !== undefined);
    const conclusion = positions.get(argument.conclusionKey);
    const xs = premises.length > 0 ? premises.map((p) => p.x) : [conclusion?.x ?? 0];
    const premiseY = premises.length > 0 ? Math.min(...premises.map((p) => p.y)) : (conclusion?.y ?? 0) + ROW;
    positions.set(argument.key, {
      x: xs.reduce((a, b) => a + b, 0) / xs.length + 100,
      y: ((conclusion?.y ?? 0) + premiseY) / 2 + 60,
    });
  }
  return positions;
}

/**
 * The layer of each node: 0 when it targets nothing, else one more than the highest layer it targets. Iterative
 * (a hostile file may chain thousands of claims); a cycle is cut where it closes.
 */
function layerLevels(keys: readonly string[], targets: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  for (const root of keys) {
    if (levels.has(root)) continue;
    const stack = [{ key: root, next: 0, highest: -1 }];
    visiting.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const target = (targets.get(top.key) ?? [])[top.next++];
      if (target === undefined) {
        const level = top.highest + 1;
        levels.set(top.key, level);
        visiting.delete(top.key);
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.highest = Math.max(parent.highest, level);
      } else if (levels.has(target)) {
        top.highest = Math.max(top.highest, levels.get(target)!);
      } else if (!visiting.has(target)) {
        visiting.add(target);
        stack.push({ key: target, next: 0, highest: -1 });
      }
    }
  }
  return levels;
}
