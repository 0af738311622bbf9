import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groundedLabelling, IN, OUT, UNDECIDED } from './grounded.js';

/** A random framework: up to 9 arguments and any attacks among them, self-attacks and repeats included. */
const framework = fc.integer({ min: 1, max: 9 }).chain((count) =>
  fc.record({
    count: fc.constant(count),
    attacks: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 24 }),
  }),
);
type Framework = { count: number; attacks: [number, number][] };

const label = ({ count, attacks }: Framework) =>
  groundedLabelling(
    count,
    attacks.map(([a]) => a),
    attacks.map(([, b]) => b),
  );
const attackersOf = ({ count, attacks }: Framework) => {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of attacks) lists[b]!.push(a);
  return lists;
};

/**
 * The textbook definition: the grounded extension is the least fixpoint of the characteristic function
 * F(S) = { a | every attacker of a is attacked by S }, reached by applying F to the empty set until it stops
 * growing — one full pass over all arguments per round. Out = attacked by the extension; the rest undecided.
 */
function referenceLabelling(fw: Framework): number[] {
  const attackers = attackersOf(fw);
  let extension = new Set<number>();
  for (;;) {
    const attackedByExtension = new Set(fw.attacks.filter(([a]) => extension.has(a)).map(([, b]) => b));
    const next = new Set<number>();
    for (let x = 0; x < fw.count; x++) if (attackers[x]!.every((y) => attackedByExtension.has(y))) next.add(x);
    if (next.size === extension.size) break;
    extension = next;
  }
  const out = new Set(fw.attacks.filter(([a]) => extension.has(a)).map(([, b]) => b));
  return Array.from({ length: fw.count }, (_, x) => (extension.has(x) ? IN : out.has(x) ? OUT : UNDECIDED));
}

describe('groundedLabelling (properties)', () => {
  it('matches the naive least-fixpoint reference', () => {
    fc.assert(
      fc.property(framework, (fw) => {
        expect([...label(fw)]).toEqual(referenceLabelling(fw));
      }),
      { numRuns: 2000 },
    );
  });

  it('the in set is conflict-free and defends each of its members', () => {
    fc.assert(
      fc.property(framework, (fw) => {
        const labels = label(fw);
        const inSet = (x: number) => labels[x] === IN;
        for (const [a, b] of fw.attacks) expect(inSet(a) && inSet(b)).toBe(false);
        const attackers = attackersOf(fw);
        for (let x = 0; x < fw.count; x++) {
          if (!inSet(x)) continue;
          for (const y of attackers[x]!) expect(attackers[y]!.some(inSet)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is a complete labelling: out has an in attacker, in has only out attackers, undecided neither', () => {
    fc.assert(
      fc.property(framework, (fw) => {
        const labels = label(fw);
        const attackers = attackersOf(fw);
        for (let x = 0; x < fw.count; x++) {
          const of = attackers[x]!.map((y) => labels[y]);
          if (labels[x] === OUT) expect(of).toContain(IN);
          if (labels[x] === IN) expect(of.every((l) => l === OUT)).toBe(true);
          if (labels[x] === UNDECIDED) {
            expect(of).not.toContain(IN);
            expect(of).toContain(UNDECIDED);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
