import type { DemoMap } from '../map-builder.js';

/** Placeholder: the content is written from a careful reading of 001, 000 and 002. */
export const microPartyDebate: DemoMap = {
  title: 'The micro-party debate',
  description: 'The micro-party syllogism of “The Period, the Party, and the Next Left”, its critique, and the positions of Party and Class and A World to Win.',
  build(b) {
    const conclusion = b.claim('Revolutionaries should build a small, disciplined party now.');
    const p1 = b.claim('A revolutionary party is needed for socialism.');
    const p2 = b.claim('A mass party cannot be built in this period.');
    b.argument([p1, p2], conclusion, 'micro-party syllogism');
  },
};
