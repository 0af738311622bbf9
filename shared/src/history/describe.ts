import { applyOp } from '../apply-op.js';
import type { Graph } from '../graph.js';
import type { Op } from '../ops.js';
import { entityName, nodeDisplayText, shortenText } from './names.js';

/**
 * A short sentence for the activity feed, without a subject ("Ana " is put in front by the feed), e.g.
 * `added claim "Revolutionaries need…"`, `connected "A" → "B" (attacks)`, `moved 3 nodes`.
 *
 * `graph` is the map just before the op, where the things an update or delete names still exist. Never throws:
 * an op that names something the graph lacks (a stale feed entry) says "something that no longer exists".
 */
export function describeOp(op: Op, graph: Graph): string {
  switch (op.type) {
    case 'node.create':
      return `added ${op.node.kind} "${shortenText(nodeDisplayText(op.node))}"`;
    case 'node.update':
      return describeNodeUpdate(op.patch, entityName(graph, op.id));
    case 'node.delete': {
      const node = graph.nodes[op.id];
      return `deleted ${node ? `${node.kind} ` : ''}${entityName(graph, op.id)}${alsoRemoved(graph, op)}`;
    }
    case 'nodes.move': {
      const count = new Set(op.moves.map((move) => move.id)).size;
      return count === 1 ? `moved ${entityName(graph, op.moves[0]!.id)}` : `moved ${count} nodes`;
    }
    case 'edge.create':
      return `connected ${entityName(graph, op.edge.fromId)} → ${entityName(graph, op.edge.toId, true)} (${op.edge.kind})`;
    case 'edge.update': {
      const { kind, label } = op.patch;
      const name = entityName(graph, op.id);
      if (kind !== undefined && label !== undefined) return `changed ${name} to ${kind} and relabelled it`;
      if (kind !== undefined) return `changed ${name} to ${kind}`;
      return label === '' ? `removed the label of ${name}` : `relabelled ${name} "${shortenText(label ?? '')}"`;
    }
    case 'edge.delete': {
      const kind = graph.edges[op.id]?.kind;
      return `disconnected ${entityName(graph, op.id)}${kind ? ` (${kind})` : ''}${alsoRemoved(graph, op)}`;
    }
    case 'argument.create': {
      const count = op.argument.premiseIds.length;
      return `added an argument for ${entityName(graph, op.argument.conclusionId)} from ${plural(count, 'premise')}`;
    }
    case 'argument.update':
      return `changed the ${fieldList(op.patch, { premiseIds: 'premises', conclusionId: 'conclusion', label: 'label' })} of ${entityName(graph, op.id)}`;
    case 'argument.delete':
      return `deleted ${entityName(graph, op.id)}${alsoRemoved(graph, op)}`;
    case 'event.create':
      return `added event "${shortenText(op.event.title)}"`;
    case 'event.update':
      return op.patch.title !== undefined
        ? `renamed ${entityName(graph, op.id)} to "${shortenText(op.patch.title)}"`
        : `edited the ${fieldList(op.patch, { period: 'period', description: 'description' })} of ${entityName(graph, op.id)}`;
    case 'event.delete':
      return `deleted ${entityName(graph, op.id)}`;
    case 'reading.create':
      return `created reading "${shortenText(op.reading.title)}"`;
    case 'reading.update': {
      const name = entityName(graph, op.id);
      if (op.patch.title !== undefined) return `renamed ${name} to "${shortenText(op.patch.title)}"`;
      if (op.patch.eventId === null) return `detached ${name} from its event`;
      if (op.patch.eventId !== undefined) return `attached ${name} to ${entityName(graph, op.patch.eventId)}`;
      return `edited the ${fieldList(op.patch, { authorName: 'holder', description: 'description' })} of ${name}`;
    }
    case 'reading.delete':
      return `deleted ${entityName(graph, op.id)}`;
    case 'reading.include':
      return `added ${members(graph, op.nodeIds, op.edgeIds)} to ${entityName(graph, op.id)}`;
    case 'reading.exclude':
      return `removed ${members(graph, op.nodeIds, op.edgeIds)} from ${entityName(graph, op.id)}`;
  }
}

function describeNodeUpdate(patch: Extract<Op, { type: 'node.update' }>['patch'], name: string): string {
  const fields = Object.keys(patch);
  if (fields.length === 1 && patch.kind !== undefined) return `made ${name} ${patch.kind === 'evidence' ? 'evidence' : `a ${patch.kind}`}`;
  if (fields.length === 1 && patch.quote !== undefined) return `changed the quotation of ${name}`;
  return `edited the ${fieldList(patch, { text: 'text', kind: 'kind', quote: 'quotation' })} of ${name}`;
}

/** "text", "text and kind", "text, kind and quotation", in the order given by `names`. */
function fieldList(patch: object, names: Record<string, string>): string {
  const words = Object.entries(names)
    .filter(([field]) => field in patch)
    .map(([, word]) => word);
  if (words.length === 0) return 'details';
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** " and 2 links" when a delete cascades beyond the one thing it names, so the feed does not hide lost work. */
function alsoRemoved(graph: Graph, op: Op): string {
  const result = applyOp(graph, op);
  if (!result.ok) return '';
  const edges = Object.keys(graph.edges).length - Object.keys(result.graph.edges).length - (op.type === 'edge.delete' ? 1 : 0);
  const args = Object.keys(graph.arguments).length - Object.keys(result.graph.arguments).length - (op.type === 'argument.delete' ? 1 : 0);
  const parts = [edges > 0 ? plural(edges, 'link') : '', args > 0 ? plural(args, 'argument') : ''].filter(Boolean);
  return parts.length > 0 ? ` and ${parts.join(' and ')}` : '';
}

function members(graph: Graph, nodeIds: readonly string[], edgeIds: readonly string[]): string {
  const ids = [...new Set(nodeIds), ...new Set(edgeIds)];
  if (ids.length === 1) return entityName(graph, ids[0]!);
  const nodes = new Set(nodeIds).size;
  const edges = new Set(edgeIds).size;
  const parts = [nodes > 0 ? plural(nodes, 'node') : '', edges > 0 ? plural(edges, 'link') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'nothing';
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
