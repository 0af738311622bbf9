import type { LayoutBox, LayoutLink } from './layout-protocol';

/**
 * A quick layered ("Sugiyama") layout for maps too large for ELK to lay out in time: ELK's layered algorithm
 * takes seconds to tens of seconds on 1,000 nodes, this takes milliseconds. Same picture in the large: each link's
 * source sits in a row below its target (reasons under what they back), rows are ordered to keep linked nodes
 * near each other, and each node is centred over or under what it links to as far as its row allows.
 *
 * Simplifications against ELK: links spanning several rows get no dummy nodes (ordering uses every neighbour's
 * relative place), and separate components are packed into rows of a roughly square overall shape.
 */

const NODE_GAP = 48;
const ROW_GAP = 72;
const COMPONENT_GAP = 96;
const ORDER_SWEEPS = 6;
const PLACE_SWEEPS = 6;

type Positions = Record<string, { x: number; y: number }>;

interface Graph {
  boxes: readonly LayoutBox[];
  /** Neighbours per node index: `up` are link targets (rows above), `down` link sources (rows below). */
  up: number[][];
  down: number[][];
}

export function layeredLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Positions {
  const graph = buildGraph(boxes, links);
  const rank = assignRows(graph);
  const positions: Positions = {};
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  const laidOut = components(graph).map((members) => layOutComponent(graph, rank, members));
  // Largest first, packed left to right into shelves about as wide as the whole would be if square.
  laidOut.sort((a, b) => b.height * b.width - a.height * a.width);
  const area = laidOut.reduce((sum, c) => sum + (c.width + COMPONENT_GAP) * (c.height + COMPONENT_GAP), 0);
  const shelfWidth = Math.max(laidOut[0]?.width ?? 0, Math.sqrt(area) * 1.5);
  for (const component of laidOut) {
    if (cursorX > 0 && cursorX + component.width > shelfWidth) {
      cursorX = 0;
      cursorY += rowHeight + COMPONENT_GAP;
      rowHeight = 0;
    }
    for (const [index, at] of component.positions) positions[boxes[index]!.id] = { x: at.x + cursorX, y: at.y + cursorY };
    cursorX += component.width + COMPONENT_GAP;
    rowHeight = Math.max(rowHeight, component.height);
  }
  return positions;
}

function buildGraph(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Graph {
  const index = new Map(boxes.map((b, i) => [b.id, i]));
  const up: number[][] = boxes.map(() => []);
  const down: number[][] = boxes.map(() => []);
  const seen = new Set<string>();
  for (const link of links) {
    const s = index.get(link.source);
    const t = index.get(link.target);
    const key = `${link.source}>${link.target}`;
    if (s === undefined || t === undefined || s === t || seen.has(key)) continue;
    seen.add(key);
    up[s]!.push(t);
    down[t]!.push(s);
  }
  breakCycles(up, down);
  return { boxes, up, down };
}

/** Turns around the links that close a cycle (found by depth-first search), so rows can be assigned. */
function breakCycles(up: number[][], down: number[][]): void {
  const state = new Uint8Array(up.length); // 0 unvisited, 1 on the stack, 2 done
  for (let root = 0; root < up.length; root++) {
    if (state[root] !== 0) continue;
    const stack: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = up[frame.node]!;
      if (frame.next >= targets.length) {
        state[frame.node] = 2;
        stack.pop();
        continue;
      }
      const target = targets[frame.next]!;
      if (state[target] === 1) {
        // frame.node → target closes a cycle: draw it the other way round.
        targets.splice(frame.next, 1);
        down[target]!.splice(down[target]!.indexOf(frame.node), 1);
        if (!up[target]!.includes(frame.node)) {
          up[target]!.push(frame.node);
          down[frame.node]!.push(target);
        }
        continue;
      }
      frame.next++;
      if (state[target] === 0) {
        state[target] = 1;
        stack.push({ node: target, next: 0 });
      }
    }
  }
}

/** Longest path from the top: what backs nothing is in row 0, a source one row below its lowest target. */
function assignRows({ up, down }: Graph): Int32Array {
  const rank = new Int32Array(up.length);
  const waiting = up.map((targets) => targets.length);
  const ready: number[] = [];
  waiting.forEach((count, i) => count === 0 && ready.push(i));
  while (ready.length > 0) {
    const node = ready.pop()!;
    for (const source of down[node]!) {
      rank[source] = Math.max(rank[source]!, rank[node]! + 1);
      if (--waiting[source]! === 0) ready.push(source);
    }
  }
  return rank;
}

/** Connected components, each as its node indices. */
function components({ up, down }: Graph): number[][] {
  const component = new Int32Array(up.length).fill(-1);
  const result: number[][] = [];
  for (let start = 0; start < up.length; start++) {
    if (component[start] !== -1) continue;
    const members = [start];
    component[start] = result.length;
    for (let i = 0; i < members.length; i++) {
      for (const next of [...up[members[i]!]!, ...down[members[i]!]!]) {
        if (component[next] !== -1) continue;
        component[next] = result.length;
        members.push(next);
      }
    }
    result.push(members);
  }
  return result;
}

