import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentText, type PassageDraft } from './segment.js';

/**
 * The importer on the five demo documents (prisma/seed/corpus = the design's seeds 000–004). Every expectation
 * here was read off the documents themselves; see the comments for where in each text it comes from.
 */
const corpus = (file: string) => readFileSync(new URL(`../../prisma/seed/corpus/${file}`, import.meta.url), 'utf8');

function segment(file: string) {
  const text = corpus(file);
  const drafts = segmentText(text);
  const textOf = (p: PassageDraft) => text.slice(p.start, p.end);
  return { text, drafts, textOf, kinds: drafts.map((p) => p.kind) };
}

const count = (kinds: string[], kind: string) => kinds.filter((k) => k === kind).length;

describe('000 Party and Class (publisher’s blurb)', () => {
  it('is a title, four paragraphs, "About the author" and four author bios', () => {
    const { drafts, textOf, kinds } = segment('party-and-class-blurb.txt');
    expect(drafts).toHaveLength(10);
    expect(kinds).toEqual(['heading', ...Array(4).fill('paragraph'), 'heading', ...Array(4).fill('paragraph')]);
    expect(textOf(drafts[0]!)).toBe('Party and Class');
    expect(textOf(drafts[5]!)).toBe('About the author');
    expect(drafts.slice(6).map((p) => textOf(p).split(' ').slice(0, 2).join(' '))).toEqual([
      'Tony Cliff', 'Duncan Hallas', 'Chris Harman', 'LEON TROTSKY',
    ]);
  });
});

