import type { MapBuilder } from '../map-builder.js';

/** The nodes of "Permanent revolution in the comments" that the readings are made of. */
export interface DisputeNodes {
  growsOver: string;
  abandonQuote: string;
  moscowsLine: string;
  moscowQuote: string;
  leftOppositionQuote: string;
  chen: string;
  chenQuote: string;
  sameLine: string;
  sameLineQuote: string;
  vietnam: string;
  vietnamQuote: string;
  badSources: string;
  badSourcesQuote: string;
  tantamount: string;
  tantamountQuote: string;
  trotskyistsForRising: string;
  comment7Quote: string;
  theoryMeansRising: string;
  comment10Quote: string;
  peasantryQuote: string;
}

/**
 * The two events the thread and the book disagree about, and a reading of each by each side, built from the
 * map's claims and quotations plus a few more quotations the readings need.
 *
 * China 1925–27: the book ("Disaster in China: 1925-27") against the blogger. They share one quotation — the
 * book's "Moscow instructed the Communists to ally themselves with … the Kuomintang" — and use it differently:
 * the book against Moscow's line, the blogger for his point that Stalin's line was Trotsky's too. Both hold that
 * the Communists stayed inside the Kuomintang on Moscow's instructions; they attack each other over whose line
 * that was.
 *
 * Vietnam 1945: the commenter against the blogger. They share the blogger's admission in reply 11 (he had
 * simplified): the commenter takes it as conceding that the Trotskyists never said "don't rise up", the blogger
 * as the exact form of his claim. Both hold that the Viet Minh killed the Trotskyists; they differ over why.
 */
