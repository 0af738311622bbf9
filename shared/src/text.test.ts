import { describe, expect, it } from 'vitest';
import { isStorableText, storableString } from './text.js';

describe('isStorableText', () => {
  it('accepts any well-formed text, emoji and other astral characters included', () => {
    for (const text of ['', 'plain', 'Trotsky — “permanent revolution” 🚩', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\t\n\r', '\uffff']) expect(isStorableText(text), text).toBe(true);
  });

  it('refuses NUL and each kind of lone surrogate', () => {
    for (const text of ['a\u0000b', '\ud800', 'x\udbff', '\udc00y', '\udfff', '🚩'.slice(0, 1), '🚩'.slice(1), '\udc00\ud800']) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('makes a schema that reports the fault as a validation issue, keeping the other rules', () => {
    const Title = storableString().trim().min(1).max(5);
    expect(Title.safeParse(' ok ').data).toBe('ok');
    expect(Title.safeParse('a\ud800').success).toBe(false);
    expect(Title.safeParse('toolong').success).toBe(false);
  });
});
