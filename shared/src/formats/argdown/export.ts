import type { GraphEdge } from '../../graph.js';
import type { ExportInput } from '../types.js';
import { escapeArgdown, flatten, frontMatterValue, tagFor, TitleRegistry, titleFrom } from './text.js';

/** Tags that carry a node's kind (claims carry none). */
export const KIND_TAGS = { question: 'question', evidence: 'evidence', note: 'note' } as const;
/** Tags on an argument that stands for a single undercut relation rather than a premise–conclusion argument. */
export const EDGE_TAGS = { supports: 'supports', quotes: 'quotes', attacks: 'attacks' } as const;

/** What the front matter's `counterpoint` entry holds: what Argdown syntax has no place for. */
export interface ArgdownSideData {
  version: 1;
  sources: Record<string, { title: string; kind: string; author: string | null; date: string | null; url: string | null }>;
  evidence: Record<string, { source: string; start: number; end: number; caption: string }>;
  events: { key: string; title: string; period: string; description: string }[];
  readings: { tag: string; title: string; authorName: string; description: string; event: string | null }[];
}

/**
 * Writes a map as Argdown. Each node is a statement `[Title]: text` (kinds other than claim as tags `#question`,
 * `#evidence`, `#note`; readings as tags `#(Reading title)`), followed by the relations that arrive at it:
 * `+` supports (and quotes, and answers to a question), `-` attacks. Each argument is an argument `<Title>` with
 * its premise–conclusion structure, followed by its undercuts `_`. A relation that is undercut becomes an argument
 * tagged with its kind, so the undercut has an inference to aim at. Front matter keeps the title, description,
 * events, readings and where each quotation sits in its source. Lost: positions, relation labels, and which
 * relations a reading holds (on import a reading holds the relations among its statements).
 */
export function exportArgdown(input: ExportInput): string {
  const { graph } = input;
  const nodes = Object.values(graph.nodes).sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const edges = Object.values(graph.edges).sort((a, b) => (a.id < b.id ? -1 : 1));
  const statementTitles = new TitleRegistry();
  const argumentTitles = new TitleRegistry();
  const title = new Map<string, string>();
  nodes.forEach((n, i) => title.set(n.id, statementTitles.take(titleFrom(n.kind === 'evidence' ? (n.quote?.exact ?? n.text) : n.text, `Statement ${i + 1}`))));

  const side: ArgdownSideData = { version: 1, sources: {}, evidence: {}, events: [], readings: [] };
  const sourceKeys = new Map<string, string>();
  for (const source of input.sources) {
    const key = `s${sourceKeys.size + 1}`;
    sourceKeys.set(source.id, key);
    side.sources[key] = { title: source.title, kind: source.kind, author: source.author, date: source.date, url: source.url };
  }
  const eventKeys = new Map(Object.values(graph.events).map((e, i) => [e.id, `e${i + 1}`]));
  side.events = Object.values(graph.events).map((e) => ({ key: eventKeys.get(e.id)!, title: e.title, period: e.period, description: e.description }));
  const readingTags = new TitleRegistry();
  const tagsOf = new Map<string, string[]>();
  for (const reading of Object.values(graph.readings)) {
    const tag = readingTags.take(tagFor(reading.title));
    side.readings.push({ tag, title: reading.title, authorName: reading.authorName, description: reading.description, event: reading.eventId ? (eventKeys.get(reading.eventId) ?? null) : null });
    for (const nodeId of reading.nodeIds) tagsOf.set(nodeId, [...(tagsOf.get(nodeId) ?? []), tag]);
  }

  const undercut = new Set(edges.filter((e) => e.kind === 'undercuts').map((e) => e.toId));
  const arriving = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    if (edge.kind !== 'undercuts' && !undercut.has(edge.id)) arriving.set(edge.toId, [...(arriving.get(edge.toId) ?? []), edge]);
  }
  const undercuts = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind === 'undercuts') undercuts.set(edge.toId, [...(undercuts.get(edge.toId) ?? []), `  _ [${title.get(edge.fromId)}]`]);
  }
  const lines: string[] = [];
  for (const node of nodes) {
    const tags = [...(node.kind === 'claim' ? [] : [`#${KIND_TAGS[node.kind]}`]), ...(tagsOf.get(node.id) ?? []).map((t) => `#(${t})`)];
    const text = node.kind === 'evidence' ? (node.quote?.exact ?? '') : node.text;
    lines.push(`[${title.get(node.id)}]: ${escapeArgdown(text)}${tags.length ? ` ${tags.join(' ')}` : ''}`.trimEnd());
    if (node.quote) {
      side.evidence[title.get(node.id)!] = { source: sourceKeys.get(node.quote.sourceId) ?? '', start: node.quote.start, end: node.quote.end, caption: node.text };
    }
    for (const edge of arriving.get(node.id) ?? []) lines.push(`  ${edge.kind === 'attacks' ? '-' : '+'} [${title.get(edge.fromId)}]`);
    lines.push('');
  }

  for (const argument of Object.values(graph.arguments).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const name = argumentTitles.take(titleFrom(argument.label, `Argument for ${title.get(argument.conclusionId)}`));
    lines.push(argument.label ? `<${name}>: ${escapeArgdown(argument.label)}` : `<${name}>`, '');
    argument.premiseIds.forEach((p, i) => lines.push(`(${i + 1}) [${title.get(p)}]`));
    lines.push('----', `(${argument.premiseIds.length + 1}) [${title.get(argument.conclusionId)}]`, '');
    pushRelations(lines, name, undercuts.get(argument.id) ?? []);
  }
  for (const edge of edges.filter((e) => undercut.has(e.id))) {
    const { name, lines: written } = undercutRelation(edge, argumentTitles, title);
    lines.push(...written, '');
    pushRelations(lines, name, undercuts.get(edge.id) ?? []);
  }

  const header = [`title: ${JSON.stringify(flatten(input.title))}`];
  if (input.description) header.push(`abstract: ${frontMatterValue(flatten(input.description))}`);
  header.push(`counterpoint: ${frontMatterValue(side)}`);
  return ['===', ...header, '===', '', `# ${escapeArgdown(input.title)}`, '', ...lines].join('\n').replace(/\n+$/, '\n');
}

function pushRelations(lines: string[], argumentTitle: string, relations: string[]) {
  if (relations.length > 0) lines.push(`<${argumentTitle}>`, ...relations, '');
}

/**
 * A supports or quotes relation that is undercut, as an argument `X, therefore Y` tagged with its kind; an
 * attack as a sketched argument that X supports and that attacks Y (Argdown has no premise–conclusion form for
 * "therefore not Y").
 */
function undercutRelation(edge: GraphEdge, registry: TitleRegistry, title: Map<string, string>) {
  const from = title.get(edge.fromId)!;
  const to = title.get(edge.toId)!;
  const kind = edge.kind as 'supports' | 'quotes' | 'attacks';
  const name = registry.take(titleFrom(`${from} ${kind} ${to}`, 'Relation'));
  const head = `<${name}>: ${edge.label ? `${escapeArgdown(edge.label)} ` : ''}#${EDGE_TAGS[kind]}`;
  if (kind === 'attacks') return { name, lines: [head, `  -> [${to}]`, `  <+ [${from}]`] };
  return { name, lines: [head, '', `(1) [${from}]`, '----', `(2) [${to}]`] };
}
