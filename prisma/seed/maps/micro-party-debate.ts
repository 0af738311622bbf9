import type { DemoMap } from '../map-builder.js';

/**
 * The micro-party debate.
 *
 * Lays out the "simple syllogism" that "The Period, the Party, and the Next Left" (001, section "The problem
 * of the 'Micro-Party'") puts at the heart of the micro-party perspective — premises 1 and 2 and conclusion 3,
 * in the letter's own words and quoted from its numbered list — as one premise–conclusion argument, and the
 * letter's critique of it: an undercut of the inference (building a small group is not building a party, the
 * "substitutionist" error), attacks on premise 2 (the sect model is foreign to the tradition the group claims
 * to guard; its hot-house "Leninism" is a caricature), and the letter's own answer (section "Thinking about
 * the Road to a Revolutionary Party": the vanguard must be re-created and a party comes out of regroupment),
 * which attacks the conclusion. Beside them sit the publisher's description of Party and Class (000: we need
 * something more than single-issue organisations, movement coalitions or reformist organisations; Lenin's
 * party had nothing in common with Stalinist despotism) and "A World to Win: Parties and power" (002: "a
 * political organisation is needed to carry it through"; the group rather than the élite; the party was the
 * victim of authoritarian rule, not its cause). Note that the letter's Hallas quotations ([i], [iii], [vi])
 * are themselves taken from Party and Class.
 */
