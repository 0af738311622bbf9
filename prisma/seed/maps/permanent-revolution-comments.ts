import type { DemoMap } from '../map-builder.js';

/** Placeholder: the content is written from a careful reading of 004 and 003. */
export const permanentRevolutionComments: DemoMap = {
  title: 'Permanent revolution in the comments',
  description: 'The blogger’s claims, the commenter’s objections about Vietnam 1945 and China 1927, and the account in Trotsky: an introduction.',
  build(b) {
    const q = b.question('Did the theory of permanent revolution serve the revolutions of the colonial world?');
    const c = b.claim('Trotskyists told peasants not to rise up in Vietnam in 1945.');
    b.answers(c, q);
  },
};
