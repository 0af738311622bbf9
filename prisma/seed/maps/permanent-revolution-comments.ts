import type { DemoMap } from '../map-builder.js';
import { addDisputeReadings } from './permanent-revolution-readings.js';

/**
 * Permanent revolution in the comments.
 *
 * Lays out the dispute over Trotsky's theory of permanent revolution in "The Problem with 'International'
 * Parties" (004) and sets the account of "Trotsky: an introduction" (003) against it.
 *
 * - The post: the three "corollary" principles a), b), c) it ascribes to permanent revolution, drawn as one
 *   argument for its conclusion that such "international" parties carry a eurocentric chauvinism.
 * - The thread: the blogger's reply (nested comment 4) restating the theory and giving China (Chen Duxiu,
 *   "following Trotsky's orders", stayed in the Kuomintang) and Vietnam (Trotskyists told peasants not to rise
 *   up) as examples; the commenter's objections (comments 7 and 10: in 1945 the Trotskyists were for the peasants
 *   seizing the land; permanent revolution means the peasants must rise up; no source for Trotsky telling Chen
 *   to "remain within" the KMT); the blogger's answers (8, 9, 11: the sources are Spartacist and US-intelligence
 *   material; Stalin's line in China was "much the same as Trotsky's"; the Trotskyists' line was "tantamount to
 *   saying don't rise up", which he admits simplified things).
 * - The book: the chapter on "Permanent Revolution" (the democratic revolution "grows over directly" into the
 *   socialist one) and "Disaster in China: 1925-27" (Moscow told the Communists to ally with the Kuomintang;
 *   abandoning permanent revolution repeated the Mensheviks' policy; Trotsky answered the charge of
 *   "underestimating the peasantry"; Trotsky and the Left Opposition fought Stalin's line).
 *
 * - Events and readings (permanent-revolution-readings.ts): "China 1925–27" read by the book and by the blogger,
 *   "Vietnam 1945" read by the commenter and by the blogger, with the few more quotations those readings need.
 *
 * Nested comments are cited by the thread's own numbering (it skips 5). The blogger spells the name "Chen
 * Duxhiu"; quotations keep that spelling, claims use "Chen Duxiu". The book never names Chen, and neither
 * text says anything about Vietnam beyond the thread itself.
 */