export const microPartyDebate: DemoMap = {
  title: 'The micro-party debate',
  description:
    'The micro-party syllogism of “The Period, the Party, and the Next Left”, its critique, and the positions of Party and Class and A World to Win.',
  build(b) {
    // The question the sources answer, top right.
    const question = b.question('What kind of organisation do socialists need now?', { x: 1760, y: 0 });

    // The syllogism, in the letter's own words: conclusion on top, argument marker, premises below.
    const conclusion = b.claim(
      'Micro-party view (3): therefore, there can be no socialist revolution without our group (building our organization is the key to constructing a mass revolutionary party).',
      { x: 640, y: 0 },
    );
    const premise1 = b.claim(
      'Micro-party view (1): there can be no socialist revolution without an authentically revolutionary party.',
      { x: 960, y: 560 },
    );
    const premise2 = b.claim('Micro-party view (2): our group is the custodian of the authentic revolutionary tradition.', {
      x: 320,
      y: 560,
    });
    const syllogism = b.argument([premise1, premise2], conclusion, 'the micro-party syllogism', { x: 740, y: 320 });

    b.quotes(
      b.evidence(
        'periodParty',
        'Therefore, there can be no socialist revolution without our group (i.e., building our organization is the key to constructing a mass revolutionary party)',
        { caption: 'Item 3 of the syllogism', at: { x: 320, y: 0 } },
      ),
      conclusion,
    );
    b.quotes(
      b.evidence('periodParty', 'There can be no socialist revolution without an authentically revolutionary party;', {
        caption: 'Item 1 of the syllogism',
        at: { x: 960, y: 820 },
      }),
      premise1,
    );
    b.quotes(
      b.evidence('periodParty', 'Our group is the custodian of the authentic revolutionary tradition;', {
        caption: 'Item 2 of the syllogism',
        at: { x: 640, y: 560 },
      }),
      premise2,
    );

    // The letter's critique: the inference does not follow, and premise 2 is false.
    const conflation = b.claim(
      'The letter: the conclusion does not follow — it confuses building a small group with building a revolutionary party (the “substitutionist” error).',
      { x: 320, y: 260 },
    );
    b.undercuts(conflation, syllogism);
    b.quotes(
      b.evidence(
        'periodParty',
        'The problem comes when the building of small groups is seen as the building of a revolutionary party per se.',
        { at: { x: 0, y: 260 } },
      ),
      conflation,
    );

    const notCustodian = b.claim(
      'The letter: no small group holds the tradition — the sect model is foreign to Marx and Engels, Luxemburg, Lenin and Gramsci.',
      { x: 0, y: 560 },
    );
    b.attacks(notCustodian, premise2);
    b.quotes(
      b.evidence(
        'periodParty',
        'The sect model is utterly foreign, for instance, to the traditions we identify with Rosa Luxemburg, Lenin, and Gramsci.',
        { at: { x: 0, y: 820 } },
      ),
      notCustodian,
    );

    // The letter's alternative and its attack on hot-house "Leninism".
    const recreate = b.claim(
      'The letter: a working-class vanguard must first be re-created; a real party can only come out of regroupment amid new radicalisations, not from one small group growing.',
      { x: 1280, y: 0 },
    );
    b.attacks(recreate, conclusion);
    b.answers(recreate, question);
    b.quotes(
      b.evidence(
        'periodParty',
        'Contra the experience of the 1920s, the task is not to win over an existing class vanguard, but to foster practices, forms of struggle and institutions of the left that assist its germination. Only in the midst of such processes can a meaningful revolutionary organization (never mind party) be built.',
        { at: { x: 1280, y: 260 } },
      ),
      recreate,
    );

    const hotHouse = b.claim(
      'The letter: the micro-party’s “Leninism” — a hot-house cult of leaders and discipline, like the Stalinist Sorin’s — is a caricature of the Russian experience, not the tradition.',
      { x: 320, y: 820 },
    );
    b.attacks(hotHouse, premise2);
    b.quotes(
      b.evidence(
        'periodParty',
        'A hot house conception of leadership thus comes to the fore, according to which revolutionary cadres can be artificially bred in the atmosphere of the disciplined small group.',
        { at: { x: 320, y: 1080 } },
      ),
      hotHouse,
    );

    // Party and Class (000): more than single-issue groups, coalitions or reformist organisations.
    const moreThan = b.claim(
      'Party and Class: socialists need something more than single-issue organisations, movement coalitions or reformist organisations.',
      { x: 1600, y: 560 },
    );
    b.supports(moreThan, premise1);
    b.answers(moreThan, question);
    b.quotes(
      b.evidence(
        'partyAndClass',
        'These essays show why we need something more than single-issue organizations, movement coalitions, or reformist organizations if we are to achieve real change.',
        { at: { x: 1600, y: 820 } },
      ),
      moreThan,
    );
    b.note(
      'Compare: the letter also says “new alliances, coalitions, regroupments are vital” — but as a road towards a party, not in place of one.',
      { x: 1280, y: 820 },
    );

    // A World to Win (002): an organisation is needed; a party of the group, not the élite.
    const organisationNeeded = b.claim(
      'A World to Win: a social revolution involves millions, but it needs a political organisation, with leadership, strategy and tactics, to carry it through.',
      { x: 2080, y: 260 },
    );
    b.supports(organisationNeeded, premise1);
    b.answers(organisationNeeded, question);
    b.quotes(
      b.evidence(
        'worldToWin',
        'There\nis an inescapable fact in all this – a political organisation is\nneeded to carry it through.',
        { at: { x: 2080, y: 520 } },
      ),
      organisationNeeded,
    );

    const groupNotElite = b.claim(
      'A World to Win: the party must be democratic and participatory — every member helped to become a leader, the group rather than an élite.',
      { x: 640, y: 1080 },
    );
    b.supports(groupNotElite, hotHouse);
    b.quotes(
      b.evidence(
        'worldToWin',
        'By emphasising the\ngroup rather than the élite, a revolutionary organisation becomes\na more powerful unit.',
        { at: { x: 640, y: 1340 } },
      ),
      groupNotElite,
    );

    // Both books: Lenin's party is not Stalinism.
    const notStalinism = b.claim(
      'Party and Class and A World to Win: the party Lenin built was not the cause of Stalinist despotism — it was its victim.',
      { x: 0, y: 1080 },
    );
    b.supports(notStalinism, hotHouse);
    b.quotes(
      b.evidence(
        'partyAndClass',
        'They also dispel the myths about “democratic centralism” and demonstrate that the kind of socialist party that Lenin built had nothing in common with the Stalinist despotism that replaced it.',
        { at: { x: 0, y: 1340 } },
      ),
      notStalinism,
    );
    b.quotes(
      b.evidence('worldToWin', 'So, far from creating\nthe conditions for authoritarian rule, the party was its victim.', {
        at: { x: 320, y: 1340 },
      }),
      notStalinism,
    );
  },
};
