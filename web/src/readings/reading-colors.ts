import type { GraphReading } from '@counterpoint/shared';

/** Distinct colours, readable as small dots on white and on the tinted evidence cards. */
export const READING_PALETTE = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#e64980', '#5c940d', '#6741d9', '#868e96'];

/**
 * A colour per reading. Readings are ordered by id so every member's screen gives a reading the same colour;
 * beyond the palette, colours repeat.
 */
export function readingColors(readings: Readonly<Record<string, GraphReading>>): ReadonlyMap<string, string> {
  const ids = Object.keys(readings).sort();
  return new Map(ids.map((id, i) => [id, READING_PALETTE[i % READING_PALETTE.length]!]));
}
