import type { IArgument } from '@argdown/core';
import { clip, warn, type ImportDraft } from '../draft.js';
import { EDGE_TAGS } from './export.js';

/**
 * What an Argdown argument became: an `argument` (premise–conclusion), an `edge` (a single relation written as an
 * argument tagged with its kind, so it could be undercut), or a `sketch` (no premise–conclusion structure).
 * `key` is what an undercut of its inference targets; `conclusionKey` is what its outgoing relations start from.
 */
export interface ArgumentShape {
  kind: 'argument' | 'edge' | 'sketch';
  key: string;
  conclusionKey: string | null;
  label: string;
  at: string | null;
}

/**
 * Adds an argument's premise–conclusion structure to the draft. A multi-step structure (intermediary conclusions)
 * becomes one argument per inference: each step's premises are those listed since the previous conclusion, plus
 * that conclusion. The last step carries the argument's key, so undercuts of the argument aim at it.
 */
export function argumentSteps(argument: IArgument, draft: ImportDraft, statementKey: (title: string) => string): ArgumentShape {
  const title = argument.title ?? '';
  const key = `a:${title}`;
  // Where it is defined (its description); the structure's own line otherwise.
  const line = argument.members.find((m) => m.startLine)?.startLine ?? argument.startLine;
  const at = line ? `line ${line}` : null;
  const label = clip(argument.members.map((m) => m.text?.trim() ?? '').find(Boolean) ?? '', 500);
  if (argument.pcs.length === 0) return { kind: 'sketch', key, conclusionKey: null, label, at };

  const steps: { premises: string[]; conclusion: string }[] = [];
  let pending: string[] = [];
  for (const statement of argument.pcs) {
    const statementTitle = statementKey(statement.title ?? '');
    if (statement.role === 'premise') {
      pending.push(statementTitle);
      continue;
    }
    const previous = steps[steps.length - 1]?.conclusion;
    steps.push({ premises: previous ? [previous, ...pending] : pending, conclusion: statementTitle });
    pending = [];
  }
  if (steps.length === 0) {
    warn(draft, at, `<${clip(title, 60)}> lists premises but no conclusion; it is left out.`);
    return { kind: 'sketch', key, conclusionKey: null, label, at };
  }
  if (pending.length > 0) warn(draft, at, `<${clip(title, 60)}>: premises after the last conclusion are left out.`);
  if (steps.length > 1) warn(draft, at, `<${clip(title, 60)}> has ${steps.length} inference steps; each becomes its own argument.`);

  const last = steps[steps.length - 1]!;
  const edgeKind = (['supports', 'quotes'] as const).find((k) => argument.tags?.includes(EDGE_TAGS[k]));
  if (steps.length === 1 && last.premises.length === 1 && edgeKind) {
    draft.edges.push({ key, kind: edgeKind, fromKey: last.premises[0]!, toKey: last.conclusion, label, at });
    return { kind: 'edge', key, conclusionKey: last.conclusion, label, at };
  }
  steps.forEach((step, i) => {
    const stepKey = i === steps.length - 1 ? key : `${key}#${i + 1}`;
    draft.arguments.push({ key: stepKey, premiseKeys: step.premises, conclusionKey: step.conclusion, label, x: null, y: null, at });
  });
  return { kind: 'argument', key, conclusionKey: last.conclusion, label, at };
}
