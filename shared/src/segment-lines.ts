/** Lines and blank-line-separated blocks of a text, as offsets into it; the building blocks of segmentText. */

export interface Line {
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset just after the last non-blank character. */
  end: number;
  /** The line as written (without its line break), for signals such as a trailing space. */
  raw: string;
  /** The line without surrounding white space. */
  text: string;
  /** Leading spaces (a tab counts as four): comment threads nest by indentation. */
  indent: number;
}

export interface Block {
  lines: Line[];
  /** Blank lines before and after the block; null at the start or end of the text. */
  blankBefore: number | null;
  blankAfter: number | null;
}

/** Splits text into blocks of non-blank lines. Offsets refer to the unmodified text. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let blanks: number | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const raw = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() === '') {
      if (current.length > 0) {
        blocks.push({ lines: current, blankBefore: blanks, blankAfter: null });
        current = [];
        blanks = 0;
      }
      if (blanks !== null) blanks += 1;
    } else {
      if (current.length === 0 && blocks.length > 0) blocks[blocks.length - 1]!.blankAfter = blanks;
      const text_ = raw.trim();
      const indent = raw.slice(0, lead).replace(/\t/g, '    ').length;
      current.push({ start: lineStart + lead, end: lineStart + lead + text_.length, raw, text: text_, indent });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (current.length > 0) blocks.push({ lines: current, blankBefore: blanks, blankAfter: null });
  return blocks;
}

/** "1.", "2)", "(3)", "2.1.", "iv.", "b)" followed by text. */
export const LIST_MARKER = /^(\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[ivxlc]{1,6}[.)]|\(?[a-z][.)])\s+(?=\S)/i;
/** "- item", "* item", "• item". */
const BULLET = /^[-*•·–]\s+(?=[\p{L}\p{N}"“(])/u;
/** "[ii] Frederick Engels, …": a footnote with its marker. */
export const FOOTNOTE = /^\[(\d{1,3}|[ivxlc]{1,7})\]\s+(?=\S)/i;
/** "## A Markdown heading". */
export const MD_HEADING = /^#{1,6}\s+(?=\S)/;
/**
 * A line ending a sentence or clause: closing punctuation, possibly inside closing quotes or brackets. A title may
 * end in a quotation mark or a parenthesis ("The problem of the “Micro-Party”", "… (from 2009)"); it does not
 * end in a full stop or comma.
 */
export const SENTENCE_END = /[.,;:!?…]["”’)\]]*$/;

export type Marker = { kind: 'list'; number: string | null } | { kind: 'footnote'; number: string } | { kind: 'md-heading' };

/** The structural marker a line starts with, if any. */
export function markerOf(line: Line): Marker | null {
  const footnote = FOOTNOTE.exec(line.text);
  if (footnote) return { kind: 'footnote', number: footnote[1]! };
  if (MD_HEADING.test(line.text)) return { kind: 'md-heading' };
  const numbered = LIST_MARKER.exec(line.text);
  if (numbered) return { kind: 'list', number: numbered[1]!.replace(/^\(|[.)]$/g, '') };
  if (BULLET.test(line.text)) return { kind: 'list', number: null };
  return null;
}

/** A line of only rule characters (" * ** **", "---"): it separates, it is not content. */
export function isSeparator(line: Line): boolean {
  return !/[\p{L}\p{N}]/u.test(line.text);
}

/** Words a line cannot end on when the sentence ends there: the next line continues it. */
const CONTINUING_WORDS = new Set(
  'a an the and or nor but of to in on at by for from with as that which who whose its their our his her my your is are was were be than into onto upon'.split(' '),
);

/**
 * True when a hard-wrapped line visibly continues on the next: it ends in a space (as PDF extraction leaves
 * wrapped lines; ignored with `trailingSpace: false`, for a line that stands alone), a hyphen, a comma, or a
 * word no sentence ends on.
 */
export function continuesOnNextLine(line: Line, { trailingSpace = true } = {}): boolean {
  if ((trailingSpace && /\s$/.test(line.raw)) || /[-,–—]$/.test(line.text)) return true;
  const lastWord = /([\p{L}]+)$/u.exec(line.text)?.[1]?.toLowerCase();
  return lastWord !== undefined && CONTINUING_WORDS.has(lastWord);
}

/**
 * The width the text is wrapped at: the median length of lines that a block continues after (marker lines and
 * last lines say nothing about it). Texts with one paragraph per line have no such lines: Infinity.
 */
export function wrapWidth(blocks: readonly Block[]): number {
  const lengths: number[] = [];
  for (const block of blocks) {
    for (const line of block.lines.slice(0, -1)) if (!markerOf(line)) lengths.push(line.text.length);
  }
  if (lengths.length < 3) return Number.POSITIVE_INFINITY;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]!;
}
