import { z } from 'zod';

/**
 * Characters PostgreSQL cannot store as they are: NUL (text columns refuse it) and lone UTF-16 surrogates (jsonb
 * refuses their `\uD800` escapes; text columns would silently turn them into U+FFFD). With the `u` flag, `\p{Cs}`
 * matches only a surrogate that is not half of a pair, so emoji and other astral characters are fine.
 */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** True when `text` can be stored and read back exactly: no NUL character and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * A string the database can store exactly. Every text field a client sends is built on this, so a NUL or a
 * lone surrogate is a 400 VALIDATION_FAILED (or a live `error`) up front rather than a failed write.
 */
export function storableString() {
  return z.string().refine(isStorableText, 'Text may not contain NUL characters or unpaired UTF-16 surrogates.');
}
