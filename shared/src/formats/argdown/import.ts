import type { IArgument, IEquivalenceClass, IRelation } from '@argdown/core';
import { clip, emptyDraft, fail, warn, type DraftEdge, type ImportDraft } from '../draft.js';
import { ImportFailure } from '../types.js';
import { EDGE_TAGS, KIND_TAGS } from './export.js';
import { ArgdownSide, parseArgdown } from './parse.js';
import { argumentSteps, type ArgumentShape } from './steps.js';

const lineOf = (line: number | undefined | null) => (line ? `line ${line}` : null);
const statementKey = (title: string) => `s:${title}`;
const canonicalText = (ec: IEquivalenceClass) => ec.members.find((m) => m.text?.trim())?.text?.trim() ?? '';
const firstLine = (ec: IEquivalenceClass) => ec.members.find((m) => m.startLine)?.startLine;

/**
 * Reads Argdown into an import draft, parsing with the reference parser @argdown/core. Statements become nodes
 * (`#question`, `#evidence`, `#note` set the kind; other tags name readings), premise–conclusion structures
 * become arguments (a multi-step one, one argument per inference), and relations become edges: support → supports
 * (quotes from evidence, answers to a question), attack → attacks, undercut → undercuts, contradiction → attacks
 * both ways. Syntax errors are errors with their line; what Counterpoint cannot hold is a warning.
 */
export function importArgdown(text: string, options: { title?: string } = {}): ImportDraft {
  if (looksLikeJson(text)) {
    throw new ImportFailure('IMPORT_WRONG_FORMAT', 'This is a JSON file, not Argdown: import it as Counterpoint JSON or AIF.');
  }
  const { response, errors, frontMatter } = parseArgdown(text);
  const statements = Object.values(response.statements ?? {});
  const argdownArguments = Object.values(response.arguments ?? {});
  if (statements.length === 0 && argdownArguments.length === 0) {
    throw new ImportFailure('IMPORT_WRONG_FORMAT', 'No Argdown statements or arguments were found in this file.');
  }
  const heading = response.sections?.[0]?.title;
  const fileTitle = typeof frontMatter.title === 'string' ? frontMatter.title : heading;
  const draft = emptyDraft(options.title?.trim() || fileTitle?.trim() || 'Imported Argdown map');
  if (typeof frontMatter.abstract === 'string') draft.description = clip(frontMatter.abstract, 2000);
  for (const error of errors) fail(draft, lineOf(error.line), `Argdown syntax: ${error.message}`);
  const side = ArgdownSide.parse(frontMatter.counterpoint ?? {});

  // Statements → nodes.
  const kindOf = new Map<string, string>();
  for (const ec of statements) {
    const title = ec.title ?? '';
    const tags = ec.tags ?? [];
    const at = lineOf(firstLine(ec));
    const evidence = tags.includes(KIND_TAGS.evidence) ? side.evidence[title] : undefined;
    const source = evidence ? side.sources[evidence.source] : undefined;
    let kind: 'claim' | 'question' | 'note' | 'evidence' = tags.includes(KIND_TAGS.question) ? 'question' : tags.includes(KIND_TAGS.note) ? 'note' : 'claim';
    const words = canonicalText(ec) || title;
    if (tags.includes(KIND_TAGS.evidence)) {
      if (evidence && source) kind = 'evidence';
      else warn(draft, at, `[${clip(title, 60)}] is tagged #evidence but names no source; it is imported as a claim.`);
    }
    kindOf.set(title, kind);
    draft.nodes.push({
      key: statementKey(title),
      kind,
      text: kind === 'evidence' ? evidence!.caption : words,
      x: null,
      y: null,
      quote: kind === 'evidence' ? { sourceKey: evidence!.source, exact: words, prefix: '', suffix: '', start: evidence!.start, end: evidence!.end } : null,
      at,
    });
  }
  for (const [key, s] of Object.entries(side.sources)) {
    draft.sources.push({ key, id: null, title: s.title || key, kind: s.kind, author: s.author, date: s.date, url: s.url, text: null });
  }

  // Arguments → arguments, single relations (tagged with their kind), or claims (sketched, without premises).
  const shapes = new Map<string, ArgumentShape>();
  for (const argument of argdownArguments) shapes.set(argument.title ?? '', argumentSteps(argument, draft, statementKey));
  const consumed = new Set<IRelation>();
  for (const argument of argdownArguments) {
    const shape = shapes.get(argument.title ?? '')!;
    if (shape.kind === 'sketch') {
      const attack = attackPattern(argument, response.relations ?? []);
      if (attack) {
        attack.relations.forEach((r) => consumed.add(r));
        draft.edges.push({ key: shape.key, kind: 'attacks', fromKey: attack.from, toKey: attack.to, label: shape.label, at: shape.at });
        shapes.set(argument.title ?? '', { ...shape, kind: 'edge' });
      } else {
        draft.nodes.push({ key: shape.key, kind: 'claim', text: shape.label || (argument.title ?? ''), x: null, y: null, quote: null, at: shape.at });
        warn(draft, shape.at, `<${clip(argument.title ?? '', 60)}> has no premise–conclusion structure; it is imported as a claim.`);
      }
    }
  }

  for (const relation of response.relations ?? []) {
    if (!consumed.has(relation)) addRelation(draft, relation, shapes, kindOf);
  }
  addReadings(draft, statements, side);
  return draft;
}

