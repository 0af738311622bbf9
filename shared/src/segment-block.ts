import type { PassageKind } from './source.js';
import { SENTENCE_END, continuesOnNextLine, isSeparator, markerOf, type Block, type Line, type Marker } from './segment-lines.js';

/** A passage found inside one block: a run of its lines, with what the run is. */
export interface BlockPassage {
  kind: PassageKind;
  lines: Line[];
  number: string | null;
}

export interface BlockContext {
  /** The wrap width of the text (Infinity when it is not hard-wrapped). */
  wrap: number;
  /** The block before ends with a colon ("Its tasks include to:"): a list may follow. */
  afterColon: boolean;
}

const HEADING_MAX_CHARS = 100;
const OPENING_QUOTE = /^[“"”]/;
const ENDS_WITH_SENTENCE_END_QUOTE = /["”](\s*\[\w+\])?[.,]?$/;

/**
 * Splits one block into passages. Lines starting with a list, footnote or Markdown heading marker start a passage
 * (the micro-party syllogism is one block of three numbered lines). A short first line without closing
 * punctuation above longer lines is a heading (hard-wrapped chapters put headings right above their first
 * paragraph). Under a heading or after a colon, lines that start lower-case and do not run on are the items of
 * an unbulleted list. Everything else is one passage: hard-wrapped lines stay together.
 */
export function splitBlock(block: Block, context: BlockContext): BlockPassage[] {
  const lines = block.lines.filter((line) => !isSeparator(line));
  if (lines.length === 0) return [];
  const passages: BlockPassage[] = [];
  let rest = lines;
  if (rest.length > 1 && !markerOf(rest[0]!) && isHeadingLine(rest[0]!, rest.slice(1), context.wrap)) {
    passages.push({ kind: 'heading', lines: [rest[0]!], number: null });
    rest = rest.slice(1);
  }
  // Runs of lines: each marker line starts a run; unmarked lines continue the run before them.
  const runs: { marker: Marker | null; lines: Line[] }[] = [];
  for (const line of rest) {
    const marker = markerOf(line);
    if (marker || runs.length === 0) runs.push({ marker, lines: [line] });
    else runs[runs.length - 1]!.lines.push(line);
  }
  const listContext = passages.length > 0 || context.afterColon;
  for (const run of runs) {
    if (run.marker) {
      passages.push(markedPassage(run.marker, run.lines, lines.length === 1));
      continue;
    }
    const items = listContext ? unbulletedItems(run.lines) : null;
    if (items) for (const item of items) passages.push({ kind: 'list_item', lines: item, number: null });
    else passages.push({ kind: 'paragraph', lines: run.lines, number: null });
  }
  return passages;
}

function markedPassage(marker: Marker, lines: Line[], wholeBlock: boolean): BlockPassage {
  if (marker.kind === 'md-heading') return { kind: 'heading', lines, number: null };
  if (marker.kind === 'footnote') return { kind: 'footnote', lines, number: marker.number };
  // A numbered line standing alone, short and without closing punctuation, is a section heading ("1. The period").
  const only = lines[0]!;
  if (wholeBlock && lines.length === 1 && marker.number && only.text.length <= HEADING_MAX_CHARS && !SENTENCE_END.test(only.text))
    return { kind: 'heading', lines, number: marker.number };
  return { kind: 'list_item', lines, number: marker.number };
}

/** A title line: short for this text, no closing punctuation, not running on, capitalised, few words. */
function isHeadingLine(line: Line, below: readonly Line[], wrap: number): boolean {
  const text = line.text;
  if (SENTENCE_END.test(text) || continuesOnNextLine(line) || !/^[\p{Lu}\p{N}]/u.test(text)) return false;
  if (text.split(/\s+/).length > 10) return false;
  const width = Number.isFinite(wrap) ? wrap : Math.max(...below.map((l) => l.text.length));
  return text.length < 0.75 * width;
}

/**
 * The items of a list whose bullets were lost (PDF extraction): a new item starts on each line that does not
 * continue the one before. Null unless there are several items and each starts lower-case, as list items
 * completing "Its tasks include to:" do; a paragraph's wrapped lines run on and so stay whole.
 */
function unbulletedItems(lines: readonly Line[]): Line[][] | null {
  if (lines.length < 2) return null;
  const items: Line[][] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0 && continuesOnNextLine(lines[i - 1]!)) items[items.length - 1]!.push(line);
    else items.push([line]);
  }
  if (items.length < 2 || !items.every((item) => /^\p{Ll}/u.test(item[0]!.text))) return null;
  return items;
}

/**
 * What a plain single passage is: a short line without closing punctuation is a heading; text opening with a
 * quotation mark that closes at the end (or runs on into the next paragraph) is a block quotation, and so is a
 * block the text sets apart with extra blank lines on both sides.
 */
export function plainKind(lines: readonly Line[], setApart: boolean): PassageKind {
  const text = lines.map((l) => l.text).join(' ');
  if (lines.length === 1 && text.length <= HEADING_MAX_CHARS && !SENTENCE_END.test(text) && !continuesOnNextLine(lines[0]!, { trailingSpace: false }))
    return 'heading';
  if (OPENING_QUOTE.test(text) && (ENDS_WITH_SENTENCE_END_QUOTE.test(text) || !/[”]/.test(text.slice(1)))) return 'quote';
  if (setApart) return 'quote';
  return 'paragraph';
}
