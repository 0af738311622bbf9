import type { SourceKind } from '@counterpoint/shared';

/** The demo corpus (copied from the product's design documents) with what a reader would record about each. */
export interface DemoSource {
  key: DemoSourceKey;
  file: string;
  title: string;
  kind: SourceKind;
  author: string | null;
  date: string | null;
}

export type DemoSourceKey = 'partyAndClass' | 'periodParty' | 'worldToWin' | 'trotskyIntro' | 'internationalParties';

export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    key: 'partyAndClass',
    file: 'party-and-class-blurb.txt',
    title: 'Party and Class (publisher’s description)',
    kind: 'book',
    author: 'Tony Cliff, Duncan Hallas, Chris Harman, Leon Trotsky',
    date: null,
  },
  {
    key: 'periodParty',
    file: 'period-party-next-left.txt',
    title: 'The Period, the Party, and the Next Left (from 2009)',
    kind: 'letter',
    author: null,
    date: '2009',
  },
  {
    key: 'worldToWin',
    file: 'world-to-win-parties-and-power.txt',
    title: 'A World to Win: Parties and power',
    kind: 'chapter',
    author: null,
    date: null,
  },
  {
    key: 'trotskyIntro',
    file: 'trotsky-an-introduction.txt',
    title: 'Trotsky: an introduction',
    kind: 'book',
    author: null,
    date: null,
  },
  {
    key: 'internationalParties',
    file: 'problem-with-international-parties.txt',
    title: 'The Problem with “International” Parties (blog post and comments)',
    kind: 'comment_thread',
    author: null,
    date: null,
  },
];