interface LaidOutComponent {
  positions: Map<number, { x: number; y: number }>;
  width: number;
  height: number;
}

function layOutComponent(graph: Graph, rank: Int32Array, members: number[]): LaidOutComponent {
  const rows = orderRows(graph, rank, members);
  const centerX = placeInRows(graph, rows);
  const positions = new Map<number, { x: number; y: number }>();
  let minX = Infinity;
  let maxX = -Infinity;
  let y = 0;
  for (const row of rows) {
    const rowHeight = Math.max(...row.map((n) => graph.boxes[n]!.height));
    for (const node of row) {
      const { width } = graph.boxes[node]!;
      const x = centerX[node]! - width / 2;
      positions.set(node, { x, y });
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x + width);
    }
    y += rowHeight + ROW_GAP;
  }
  for (const at of positions.values()) at.x -= minX;
  return { positions, width: maxX - minX, height: y - ROW_GAP };
}

/**
 * The nodes of each row, left to right: first in depth-first order from the top (a node's reasons start out
 * together), then sorted a few times by the mean place of their neighbours (the barycenter heuristic).
 */
function orderRows({ up, down }: Graph, rank: Int32Array, members: number[]): number[][] {
  const rowCount = Math.max(...members.map((m) => rank[m]!)) + 1;
  const rows: number[][] = Array.from({ length: rowCount }, () => []);
  const visited = new Set<number>();
  const visit = (start: number) => {
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (visited.has(node)) continue;
      visited.add(node);
      rows[rank[node]!]!.push(node);
      for (let i = down[node]!.length - 1; i >= 0; i--) stack.push(down[node]![i]!);
    }
  };
  for (const m of members) if (rank[m] === 0) visit(m);
  for (const m of members) visit(m);

  // Place of each node in its row, scaled to 0..1 so rows of different lengths compare.
  const place = new Float64Array(up.length);
  const updatePlaces = (row: number[]) => row.forEach((n, i) => (place[n] = (i + 0.5) / row.length));
  rows.forEach(updatePlaces);
  const meanPlace = (neighbours: number[], own: number) =>
    neighbours.length === 0 ? own : neighbours.reduce((sum, n) => sum + place[n]!, 0) / neighbours.length;
  for (let sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    for (let r = downward ? 1 : rowCount - 2; downward ? r < rowCount : r >= 0; r += downward ? 1 : -1) {
      const row = rows[r]!;
      const key = new Map(row.map((n) => [n, meanPlace(downward ? up[n]! : down[n]!, place[n]!)]));
      row.sort((a, b) => key.get(a)! - key.get(b)!);
      updatePlaces(row);
    }
  }
  return rows;
}

/**
 * Horizontal centres: each row in turn wants every node centred on its neighbours in the row before, and gets
 * the closest placement that keeps its order and the gaps (least squares, by pooling adjacent violators).
 */
function placeInRows({ boxes, up, down }: Graph, rows: number[][]): Float64Array {
  const center = new Float64Array(boxes.length);
  for (const row of rows) {
    let x = 0;
    for (const node of row) {
      center[node] = x + boxes[node]!.width / 2;
      x += boxes[node]!.width + NODE_GAP;
    }
  }
  for (let sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
    // Upward first: rows of reasons are the widest, so what they back centres over them.
    const upward = sweep % 2 === 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[upward ? rows.length - 1 - i : i]!;
      const wanted = row.map((node) => {
        const neighbours = upward ? down[node]! : up[node]!;
        return neighbours.length === 0 ? center[node]! : neighbours.reduce((s, n) => s + center[n]!, 0) / neighbours.length;
      });
      fitInOrder(row, wanted, boxes, center);
    }
  }
  return center;
}

/** Least-squares centres for a row's nodes near `wanted`, in order and at least NODE_GAP apart. */
function fitInOrder(row: number[], wanted: number[], boxes: readonly LayoutBox[], center: Float64Array): void {
  // Shifted by each node's minimal offset from the first, the constraint becomes "non-decreasing".
  const offset: number[] = [];
  let sum = 0;
  row.forEach((node, i) => {
    if (i > 0) sum += boxes[row[i - 1]!]!.width / 2 + NODE_GAP + boxes[node]!.width / 2;
    offset.push(sum);
  });
  const blocks: Array<{ value: number; count: number }> = [];
  for (let i = 0; i < row.length; i++) {
    blocks.push({ value: wanted[i]! - offset[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value) {
      const last = blocks.pop()!;
      const before = blocks[blocks.length - 1]!;
      before.value = (before.value * before.count + last.value * last.count) / (before.count + last.count);
      before.count += last.count;
    }
  }
  let i = 0;
  for (const block of blocks) for (let k = 0; k < block.count; k++, i++) center[row[i]!] = block.value + offset[i]!;
}