export function addDisputeReadings(b: MapBuilder, n: DisputeNodes): void {
  // ── China 1925–27 ───────────────────────────────────────────────────────────────────────────────────
  const china = b.event('China 1925–27', {
    period: '1925–1927',
    description:
      'The Chinese revolution: the Communists’ alliance with the Kuomintang, Chiang Kai-shek’s Shanghai massacre of 1927, and whose line — Stalin’s or Trotsky’s — kept the Communists inside the Kuomintang.',
  });
  const insideKmt = b.claim(
    'Common ground: in 1925–27 the Chinese Communists stayed inside the Kuomintang, allied with it on the instructions of the Comintern in Moscow.',
    { x: 2720, y: 1980 },
  );
  b.quotes(n.moscowQuote, insideKmt);
  const similarLinesQuote = b.evidence('internationalParties', 'I can say they had similar lines because Chen and Li had the same line vis-a-vis the KMT', {
    caption: 'Blogger, reply 11',
    at: { x: 2400, y: 2240 },
  });
  b.quotes(similarLinesQuote, insideKmt);
  b.supports(n.moscowQuote, n.sameLine, 'the Comintern’s line too: ally with the Kuomintang');
  const deutscherQuote = b.evidence('internationalParties', 'Indeed, Isaac Deutscher, in his "prophet trilogy" states that this was Trotsky\'s position.', {
    caption: 'Blogger, reply 8',
    at: { x: 1920, y: 1720 },
  });
  b.quotes(deutscherQuote, n.sameLine);
  // Reply 9's "Stalin's line in China was much the same as Trotsky's" denies the book's "Trotsky … fought that line".
  b.attacks(n.sameLine, n.moscowsLine);
  const massacre = b.claim(
    'Trotsky: an introduction: the alliance left the Communists defenceless — in 1927 Chiang Kai-shek’s troops massacred them in Shanghai, and Stalin still did not change course.',
    { x: 2560, y: 400 },
  );
  b.supports(massacre, n.growsOver);
  const massacreQuote = b.evidence(
    'trotskyIntro',
    'In 1927 Chiang Kai-Shek sent his troops into Shanghai and massacred every Communist, trade unionist or worker militant they could find. Scores of thousands were killed.',
    { caption: 'Disaster in China: 1925-27', at: { x: 2560, y: 660 } },
  );
  b.quotes(massacreQuote, massacre);

  b.reading(china, 'Moscow’s line, and the disaster it made', {
    authorName: 'Trotsky: an introduction (chapter “Disaster in China: 1925-27”)',
    description:
      'Stalin and Bukharin had the Communists ally with the Kuomintang and wait for a bourgeois stage; Trotsky and the Left Opposition fought that line; the massacre of 1927 proved permanent revolution right, negatively.',
    nodes: [n.moscowsLine, n.moscowQuote, n.leftOppositionQuote, insideKmt, n.growsOver, n.abandonQuote, massacre, massacreQuote],
  });
  b.reading(china, 'It was Trotsky’s line too', {
    authorName: 'The blogger (004, replies 4, 8, 9, 11)',
    description:
      'Chen Duxiu kept the Communists inside the Kuomintang on Trotsky’s orders; historians from Deutscher to Benton say so, and Stalin’s line in China was much the same as Trotsky’s.',
    nodes: [n.chen, n.chenQuote, n.sameLine, n.sameLineQuote, deutscherQuote, insideKmt, n.moscowQuote, similarLinesQuote],
  });

  // ── Vietnam 1945 ─────────────────────────────────────────────────────────────────────────────────────
  const vietnam = b.event('Vietnam 1945', {
    period: 'August–September 1945',
    description:
      'The August Revolution and the British landing in Saigon: did the Trotskyists tell the peasants not to rise up, and why did the Viet Minh kill them?',
  });
  const killed = b.claim('Common ground: in 1945 the Viet Minh under Ho Chi Minh killed the Trotskyists of the south — the two disagree over why.', {
    x: 480,
    y: 1980,
  });
  b.quotes(n.vietnamQuote, killed);
  const killedWhyQuote = b.evidence(
    'internationalParties',
    'goes on to argue the Trotskyists opposition to this policy (i.e. being for the peasants rising up to take land) was a key reason they were killed since they could not be politically defeated by argument.',
    { caption: 'Commenter, comment 7 (summing up his source)', at: { x: 160, y: 2240 } },
  );
  b.quotes(killedWhyQuote, killed);
  const taoQuote = b.evidence(
    'internationalParties',
    '‘All those who have instigated the peasants to seize the landowners’ property will be severely and pitilessly punished',
    { caption: 'Commenter, comment 7, quoting the Vietminh official Nguyen Van Tao', at: { x: -160, y: 1460 } },
  );
  b.quotes(taoQuote, n.trotskyistsForRising);
  const giauQuote = b.evidence('internationalParties', 'Those who incite the people to arm themselves will be considered saboteurs', {
    caption: 'Commenter, comment 10, quoting Tran Van Giau of the Communist Party',
    at: { x: -160, y: 1720 },
  });
  b.quotes(giauQuote, n.trotskyistsForRising);
  const admission = b.evidence('internationalParties', 'was not, I apologize, as simple as saying "hey stop rising up you peasants"', {
    caption: 'Blogger, reply 11: “I will admit that I was simplifying things”',
    at: { x: 1280, y: 1980 },
  });
  b.supports(admission, n.theoryMeansRising, 'the blogger concedes it');
  b.quotes(admission, n.tantamount);

  b.reading(vietnam, 'The Trotskyists were for the rising', {
    authorName: 'The commenter (004, comments 7, 10, 12)',
    description:
      'In 1945 the Trotskyists urged the peasants to seize the land and everyone to resist the British; the Communists punished land seizures and welcomed the British. Permanent revolution itself means the peasants must rise up.',
    nodes: [n.trotskyistsForRising, n.comment7Quote, taoQuote, giauQuote, n.theoryMeansRising, n.comment10Quote, n.peasantryQuote, admission, killed, killedWhyQuote],
  });
  b.reading(vietnam, 'The Trotskyists held the peasants back', {
    authorName: 'The blogger (004, replies 4, 8, 11)',
    description:
      'The Trotskyists told the peasants to wait for the developed workers to lead — “tantamount to saying don’t rise up”; the commenter’s sources are Spartacist and US-intelligence material.',
    nodes: [n.vietnam, n.vietnamQuote, n.badSources, n.badSourcesQuote, n.tantamount, n.tantamountQuote, admission, killed],
  });
}
