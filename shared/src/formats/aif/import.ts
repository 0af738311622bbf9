import { clip, emptyDraft, warn, type DraftEdge, type ImportDraft } from '../draft.js';
import { AIF_DEFAULT_TEXT } from './export.js';
import { readAif, type AifGraph, type AifNode } from './read.js';

const isQuestioning = (ya: AifNode) => /question/i.test(ya.text);
const labelOf = (scheme: AifNode) => (Object.values(AIF_DEFAULT_TEXT).includes(scheme.text.trim() as never) ? '' : clip(scheme.text.trim(), 500));
const short = (text: string) => `“${clip(text.replace(/\s+/g, ' ').trim(), 60)}”`;

/**
 * Reads AIF-JSON (OVA, AIFdb, Counterpoint's own export) into an import draft. I-nodes become claims (questions
 * when a YA questions them, or when they ask and an MA answers); an RA with one premise becomes a supports edge and
 * one with several an argument; a CA becomes an attack, or an undercut when it targets an RA or CA; an MA from a
 * question becomes an answer. Locutions, illocutions, transitions and preferences have no counterpart: each is
 * reported by its nodeID, never dropped silently.
 */
export function importAif(text: string, options: { title?: string } = {}): ImportDraft {
  const draft = emptyDraft(options.title?.trim() || 'Imported AIF map');
  const aif = readAif(text, draft);
  const nodes = [...aif.nodes.values()];
  const ofType = (ids: readonly string[] | undefined, type: string) => (ids ?? []).filter((id) => aif.nodes.get(id)?.type === type);
  const into = (id: string) => aif.incoming.get(id) ?? [];
  const from = (id: string) => aif.outgoing.get(id) ?? [];

  const questions = new Set<string>();
  for (const node of nodes) {
    if (node.type === 'YA' && isQuestioning(node)) ofType(from(node.id), 'I').forEach((id) => questions.add(id));
    if (node.type === 'MA') ofType(into(node.id), 'I').filter((id) => aif.nodes.get(id)!.text.trim().endsWith('?')).forEach((id) => questions.add(id));
  }
  const key = (id: string) => `aif:${id}`;
  for (const node of nodes) {
    if (node.type !== 'I') continue;
    draft.nodes.push({ key: key(node.id), kind: questions.has(node.id) ? 'question' : 'claim', text: node.text, x: node.x, y: node.y, quote: null, at: `node ${node.id}` });
  }

  // What each RA and CA became, so undercuts (CA → RA, CA → CA) can find their target.
  const inference = new Map<string, string>();
  const edge = (e: Omit<DraftEdge, 'at'>, id: string) => draft.edges.push({ ...e, at: `node ${id}` });

  for (const ra of nodes.filter((n) => n.type === 'RA')) {
    const premises = ofType(into(ra.id), 'I');
    const conclusions = ofType(from(ra.id), 'I');
    const at = `node ${ra.id}`;
    if (conclusions.length !== 1 || premises.length === 0) {
      warn(draft, at, `RA-node with ${premises.length} premise(s) and ${conclusions.length} conclusion(s) (I-nodes); an inference needs at least one premise and exactly one conclusion, so it is left out.`);
      continue;
    }
    const conclusion = conclusions[0]!;
    if (questions.has(conclusion)) {
      premises.forEach((p, i) => edge({ key: `aif:${ra.id}:${i}`, kind: 'answers', fromKey: key(p), toKey: key(conclusion), label: '' }, ra.id));
      warn(draft, at, 'RA-node concludes in a question: its premises are imported as answers to it.');
    } else if (premises.length === 1) {
      edge({ key: key(ra.id), kind: 'supports', fromKey: key(premises[0]!), toKey: key(conclusion), label: labelOf(ra) }, ra.id);
      inference.set(ra.id, key(ra.id));
    } else {
      draft.arguments.push({ key: key(ra.id), premiseKeys: premises.map(key), conclusionKey: key(conclusion), label: labelOf(ra), x: ra.x, y: ra.y, at });
      inference.set(ra.id, key(ra.id));
    }
  }

  // Attacks first, so an undercut of an attack (CA → CA) finds the edge it targets, whatever the file order.
  const conflicts = nodes.filter((n) => n.type === 'CA');
  const targetOf = (ca: AifNode) => from(ca.id).filter((id) => aif.nodes.get(id)?.type !== 'YA');
  for (const ca of conflicts) {
    const attackers = ofType(into(ca.id), 'I');
    const targets = targetOf(ca);
    if (targets.length === 1 && aif.nodes.get(targets[0]!)?.type === 'I' && attackers.length > 0) {
      attackers.forEach((a, i) => edge({ key: i === 0 ? key(ca.id) : `aif:${ca.id}:${i}`, kind: 'attacks', fromKey: key(a), toKey: key(targets[0]!), label: labelOf(ca) }, ca.id));
      if (attackers.length === 1) inference.set(ca.id, key(ca.id));
    }
  }
  for (const ca of conflicts) {
    const attackers = ofType(into(ca.id), 'I');
    const targets = targetOf(ca);
    const target = targets.length === 1 ? aif.nodes.get(targets[0]!)! : null;
    const at = `node ${ca.id}`;
    if (target?.type === 'I' && attackers.length > 0) continue;
    const undercut = target && (target.type === 'RA' || target.type === 'CA') ? inference.get(target.id) : undefined;
    if (attackers.length === 0 || !target || !undercut) {
      warn(draft, at, `CA-node with ${attackers.length} attacker(s) and target ${target ? `${target.type}-node ${target.id}` : 'none or several'}: Counterpoint cannot represent this conflict, so it is left out.`);
      continue;
    }
    attackers.forEach((a, i) => edge({ key: i === 0 ? key(ca.id) : `aif:${ca.id}:${i}`, kind: 'undercuts', fromKey: key(a), toKey: undercut, label: labelOf(ca) }, ca.id));
  }

  for (const node of nodes) reportOther(draft, aif, node, questions);
  return draft;
}

