import type { ExportInput, ExportSource } from '../types.js';
import { cleanText } from '../wrap.js';
import { buildOutline, type OutlineItem } from './outline.js';

/** How each role reads in the outline, Kialo style. */
export const ROLE_LABELS: Record<OutlineItem['role'], string> = {
  root: '',
  answer: 'Answer',
  pro: 'Pro',
  con: 'Con',
  evidence: 'Evidence',
  argument: 'Pro (together)',
  premise: 'Premise',
  undercut: 'Undercut',
};

const KIND_LABELS: Record<OutlineItem['kind'], string> = {
  claim: 'Claim',
  question: 'Question',
  evidence: 'Evidence',
  note: 'Note',
  argument: 'Argument',
};

/** The label an item starts with: its role, or for a top-level item its kind. */
export function outlineLabel(item: OutlineItem): string {
  return item.role === 'root' ? KIND_LABELS[item.kind] : ROLE_LABELS[item.role];
}

/**
 * Escapes text for Markdown: one line, `<`, `>` and `&` as entities (so no HTML reaches a renderer: a
 * `<script>` in a claim stays text), and the characters that make emphasis, links or code backslash-escaped.
 */
export function markdownEscape(text: string): string {
  return cleanText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`);
}

/** "Title, Author (date)" for a quotation's source. */
export function sourceCitation(source: Pick<ExportSource, 'title' | 'author' | 'date'> | undefined): string {
  if (!source) return 'a source';
  const who = [source.author, source.date].filter(Boolean).join(', ');
  return `${source.title}${who ? ` (${who})` : ''}`;
}

/**
 * Writes the map as a Markdown outline with Kialo-style numbering (`1.`, `1.1. Pro:`, `1.2. Con:`), from `rootId`
 * or over the whole map (see buildOutline); quotations as block quotes with their source. Line breaks inside a
 * node's text become spaces.
 */
export function exportOutline(input: ExportInput, rootId: string | null = null): string {
  const outline = buildOutline(input.graph, rootId);
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const out: string[] = [`# ${markdownEscape(input.title)}`, ''];
  if (input.description && !rootId) out.push(markdownEscape(input.description), '');

  const write = (item: OutlineItem) => {
    const label = outlineLabel(item);
    const text = item.kind === 'argument' ? item.text || '' : item.text;
    const see = item.seeAlso ? ` (see ${item.seeAlso})` : '';
    const body = [text && markdownEscape(text), see.trim()].filter(Boolean).join(' ');
    out.push(`${item.number}. **${label}:**${body ? ` ${body}` : ''}`, '');
    if (item.quote && !item.seeAlso) {
      out.push(`> “${markdownEscape(item.quote.exact)}”`, `> — *${markdownEscape(sourceCitation(sources.get(item.quote.sourceId)))}*`, '');
    }
    item.children.forEach(write);
  };
  outline.items.forEach(write);
  if (outline.items.length === 0) out.push('*This map is empty.*', '');
  if (outline.notes.length > 0) {
    out.push('## Notes', '');
    for (const note of outline.notes) out.push(`- ${markdownEscape(note.text) || '*(empty note)*'}`);
    out.push('');
  }
  return out.join('\n');
}
