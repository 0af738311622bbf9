import type { Block } from './segment-lines.js';

/** "  3. text": a comment's number as a blog's comment list renders it (replies are "N." — "N)" is the writer's own). */
const COMMENT_MARKER = /^(\d{1,4})\.\s+/;
/** A comment that only says it continues the one before: "2. [cont.]". */
const CONTINUATION = /^\d{1,4}\.\s+[[(]cont(?:\.|inued)?[\])]\s*$/i;
/** "3. Jane Doe says:" / "JMP wrote:" as a comment's whole first line names its author (one to four words). */
const AUTHOR_LINE = /^\d{1,4}\.\s+([\p{L}\p{N}_.'’-]+(?: [\p{L}\p{N}_.'’-]+){0,3})\s+(?:says|said|wrote)\s*:\s*$/u;
const PRONOUNS = new Set(['I', 'You', 'He', 'She', 'They', 'We', 'It', 'Someone', 'Who']);

/** One comment of a thread: the blocks it spans, its number, author and parent (an index into the list). */
export interface ThreadComment {
  firstBlock: number;
  lastBlock: number;
  number: string;
  author: string | null;
  parent: number | null;
}

const indentOf = (block: Block) => block.lines[0]!.indent;
const isComment = (block: Block) => indentOf(block) > 0 && COMMENT_MARKER.test(block.lines[0]!.text);

/**
 * Where a comment thread starts: the first indented, numbered block followed by a block indented deeper (its
 * body or a reply). Numbered sections of an essay are followed by unindented paragraphs, so they are not one.
 */
export function threadStart(blocks: readonly Block[]): number | null {
  for (let i = 0; i + 1 < blocks.length; i++) {
    if (isComment(blocks[i]!) && indentOf(blocks[i + 1]!) > indentOf(blocks[i]!)) return i;
  }
  return null;
}

/**
 * Reads a comment thread from `start` while blocks stay indented. A numbered block is a comment whose parent is
 * the nearest comment indented less; an unnumbered block is more of the comment it is indented under; a
 * "[cont.]" comment joins the comment it continues. Returns the comments and the first block after the thread.
 */
export function readThread(blocks: readonly Block[], start: number): { comments: ThreadComment[]; end: number } {
  const comments: ThreadComment[] = [];
  const open: { indent: number; comment: number }[] = [];
  let i = start;
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    const indent = indentOf(block);
    if (indent === 0) break;
    while (open.length > 0 && open[open.length - 1]!.indent > indent) open.pop();
    const top = open[open.length - 1];
    if (!isComment(block)) {
      // Body text belongs to the comment it is indented under.
      const owner = open.findLast((o) => o.indent < indent) ?? top;
      if (!owner) break;
      comments[owner.comment]!.lastBlock = i;
      continue;
    }
    const sibling = top && top.indent === indent ? top : null;
    if (sibling && CONTINUATION.test(block.lines[0]!.text) && comments[sibling.comment]!.lastBlock === i - 1) {
      comments[sibling.comment]!.lastBlock = i;
      continue;
    }
    if (sibling) open.pop();
    const parent = open.findLast((o) => o.indent < indent)?.comment ?? null;
    const first = block.lines[0]!.text;
    comments.push({
      firstBlock: i,
      lastBlock: i,
      number: COMMENT_MARKER.exec(first)![1]!,
      author: authorOf(first),
      parent,
    });
    open.push({ indent, comment: comments.length - 1 });
  }
  return { comments, end: i };
}

function authorOf(firstLine: string): string | null {
  const name = AUTHOR_LINE.exec(firstLine)?.[1];
  return name && !PRONOUNS.has(name) ? name : null;
}
