import type { PassageKind } from './source.js';
import { plainKind, splitBlock } from './segment-block.js';
import { splitBlocks, wrapWidth, type Block, type Line } from './segment-lines.js';
import { readThread, threadStart } from './segment-thread.js';

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

/** Longest passage: longer runs of text are cut at a line or sentence end, so the reader and search stay quick. */
export const PASSAGE_MAX_CHARS = 10_000;

/**
 * Splits a source's text into passages, each a span [start, end) of the unmodified text (so quotations keep
 * exact offsets; the reader reflows line breaks inside a passage as spaces). It follows the structure texts
 * like the demo corpus have:
 * - blocks separated by blank lines; hard-wrapped lines of a block stay one paragraph;
 * - headings (a short line without closing punctuation, also right above a wrapped paragraph; `#` lines);
 * - numbered sections and list items with their numbers, one passage per item even without blank lines between
 *   them, and unbulleted lists under a heading or a colon;
 * - block quotations (opening with a quotation mark, or set apart by extra blank lines) and `[i]` footnotes;
 * - a blog comment thread (indented, numbered comments and replies): one passage per comment with its number,
 *   its parent comment and, where the text names one ("Jane says:"), its author; "[cont.]" joins the comment
 *   it continues.
 */
export function segmentText(text: string): PassageDraft[] {
  const blocks = splitBlocks(text);
  const wrap = wrapWidth(blocks);
  const drafts: PassageDraft[] = [];
  const thread = threadStart(blocks);
  let i = 0;
  while (i < blocks.length) {
    if (i === thread) {
      const { comments, end } = readThread(blocks, i);
      const base = drafts.length;
      for (const comment of comments) {
        const first = blocks[comment.firstBlock]!.lines[0]!;
        const last = blocks[comment.lastBlock]!.lines.at(-1)!;
        drafts.push({
          kind: 'comment',
          start: first.start,
          end: last.end,
          number: comment.number,
          author: comment.author,
          parentIndex: comment.parent === null ? null : base + comment.parent,
        });
      }
      i = end;
      continue;
    }
    const block = blocks[i]!;
    const afterColon = i > 0 && /:$/.test(blocks[i - 1]!.lines.at(-1)!.text);
    const passages = splitBlock(block, { wrap, afterColon });
    for (const passage of passages) {
      const spaced = passages.length === 1 && !Number.isFinite(wrap) && setApart(blocks, i);
      const kind = passage.kind === 'paragraph' ? plainKind(passage.lines, spaced) : passage.kind;
      for (const [start, end] of cutLong(text, passage.lines)) {
        drafts.push({ kind, start, end, number: passage.number, author: null, parentIndex: null });
      }
    }
    i += 1;
  }
  return drafts;
}

/**
 * A block quotation the text marks only by spacing: a run of up to three blocks with two or more blank lines on
 * each side, in a text whose paragraphs are otherwise one blank line apart. (Only in texts that are not
 * hard-wrapped: there, extra blank lines are page breaks of the extraction.)
 */
function setApart(blocks: readonly Block[], index: number): boolean {
  const wide = (n: number | null) => n !== null && n >= 2;
  let first = index;
  while (first > 0 && !wide(blocks[first]!.blankBefore)) first -= 1;
  let last = index;
  while (last < blocks.length - 1 && !wide(blocks[last]!.blankAfter)) last += 1;
  const run = last - first + 1;
  return wide(blocks[first]!.blankBefore) && wide(blocks[last]!.blankAfter) && run <= 3;
}

/** The span of lines, cut into pieces of at most PASSAGE_MAX_CHARS at a line break, sentence end or space. */
function cutLong(text: string, lines: readonly Line[]): [number, number][] {
  const start = lines[0]!.start;
  const end = lines[lines.length - 1]!.end;
  const pieces: [number, number][] = [];
  let from = start;
  while (end - from > PASSAGE_MAX_CHARS) {
    const window = text.slice(from, from + PASSAGE_MAX_CHARS);
    const half = PASSAGE_MAX_CHARS / 2;
    const cut = [window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' ')].find((at) => at > half);
    let to = from + (cut ?? PASSAGE_MAX_CHARS);
    // Never between the two halves of a surrogate pair (an emoji).
    if (/[\uDC00-\uDFFF]/.test(text[to] ?? '')) to -= 1;
    pieces.push([from, trimEnd(text, from, to)]);
    from = to;
    while (from < end && /\s/.test(text[from]!)) from += 1;
  }
  pieces.push([from, end]);
  return pieces;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return to;
}