/** MA, PA, L, YA, TA and unknown types: an answer where an MA joins a question, else a warning by nodeID. */
function reportOther(draft: ImportDraft, aif: AifGraph, node: AifNode, questions: ReadonlySet<string>) {
  const at = `node ${node.id}`;
  const linked = (ids: string[] | undefined) => (ids ?? []).filter((id) => aif.nodes.get(id)?.type === 'I');
  switch (node.type) {
    case 'I':
    case 'RA':
    case 'CA':
      return;
    case 'MA': {
      const [source] = linked(aif.incoming.get(node.id));
      const [target] = linked(aif.outgoing.get(node.id));
      if (source && target && questions.has(source) !== questions.has(target)) {
        const [question, answer] = questions.has(source) ? [source, target] : [target, source];
        draft.edges.push({ key: `aif:${node.id}`, kind: 'answers', fromKey: `aif:${answer}`, toKey: `aif:${question}`, label: '', at });
        return;
      }
      return warn(draft, at, 'MA-node (rephrase) between two statements: Counterpoint has no rephrase relation; both statements are kept, unlinked.');
    }
    case 'PA':
      return warn(draft, at, 'PA-node (preference): Counterpoint has no preferences between arguments; it is left out.');
    case 'TA':
      return warn(draft, at, 'TA-node (transition between locutions): dialogue structure is not imported.');
    case 'YA': {
      const [target] = linked(aif.outgoing.get(node.id));
      const what = target && questions.has(target) ? 'made its I-node a question' : 'is not imported';
      return warn(draft, at, `YA-node (${node.text.trim() || 'illocution'}): this illocution ${what}; who said what is not kept.`);
    }
    case 'L': {
      const speaker = aif.speakerOf.get(node.id);
      return warn(draft, at, `L-node ${short(node.text)}${speaker ? ` by ${speaker}` : ''}: locutions are not imported; what was said is kept as its I-node, not who said it.`);
    }
    default:
      return warn(draft, at, `Unknown AIF node type “${clip(node.type, 20)}”; it is left out.`);
  }
}