describe('001 The Period, the Party, and the Next Left', () => {
  const { drafts, textOf, kinds } = segment('period-party-next-left.txt');

  it('finds 56 passages: 5 headings, 35 paragraphs, the 3 syllogism steps, 4 block quotations, 9 footnotes', () => {
    expect(drafts).toHaveLength(56);
    expect([count(kinds, 'heading'), count(kinds, 'paragraph'), count(kinds, 'list_item'), count(kinds, 'quote'), count(kinds, 'footnote')])
      .toEqual([5, 35, 3, 4, 9]);
  });

  it('makes the title and the three numbered sections headings (each section is numbered "1." in the text)', () => {
    const headings = drafts.filter((p) => p.kind === 'heading').map((p) => [textOf(p), p.number]);
    expect(headings).toEqual([
      ['The Period, the Party, and the Next Left (from 2009)', null],
      ['The Period, The Party and the Next Left', null],
      ['1. The period and the revolutionary left', '1'],
      ['1. The problem of the “Micro-Party”', '1'],
      ['1. Thinking about the Road to a Revolutionary Party', '1'],
    ]);
  });

  it('splits the micro-party syllogism — three numbered lines of one block — into premises 1, 2 and conclusion 3', () => {
    const lead = drafts.findIndex((p) => textOf(p).endsWith('this perspective involves a simple syllogism:'));
    const steps = drafts.slice(lead + 1, lead + 4);
    expect(steps.map((p) => [p.kind, p.number, textOf(p)])).toEqual([
      ['list_item', '1', '1. There can be no socialist revolution without an authentically revolutionary party;'],
      ['list_item', '2', '2. Our group is the custodian of the authentic revolutionary tradition;'],
      ['list_item', '3', '3. Therefore, there can be no socialist revolution without our group (i.e., building our organization is the key to constructing a mass revolutionary party)'],
    ]);
    expect(drafts[lead + 4]!.kind).toBe('paragraph');
  });

  it('recognises the block quotations the letter sets apart with double blank lines, footnote markers included', () => {
    const quotes = drafts.filter((p) => p.kind === 'quote').map(textOf);
    expect(quotes.map((q) => q.slice(0, 30))).toEqual([
      '. . .\u00a0 if we did not want to t',
      'In human terms, an organised l',
      '“This history was seen as a un',
      '” . . . the Party opened itsel',
    ]);
    expect(quotes[0]).toMatch(/studied the utopians too well for that \. \. \.\[ii\]$/);
    expect(quotes[1]).toMatch(/Or rather it has to be recreated\.\[iii\]$/);
  });

  it('numbers the footnotes [i]–[ix] as the text does', () => {
    const notes = drafts.filter((p) => p.kind === 'footnote');
    expect(notes.map((p) => p.number)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix']);
    expect(textOf(notes[2]!)).toBe('[iii] Hallas, p. 9.');
  });

  it('keeps the salutation and the closing as paragraphs', () => {
    expect(drafts.filter((p) => ['Dear comrade,', 'Yours for a new left for a new era,'].includes(textOf(p))).map((p) => p.kind))
      .toEqual(['paragraph', 'paragraph']);
  });
});

describe('002 A World to Win: Parties and power (hard-wrapped)', () => {
  const { text, drafts, textOf, kinds } = segment('world-to-win-parties-and-power.txt');

  it('finds 74 passages: 12 headings, 34 paragraphs, 28 items of the unbulleted lists', () => {
    expect(drafts).toHaveLength(74);
    expect([count(kinds, 'heading'), count(kinds, 'paragraph'), count(kinds, 'list_item')]).toEqual([12, 34, 28]);
  });

  it('joins the nine wrapped lines of the first paragraph into one passage, offsets into the unchanged text', () => {
    const first = drafts[0]!;
    expect(first.kind).toBe('paragraph');
    expect(textOf(first).startsWith('Globalisation has created a vastly more unequal, intensely\ncommercialised')).toBe(true);
    expect(textOf(first).endsWith('political backers as the precondition for creating a just society.')).toBe(true);
    expect(textOf(first).split('\n')).toHaveLength(9);
    expect(first.start).toBe(text.indexOf('Globalisation'));
  });

  it('splits the (OCR-damaged) heading from the paragraph right below it', () => {
    const at = drafts.findIndex((p) => textOf(p) === 'Parties aand ppower');
    expect(drafts[at]!.kind).toBe('heading');
    const next = textOf(drafts[at + 1]!);
    expect(next.startsWith('Political parties in the sense that we understand them today first\ncame')).toBe(true);
    expect(next.endsWith('tendencies and groups within the ruling classes.')).toBe(true);
    expect(next.split('\n')).toHaveLength(15);
    expect(drafts.filter((p) => p.kind === 'heading').map(textOf)).toContain('The rreal oorigins oof SStalinism');
  });

  it('reads the lists under "Training aand ddevelopment" item by item, wrapped items joined', () => {
    const at = drafts.findIndex((p) => textOf(p) === 'Training aand ddevelopment');
    expect(drafts.slice(at + 1, at + 5).map((p) => [p.kind, textOf(p)])).toEqual([
      ['list_item', 'encourage and help all members to become leaders'],
      ['list_item', 'train members in the philosophy of contradiction and change,\nmaterialist dialectics'],
      ['list_item', 'facilitate and support self-development of members'],
      ['list_item', 'bring out the different capacities, talents, abilities and \npotential of members.'],
    ]);
    expect(textOf(drafts[at + 5]!)).toBe('Democratic ddiscussion');
  });

  it('reads the ten design goals after "A revolutionary party has to be designed to:"', () => {
    const at = drafts.findIndex((p) => textOf(p) === 'A revolutionary party has to be designed to:');
    const items = drafts.slice(at + 1, at + 11);
    expect(items.every((p) => p.kind === 'list_item')).toBe(true);
    expect(textOf(items[0]!)).toBe('ensure accountability of leaders and members');
    expect(textOf(items[5]!)).toBe('ensure that minority interests and differences of view have an\nequal voice');
    expect(textOf(items[9]!)).toBe('learn from and build alliances with movements in other \ncountries.');
    expect(drafts[at + 11]!.kind).toBe('paragraph');
  });
});

describe('003 Trotsky: an introduction (a whole book)', () => {
  const { drafts, textOf, kinds } = segment('trotsky-an-introduction.txt');

  it('finds one passage per paragraph — 1,259 blocks, none wrapped — and the 48 chapter and section headings', () => {
    expect(drafts).toHaveLength(1259);
    const headings = drafts.filter((p) => p.kind === 'heading').map(textOf);
    expect(headings).toHaveLength(48);
    expect(headings.slice(0, 4)).toEqual(['Trotsky: an introduction', 'From prison to power', 'Permanent Revolution', 'Lenin against the Mensheviks']);
    expect(headings).toContain('Disaster in China: 1925-27');
    expect(headings).toContain('The struggle against Fascism');
    expect(count(kinds, 'paragraph') + count(kinds, 'quote')).toBe(1259 - 48);
  });

  it('marks quoted paragraphs (Marx, Trotsky’s memoir) as block quotations, not a paragraph with “White” in it', () => {
    const kindOf = (start: string) => drafts.find((p) => textOf(p).startsWith(start))!.kind;
    expect(kindOf('“Men make their own history')).toBe('quote');
    expect(kindOf('“My childhood does not appear to me')).toBe('quote');
    expect(kindOf('“White” Armies')).toBe('paragraph');
  });
});

describe('004 The Problem with “International” Parties (post and comment thread)', () => {
  const { drafts, textOf } = segment('problem-with-international-parties.txt');
  const comments = drafts.filter((p) => p.kind === 'comment');
  const label = (p: PassageDraft) => (p.parentIndex === null ? p.number : `${drafts[p.parentIndex]!.number}>${p.number}`);

  it('reads the post as a title and eight paragraphs, then fourteen comments', () => {
    expect(drafts).toHaveLength(23);
    expect(drafts.slice(0, 9).map((p) => p.kind)).toEqual(['heading', ...Array(8).fill('paragraph')]);
    expect(textOf(drafts[0]!)).toBe('The Problem with "International" Parties');
    expect(comments).toHaveLength(14);
  });

  it('gives each comment its number and parent: comment 1 with its replies, comment 2 with one reply', () => {
    expect(comments.map(label)).toEqual([
      '1', '1>1', '1>3', '1>4', '1>6', '1>7', '1>8', '1>9', '1>10', '1>11', '1>12', '1>13', '2', '2>1',
    ]);
    expect(comments.every((p) => p.author === null)).toBe(true);
  });

  it('joins "2. [cont.]" and what follows it to reply 1, which it continues', () => {
    const reply = comments[1]!;
    expect(textOf(reply).startsWith('1. No, because Lenin never thought')).toBe(true);
    expect(textOf(reply)).toContain('2. [cont.]');
    expect(textOf(reply).endsWith('or some other such third worldist nonsense.')).toBe(true);
    expect(textOf(comments[2]!).startsWith('3. This all seems to fit well')).toBe(true);
  });

  it('keeps a comment’s own paragraphs and numbered points inside it', () => {
    const first = textOf(comments[0]!);
    expect(first).toContain('Under the terms of your critique');
    const twelve = textOf(comments[10]!);
    expect(twelve.startsWith('12. Fair enough')).toBe(true);
    expect(twelve).toContain('a. The Bolshevik Party itself must be based on the working class');
    expect(textOf(comments[12]!)).toContain('And as far as I know, it barely operates outside London');
  });
});