/** A sketched argument tagged #attacks that one statement supports and that attacks one statement (our export). */
function attackPattern(argument: IArgument, relations: IRelation[]) {
  if (!argument.tags?.includes(EDGE_TAGS.attacks)) return null;
  const support = relations.filter((r) => r.to === argument && r.relationType === 'support' && r.from?.type === 'equivalence-class');
  const attack = relations.filter((r) => r.from === argument && r.relationType === 'attack' && r.to?.type === 'equivalence-class');
  if (support.length !== 1 || attack.length !== 1) return null;
  return { from: statementKey(support[0]!.from!.title!), to: statementKey(attack[0]!.to!.title!), relations: [support[0]!, attack[0]!] };
}

/** Where a relation starts or ends, as a draft key: a statement, an argument's conclusion, or an inference. */
function endpoint(member: IRelation['from'], shapes: Map<string, ArgumentShape>, role: 'from' | 'to' | 'inference') {
  if (!member) return null;
  if (member.type === 'equivalence-class') return { key: statementKey(member.title!), node: true, title: member.title! };
  const title = member.type === 'inference' ? (member.argumentTitle ?? '') : (member.title ?? '');
  const shape = shapes.get(title);
  if (!shape) return null;
  if (role === 'inference' || shape.kind === 'sketch') return { key: shape.key, node: shape.kind === 'sketch', title };
  return { key: shape.conclusionKey ?? shape.key, node: true, title };
}

function addRelation(draft: ImportDraft, relation: IRelation, shapes: Map<string, ArgumentShape>, kindOf: Map<string, string>) {
  const at = lineOf(relation.occurrences?.[0]?.startLine);
  const type = relation.relationType;
  const from = endpoint(relation.from, shapes, 'from');
  const to = endpoint(relation.to, shapes, type === 'undercut' ? 'inference' : 'to');
  if (!from || !to) return warn(draft, at, `A ${type} relation whose ends cannot be found is left out.`);
  const key = `r:${draft.edges.length}:${from.key}>${to.key}`;
  const edge = (kind: DraftEdge['kind'], fromKey = from.key, toKey = to.key) => draft.edges.push({ key: `${key}:${kind}:${fromKey === from.key ? 0 : 1}`, kind, fromKey, toKey, label: '', at });
  const fromKind = from.node ? (kindOf.get(from.title) ?? 'claim') : 'claim';
  const toKind = to.node ? (kindOf.get(to.title) ?? 'claim') : 'claim';
  const toShape = relation.to?.type === 'argument' ? shapes.get(relation.to.title ?? '') : undefined;
  if (toShape && toShape.kind !== 'sketch' && (type === 'attack' || type === 'support')) {
    // Argdown lets a statement attack or support a whole argument; Counterpoint aims at its inference or conclusion.
    if (type === 'attack') {
      warn(draft, at, `The attack on the argument <${clip(to.title, 60)}> is imported as an undercut of its inference.`);
      return edge('undercuts', from.key, toShape.key);
    }
    warn(draft, at, `The support of the argument <${clip(to.title, 60)}> is imported as a support of its conclusion.`);
  }
  switch (type) {
    case 'support':
    case 'entails':
      if (toKind === 'question') return edge('answers');
      return edge(fromKind === 'evidence' && toKind === 'claim' ? 'quotes' : 'supports');
    case 'attack':
    case 'contrary':
      return edge('attacks');
    case 'contradictory':
      warn(draft, at, 'A contradiction is imported as two attacks, one each way.');
      edge('attacks');
      return edge('attacks', to.key, from.key);
    case 'undercut':
      if (to.node) {
        warn(draft, at, `The undercut of <${clip(to.title, 60)}> (which has no premises) is imported as an attack on it.`);
        return edge('attacks');
      }
      return edge('undercuts');
    default:
      return warn(draft, at, `A ${String(type)} relation has no counterpart in Counterpoint; it is left out.`);
  }
}

/** Tags other than kinds name readings; a reading holds its tagged statements and the relations among them. */
function addReadings(draft: ImportDraft, statements: IEquivalenceClass[], side: ArgdownSide) {
  const kindTags = new Set<string>(Object.values(KIND_TAGS));
  const members = new Map<string, string[]>();
  for (const ec of statements) {
    for (const tag of ec.tags ?? []) if (!kindTags.has(tag)) members.set(tag, [...(members.get(tag) ?? []), statementKey(ec.title ?? '')]);
  }
  for (const event of side.events) draft.events.push({ key: `e:${event.key}`, title: event.title || event.key, period: event.period, description: event.description, at: 'front matter' });
  // A reading the front matter names but no statement is tagged with (it held relations only) still comes back.
  for (const reading of side.readings) if (!members.has(reading.tag)) members.set(reading.tag, []);
  for (const [tag, nodeKeys] of members) {
    const meta = side.readings.find((r) => r.tag === tag);
    const inside = new Set(nodeKeys);
    const edgeKeys = draft.edges.filter((e) => e.kind !== 'undercuts' && inside.has(e.fromKey) && inside.has(e.toKey)).map((e) => e.key);
    draft.readings.push({
      key: `t:${tag}`,
      eventKey: meta?.event ? `e:${meta.event}` : null,
      title: meta?.title || tag,
      authorName: meta?.authorName ?? '',
      description: meta?.description ?? '',
      nodeKeys,
      edgeKeys,
      at: `tag #(${clip(tag, 60)})`,
    });
  }
}

/** Any text is some Argdown (untitled statements), so a JSON file is caught before it is read as prose. */
function looksLikeJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
