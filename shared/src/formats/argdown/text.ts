/**
 * Writing text Argdown reads back verbatim. Argdown gives meaning to many characters (`[`…`]` statements,
 * `<`…`>` arguments, `#` tags, `{` data, `//` comments, `*`/`_` emphasis, `.x.` and `:x:` shortcodes, `===`
 * front matter), so those are backslash-escaped; a statement is one line, so whitespace runs (newlines too)
 * become one space. A property test parses escaped random text with @argdown/core and gets it back.
 */
export function escapeArgdown(text: string): string {
  return flatten(text).replace(/[\\@#*_[\]<>{}/`=]|[.:](?=\S)/g, (c) => `\\${c}`);
}

/** Whitespace runs as single spaces, trimmed: what survives a one-line Argdown statement. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A statement or argument title from its text: the first words, without characters that end or confuse a title
 * (`]`, `>`, `#`, …). Titles only name things within the file, so they need to be short and unique, not exact.
 */
export function titleFrom(text: string, fallback: string): string {
  const words = flatten(text)
    .replace(/[^\p{L}\p{N}\s'’,.()?!-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let title = '';
  for (const word of words) {
    if (title.length + word.length + 1 > 48) break;
    title = title ? `${title} ${word}` : word;
  }
  title = title.replace(/^[\s\-.,]+/, '').replace(/[\s,.]+$/, '');
  return title || fallback;
}

/** Hands out titles, numbering repeats ("Title (2)") so each names one thing. */
export class TitleRegistry {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    let title = wanted;
    for (let n = 2; this.used.has(title.toLowerCase()); n++) title = `${wanted} (${n})`;
    this.used.add(title.toLowerCase());
    return title;
  }
}

/** A tag for a reading's title: `#(...)` cannot hold a closing parenthesis. */
export function tagFor(title: string): string {
  return flatten(title).replace(/[()]/g, (c) => (c === '(' ? '[' : ']')) || 'reading';
}

/**
 * Front matter data as YAML that @argdown/core reads back: JSON (which is YAML), with `=` escaped inside strings
 * so a value can never end the front matter block (`===`).
 */
export function frontMatterValue(value: unknown): string {
  return JSON.stringify(value).replace(/=/g, '\\u003d');
}
