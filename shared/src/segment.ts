import type { PassageKind } from './source.js';

/** A passage as the segmenter finds it: a span of the text, before it gets an id. */
export interface PassageDraft {
  kind: PassageKind;
  start: number;
  end: number;
  number: string | null;
  author: string | null;
  /** Index of the parent passage in the same list (a reply's comment), or null. */
  parentIndex: number | null;
}

const NUMBERED = /^\s*(\(?\d+(?:\.\d+)*[.)]|\(?[ivxlc]+[.)]|[a-z][.)])\s+/i;
const BULLET = /^\s*[-*•]\s+/;

/**
 * Splits a source's text into passages: blocks separated by blank lines, each a span [start, end) of the text
 * with surrounding white space trimmed. A short block without closing punctuation is a heading; a block that
 * starts with a number or bullet is a list item with its number. Offsets always refer to the unmodified text,
 * so quotations keep exact positions.
 */
export function segmentText(text: string): PassageDraft[] {
  const drafts: PassageDraft[] = [];
  const blockPattern = /\S[\s\S]*?(?=\n[ \t\r]*\n|$(?![\s\S]))/g;
  for (const match of text.matchAll(blockPattern)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.trimEnd().length;
    const block = text.slice(start, end);
    drafts.push({ ...classify(block), start, end, author: null, parentIndex: null });
  }
  return drafts;
}

function classify(block: string): { kind: PassageKind; number: string | null } {
  const numbered = NUMBERED.exec(block);
  if (numbered) return { kind: 'list_item', number: numbered[1]!.replace(/^\(|[.)]$/g, '') || null };
  if (BULLET.test(block)) return { kind: 'list_item', number: null };
  const singleLine = !block.includes('\n');
  if (singleLine && block.length <= 100 && !/[.,;:!?"”’)]$/.test(block)) return { kind: 'heading', number: null };
  if (/^\s*["“]/.test(block) && /["”]\s*(\[\w+\])?\s*$/.test(block)) return { kind: 'quote', number: null };
  return { kind: 'paragraph', number: null };
}
