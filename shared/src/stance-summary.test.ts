import { describe, expect, it } from 'vitest';
import type { Stance } from './group.js';
import { consensusVerdict, disagreements, summarizeStances } from './stance-summary.js';

const s = (userId: string, nodeId: string, value: Stance['value'], confidence: number): Stance => ({ userId, nodeId, value, confidence, note: '' });

describe('stance summaries', () => {
  it('tells consensus from controversy', () => {
    const summary = summarizeStances([s('a', 'n1', 'agree', 90), s('b', 'n1', 'agree', 70), s('a', 'n2', 'agree', 100), s('b', 'n2', 'disagree', 100)]);
    expect(summary.get('n1')).toMatchObject({ agree: 2, disagree: 0, lean: 80, controversy: 0.1 });
    expect(summary.get('n2')).toMatchObject({ agree: 1, disagree: 1, lean: 0, controversy: 1 });
  });

  it('says in one word where the group stands', () => {
    const verdict = (...stances: Stance[]) => consensusVerdict(summarizeStances(stances).get('n')!);
    expect(verdict(s('a', 'n', 'agree', 80), s('b', 'n', 'disagree', 70))).toBe('split');
    expect(verdict(s('a', 'n', 'agree', 80), s('b', 'n', 'agree', 40))).toBe('agree');
    expect(verdict(s('a', 'n', 'disagree', 60), s('b', 'n', 'unsure', 50))).toBe('disagree');
    expect(verdict(s('a', 'n', 'agree', 20), s('b', 'n', 'unsure', 90))).toBe('unsure');
  });

  it('lists where two members disagree most, first', () => {
    const stances = [s('a', 'n1', 'agree', 90), s('b', 'n1', 'agree', 90), s('a', 'n2', 'agree', 60), s('b', 'n2', 'disagree', 80), s('a', 'n3', 'unsure', 50), s('b', 'n3', 'agree', 30), s('a', 'n4', 'agree', 10)];
    expect(disagreements(stances, 'a', 'b').map((d) => [d.nodeId, d.gap])).toEqual([['n2', 140], ['n3', 30]]);
  });
});