export const permanentRevolutionComments: DemoMap = {
  title: 'Permanent revolution in the comments',
  description:
    'The blogger’s claims, the commenter’s objections about Vietnam 1945 and China 1927, and the account in Trotsky: an introduction.',
  build(b) {
    // ── The post: a), b), c) and the conclusion they support ──────────────────────────────────────────────
    const eurocentric = b.claim(
      'Blogger: “international” parties built on permanent revolution carry a eurocentric chauvinism — the imperialist idea that the peripheries must “catch up” with the centres.',
      { x: 960, y: 0 },
    );
    const claimA = b.claim(
      'Blogger (a): permanent revolution holds that the proletariat, being international, can only make a revolution all together — hence an international party.',
      { x: 640, y: 400 },
    );
    const claimB = b.claim(
      'Blogger (b): it holds that the movements of the “most developed” proletariat, at the centres of capitalism, are the most advanced.',
      { x: 960, y: 400 },
    );
    const claimC = b.claim(
      'Blogger (c): it tells movements at the peripheries to “hold the revolution in permanence” until capitalism develops there, and to follow the directives of the centre.',
      { x: 1280, y: 400 },
    );
    b.argument([claimA, claimB, claimC], eurocentric, 'the post’s a), b), c)', { x: 1060, y: 260 });
    const quoteAB = b.evidence(
      'internationalParties',
      'a) the proletariat, being international, can only have a revolution altogether (hence the need for an international party); b) since the "most developed" proletariat are obviously at the centres of capitalism, the movements at the centres representing this developed proletariat are the most advanced;',
      { caption: 'The post, principles a) and b)', at: { x: 800, y: 660 } },
    );
    b.quotes(quoteAB, claimA);
    b.quotes(quoteAB, claimB);
    b.quotes(
      b.evidence(
        'internationalParties',
        'c) revolutionary movements at the peripheries, since they are not properly "proletarian", must hold the revolution in permanence until the contradictions of the capitalist mode of production are developed in their own specific context and thus follow the directives of the proletarian movements at the centre.',
        { caption: 'The post, principle c)', at: { x: 1360, y: 660 } },
      ),
      claimC,
    );

    // ── Trotsky: an introduction on what the theory says ─────────────────────────────────────────────────
    const whatItAsks = b.question('What does permanent revolution ask of revolutionaries in backward and colonial countries?', {
      x: 1920,
      y: 0,
    });
    b.answers(claimC, whatItAsks);
    const growsOver = b.claim(
      'Trotsky: an introduction: the workers of a backward country should lead the democratic revolution and carry it straight on to socialism; waiting for a capitalist stage was the Mensheviks’ line.',
      { x: 1920, y: 400 },
    );
    b.answers(growsOver, whatItAsks);
    b.attacks(growsOver, claimC);
    b.quotes(
      b.evidence(
        'trotskyIntro',
        '“. . . the democratic revolution grows over directly into the socialist revolution and thereby becomes a permanent revolution.”',
        { caption: 'Trotsky, as quoted in the chapter “Permanent Revolution”', at: { x: 2240, y: 660 } },
      ),
      growsOver,
    );
    const abandonQuote = b.evidence(
      'trotskyIntro',
      'By abandoning the strategy of permanent revolution in China, the Stalinists ended up pursuing an identical policy to that pursued by the Mensheviks in Russia before 1917. The results were catastrophic.',
      { caption: 'Disaster in China: 1925-27', at: { x: 2240, y: 400 } },
    );
    b.quotes(abandonQuote, growsOver);

    // ── Vietnam 1945 ──────────────────────────────────────────────────────────────────────────────────────
    const vietnamQuestion = b.question('Did the Trotskyists tell the peasants not to rise up in Vietnam in 1945?', { x: 480, y: 960 });
    const vietnam = b.claim(
      'Blogger: in Vietnam the Trotskyists told peasants to follow permanent revolution rather than rise up, so Ho Chi Minh “had to liquidate” them.',
      { x: 800, y: 1200 },
    );
    b.supports(vietnam, claimC);
    b.answers(vietnam, vietnamQuestion);
    const vietnamQuote = b.evidence(
      'internationalParties',
      'in Vietnam Ho Chi Minh unfortunately had to liquidate a small minority of Trotskyists because they were telling peasants to follow this theory of permanent revolution rather than to rise up',
      { caption: 'Blogger, reply 4 (quoted back by the commenter in 7 and 10)', occurrence: 0, at: { x: 800, y: 1460 } },
    );
    b.quotes(vietnamQuote, vietnam);

    const trotskyistsForRising = b.claim(
      'Commenter: in 1945 it was the Trotskyists who urged peasants to seize the land and all to resist the British; the Communist regime wanted to stop the land seizures and welcomed the British.',
      { x: 160, y: 1200 },
    );
    const againstVietnam = b.attacks(trotskyistsForRising, vietnam);
    b.answers(trotskyistsForRising, vietnamQuestion);
    const comment7Quote = b.evidence(
      'internationalParties',
      'It was Trotskyists in 1945 who were for peasants rising up to seize the land and for all to rise up to resist the British and other imperialists--whereas the Communist regime wanted to stop the land seizures and welcomed the British.',
      { caption: 'Commenter, comment 7', at: { x: 160, y: 1460 } },
    );
    b.quotes(comment7Quote, trotskyistsForRising);

    const badSources = b.claim(
      'Blogger: the commenter’s source is worthless — mostly Spartacist League citations plus a US intelligence man; its one reputable historian, Hemery, agrees with the blogger.',
      { x: 480, y: 1460 },
    );
    b.undercuts(badSources, againstVietnam);
    const badSourcesQuote = b.evidence(
      'internationalParties',
      'Not only is 70% of its citations from the Spartacist League, who are renowned for their cobbled together half-truths',
      { caption: 'Blogger, reply 8', at: { x: 480, y: 1720 } },
    );
    b.quotes(badSourcesQuote, badSources);

    const theoryMeansRising = b.claim(
      'Commenter: factually the Trotskyists never said “don’t rise up”; in a country like Vietnam, permanent revolution means the peasants must rise up.',
      { x: 1440, y: 1200 },
    );
    b.attacks(theoryMeansRising, vietnam);
    b.answers(theoryMeansRising, vietnamQuestion);
    const comment10Quote = b.evidence(
      'internationalParties',
      "Factually, they didn't say don't rise up that I've ever seen. Theoretically, in a country like Vietnam, the theory of permanent revolution means that it's necessary and vital for working class revolution for the peasants *to* rise up.",
      { caption: 'Commenter, comment 10', at: { x: 1440, y: 1460 } },
    );
    b.quotes(comment10Quote, theoryMeansRising);
    const peasantryQuote = b.evidence(
      'trotskyIntro',
      'When the Stalinists accused Trotsky of “underestimating the peasantry”, he replied by showing how only the working class could act as firm allies of those peasants who were struggling for land',
      { caption: 'Disaster in China: 1925-27', at: { x: 1760, y: 1460 } },
    );
    b.supports(peasantryQuote, theoryMeansRising);

    const tantamount = b.claim(
      'Blogger, admitting he simplified: the Trotskyists’ line made peasant movements wait for the developed workers to lead — “tantamount to saying don’t rise up”.',
      { x: 1120, y: 1460 },
    );
    b.attacks(tantamount, theoryMeansRising);
    b.supports(tantamount, vietnam);
    const tantamountQuote = b.evidence(
      'internationalParties',
      "it was a line that said the peasant movements had to wait for the more developed workers to lead things and in a very specific insurrectionist kind of way which was tantamount to saying don't rise up.",
      { caption: 'Blogger, reply 11', at: { x: 1120, y: 1720 } },
    );
    b.quotes(tantamountQuote, tantamount);

    // ── China 1925–27 ─────────────────────────────────────────────────────────────────────────────────────
    const chinaQuestion = b.question('China 1925–27: whose line kept the Communists inside the Kuomintang?', { x: 2560, y: 960 });
    const chen = b.claim(
      'Blogger: in China, Chen Duxiu — on Trotsky’s orders — called a peasant-led revolution wrong and kept the Communists inside the Kuomintang to wait.',
      { x: 2240, y: 1200 },
    );
    b.supports(chen, claimC);
    b.answers(chen, chinaQuestion);
    const chenQuote = b.evidence(
      'internationalParties',
      "in China Chen Duxhiu [following Trotsky's orders] argued that a peasant-led revolution was wrong and that the duty of communists was to remain within the Kuomintang",
      { caption: 'Blogger, reply 4 (quoted back by the commenter in 7)', occurrence: 0, at: { x: 1920, y: 1200 } },
    );
    b.quotes(chenQuote, chen);

    const noSource = b.claim(
      'Commenter: source? He doubts that Trotsky ever said to “remain within” the Kuomintang (in the 1930s, which he takes to be the time meant).',
      { x: 2880, y: 1460 },
    );
    b.attacks(noSource, chen);
    b.quotes(
      b.evidence(
        'internationalParties',
        'source? I don\'t think its true Trotsky said to "remain within" the KMT in the 30\'s (presumably the time you\'re referring to).',
        { caption: 'Commenter, comment 7', at: { x: 2880, y: 1720 } },
      ),
      noSource,
    );

    const sameLine = b.claim(
      'Blogger: historians of China (Deutscher, Benton) say it was Trotsky’s line — and Stalin’s line in China was much the same as Trotsky’s.',
      { x: 2240, y: 1460 },
    );
    b.supports(sameLine, chen);
    b.attacks(sameLine, noSource);
    const sameLineQuote = b.evidence(
      'internationalParties',
      "I will also point out that Stalin's line in China was much the same as Trotsky's, and Li Lisan (representing the Comintern) was arguing something similar to Chen Duxhiu.",
      { caption: 'Blogger, reply 9', at: { x: 2240, y: 1720 } },
    );
    b.quotes(sameLineQuote, sameLine);

    const moscowsLine = b.claim(
      'Trotsky: an introduction: in 1925–27 Moscow — Stalin and Bukharin — had the Chinese Communists ally with the Kuomintang; Trotsky and the Left Opposition fought that line.',
      { x: 2880, y: 1200 },
    );
    b.answers(moscowsLine, chinaQuestion);
    b.attacks(moscowsLine, chen);
    b.attacks(moscowsLine, sameLine);
    b.supports(moscowsLine, noSource);
    const moscowQuote = b.evidence(
      'trotskyIntro',
      'Moscow instructed the Communists to ally themselves with the main bourgeois nationalist party, the Kuomintang, led by Chiang Kai-Shek.',
      { caption: 'Disaster in China: 1925-27', at: { x: 3200, y: 1200 } },
    );
    b.quotes(moscowQuote, moscowsLine);
    const leftOppositionQuote = b.evidence(
      'trotskyIntro',
      'Trotsky and the Left Opposition fought against this betrayal. Armed with the Theory of Permanent Revolution, they showed how the national capitalist class in China was more afraid of its own working class than it was of foreign imperialism.',
      { caption: 'Disaster in China: 1925-27', at: { x: 3200, y: 1460 } },
    );
    b.quotes(leftOppositionQuote, moscowsLine);

    // ── Events and the readings of them (China 1925–27, Vietnam 1945) ─────────────────────────────────────
    addDisputeReadings(b, {
      growsOver, abandonQuote, moscowsLine, moscowQuote, leftOppositionQuote, chen, chenQuote, sameLine, sameLineQuote,
      vietnam, vietnamQuote, badSources, badSourcesQuote, tantamount, tantamountQuote,
      trotskyistsForRising, comment7Quote, theoryMeansRising, comment10Quote, peasantryQuote,
    });
  },
};
