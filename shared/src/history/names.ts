import type { Graph, GraphNode } from '../graph.js';
import type { Op } from '../ops.js';

/** How many characters of a text an activity line or an undo report quotes. */
export const QUOTED_TEXT_MAX = 40;

/**
 * Shortens a text for quoting in one line: whitespace collapsed, at most `max` characters including the ellipsis,
 * cut at a word boundary when one is near (so "Revolutionaries need a party" reads "Revolutionaries need…").
 */
export function shortenText(text: string, max = QUOTED_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Code points, not UTF-16 units, so an emoji or a CJK supplement character is never cut in half.
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space >= max / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** What a node shows: its text, or for an evidence node without a caption the quoted words. */
export function nodeDisplayText(node: Pick<GraphNode, 'text' | 'quote'>): string {
  if (node.text.trim() !== '') return node.text;
  return node.quote?.exact ?? '(empty)';
}

/**
 * A short human name for any entity of the graph, for sentences: a node is its quoted text, an edge its two ends
 * (an edge that is itself the target of an undercut is put in parentheses), an argument "the argument for …".
 * Never throws: an id the graph does not hold reads "something that no longer exists".
 */
export function entityName(graph: Graph, id: string, nested = false): string {
  const node = graph.nodes[id];
  if (node) return `"${shortenText(nodeDisplayText(node))}"`;
  const edge = graph.edges[id];
  if (edge) {
    const name = `${entityName(graph, edge.fromId, true)} → ${entityName(graph, edge.toId, true)}`;
    return nested ? `(${name})` : name;
  }
  const argument = graph.arguments[id];
  if (argument) return `the argument for ${entityName(graph, argument.conclusionId, true)}`;
  const event = graph.events[id];
  if (event) return `event "${shortenText(event.title)}"`;
  const reading = graph.readings[id];
  if (reading) return `reading "${shortenText(reading.title)}"`;
  return 'something that no longer exists';
}

/** The id of the entity an op is about (for nodes.move, the first one moved). */
export function opTargetId(op: Op): string {
  switch (op.type) {
    case 'node.create':
      return op.node.id;
    case 'edge.create':
      return op.edge.id;
    case 'argument.create':
      return op.argument.id;
    case 'event.create':
      return op.event.id;
    case 'reading.create':
      return op.reading.id;
    case 'nodes.move':
      return op.moves[0]!.id;
    default:
      return op.id;
  }
}

/** Upper-cases the first letter, for a name that starts a sentence. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
