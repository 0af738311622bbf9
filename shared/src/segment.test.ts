import { describe, expect, it } from 'vitest';
import { segmentText } from './segment.js';

/** The passages as [kind, text, number] — the text cut from the source at the passage's offsets. */
function passages(text: string) {
  return segmentText(text).map((p) => [p.kind, text.slice(p.start, p.end), p.number] as const);
}

describe('segmentText', () => {
  it('finds nothing in empty or blank text', () => {
    expect(segmentText('')).toEqual([]);
    expect(segmentText(' \n\n\t\n ')).toEqual([]);
  });

  it('splits on blank lines and keeps hard-wrapped lines in one paragraph', () => {
    const text = 'First paragraph, wrapped\nacross two lines.\n\nSecond paragraph.';
    expect(passages(text)).toEqual([
      ['paragraph', 'First paragraph, wrapped\nacross two lines.', null],
      ['paragraph', 'Second paragraph.', null],
    ]);
  });

  it('gives offsets into the unmodified text, trimming white space around each block', () => {
    const text = '\n\n   Indented start.   \n \n\n\tTabbed paragraph.\n\n';
    const drafts = segmentText(text);
    expect(passages(text)).toEqual([
      ['paragraph', 'Indented start.', null],
      ['paragraph', 'Tabbed paragraph.', null],
    ]);
    expect(drafts[0]!.start).toBe(5);
    expect(drafts.every((d) => d.author === null && d.parentIndex === null)).toBe(true);
  });

  it('treats a line of spaces as a blank line', () => {
    expect(passages('One.\n   \nTwo.').map(([, t]) => t)).toEqual(['One.', 'Two.']);
  });

  it('separates paragraphs of text with Windows line endings', () => {
    expect(passages('One paragraph.\r\n\r\nAnother one.\r\n')).toEqual([
      ['paragraph', 'One paragraph.', null],
      ['paragraph', 'Another one.', null],
    ]);
  });

  it('recognises a short line without closing punctuation as a heading', () => {
    expect(passages('The Permanent Revolution\n\nIt begins here.')).toEqual([
      ['heading', 'The Permanent Revolution', null],
      ['paragraph', 'It begins here.', null],
    ]);
  });

  it('numbers list items as the text numbers them', () => {
    const text = '1. First point.\n\n2) Second point.\n\n(3) Third point.\n\niv. Fourth point.\n\nb) A lettered point.';
    expect(passages(text).map(([kind, , number]) => [kind, number])).toEqual([
      ['list_item', '1'],
      ['list_item', '2'],
      ['list_item', '3'],
      ['list_item', 'iv'],
      ['list_item', 'b'],
    ]);
  });

  it('keeps the dots inside a section number', () => {
    expect(passages('2.1. Details of the second part.')).toEqual([['list_item', '2.1. Details of the second part.', '2.1']]);
  });

  it('marks bullets as unnumbered list items', () => {
    expect(passages('- one thing.\n\n• another thing.')).toEqual([
      ['list_item', '- one thing.', null],
      ['list_item', '• another thing.', null],
    ]);
  });

  it('does not mistake a sentence starting with a number for a list item', () => {
    expect(passages('1.5 million people marched.')).toEqual([['paragraph', '1.5 million people marched.', null]]);
  });

  it('recognises a block quotation', () => {
    expect(passages('“The revolution is permanent.”')).toEqual([['quote', '“The revolution is permanent.”', null]]);
  });
});
