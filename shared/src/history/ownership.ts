import { applyOp } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op } from '../ops.js';

export type Collection = 'nodes' | 'edges' | 'arguments' | 'events' | 'readings';
type Entity = Record<string, unknown>;

const COLLECTIONS: readonly Collection[] = ['nodes', 'edges', 'arguments', 'events', 'readings'];
/** Reading membership is a set of independent facts (include/exclude are set ops), so it is owned per member. */
const isMemberField = (collection: Collection, field: string) => collection === 'readings' && (field === 'nodeIds' || field === 'edgeIds');

/**
 * Who owns what during one undo. `working` is the real graph as the undo goes; `expected` is the same undo replayed
 * on the graph right after my ops, i.e. the map had nobody else acted. Wherever the two differ — from the start
 * (others' edits) or after a step (a sub-op dropped or refused) — the entity, field or reading member is someone
 * else's for the rest of the undo, even if a later step makes the values meet again: that would be a coincidence
 * of values (my undo writing what they wrote), not ownership.
 */
export class Ownership {
  private readonly theirs = new Set<string>();

  constructor(
    private working: Graph,
    private expected: Graph,
  ) {
    for (const collection of COLLECTIONS) {
      const ids = new Set([...Object.keys(working[collection]), ...Object.keys(expected[collection])]);
      for (const id of ids) this.markDifferences(collection, id);
    }
  }

  get real(): Graph {
    return this.working;
  }

  get replayed(): Graph {
    return this.expected;
  }

  /** Moves both graphs one step on and marks whatever the step made differ. */
  advance(working: Graph, expected: Graph) {
    const [oldWorking, oldExpected] = [this.working, this.expected];
    [this.working, this.expected] = [working, expected];
    for (const collection of COLLECTIONS) {
      if (working[collection] === oldWorking[collection] && expected[collection] === oldExpected[collection]) continue;
      const ids = new Set([oldWorking, working, oldExpected, expected].flatMap((graph) => Object.keys(graph[collection])));
      for (const id of ids) {
        const touched = working[collection][id] !== oldWorking[collection][id] || expected[collection][id] !== oldExpected[collection][id];
        if (touched) this.markDifferences(collection, id);
      }
    }
  }

  /** Whether `field` of an entity (or, for reading membership, whether `member` is in it) is still mine. */
  isMine(collection: Collection, id: string, field: string, member?: string): boolean {
    const keys = [`${collection}/${id}`, `${collection}/${id}/${field}`, `${collection}/${id}/${field}/${member}`];
    return !keys.some((key) => this.theirs.has(key));
  }

  /**
   * Whether applying a delete to the real graph would remove or change anything that is not mine: an entity someone
   * else created or edited (a new position too: laying out a map is work, and a re-creation of the same id later
   * in the undo would otherwise put it back where I left it), or a membership, premise or event link someone set.
   */
  deleteTakesOthersWork(op: Op): boolean {
    const result = applyOp(this.working, op);
    if (!result.ok) return false; // the apply step reports the rule it breaks
    for (const collection of COLLECTIONS) {
      for (const [id, was] of Object.entries(this.working[collection]) as [string, Entity][]) {
        const now = result.graph[collection][id] as Entity | undefined;
        if (now === was) continue; // applyOp keeps the identity of what it does not touch
        // Anything about a removed entity that is not as I left it (even a member someone took out of a reading,
        // which a later re-creation of it in this undo would put back) is someone else's work.
        if (!now) {
          if (this.touchedByOthers(collection, id)) return true;
          continue;
        }
        for (const field of Object.keys(was)) {
          if (sameValue(was[field], now[field])) continue;
          // A surviving entity lost reading members, premises or its event: only what it lost must be mine.
          const mine = isMemberField(collection, field)
            ? (was[field] as string[]).filter((m) => !(now[field] as string[]).includes(m)).every((m) => this.isMine(collection, id, field, m))
            : this.isMine(collection, id, field);
          if (!mine) return true;
        }
      }
    }
    return false;
  }

  private touchedByOthers(collection: Collection, id: string): boolean {
    const entity = `${collection}/${id}`;
    for (const key of this.theirs) if (key === entity || key.startsWith(`${entity}/`)) return true;
    return false;
  }

  private markDifferences(collection: Collection, id: string) {
    const a = this.working[collection][id] as Entity | undefined;
    const b = this.expected[collection][id] as Entity | undefined;
    if (!a || !b) {
      if (a || b) this.theirs.add(`${collection}/${id}`);
      return;
    }
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (sameValue(a[field], b[field])) continue;
      if (!isMemberField(collection, field)) {
        this.theirs.add(`${collection}/${id}/${field}`);
        continue;
      }
      const [inA, inB] = [new Set(a[field] as string[]), new Set(b[field] as string[])];
      for (const member of new Set([...inA, ...inB])) {
        if (inA.has(member) !== inB.has(member)) this.theirs.add(`${collection}/${id}/${field}/${member}`);
      }
    }
  }
}

/** Deep equality of JSON-like values, key order aside. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => key in b && sameValue((a as Entity)[key], (b as Entity)[key]));
}
