import { z } from 'zod';
import { isStorableText, storableString } from './text.js';
import { Id } from './ids.js';

/** What kind of document a source is. */
export const SourceKind = z.enum(['essay', 'book', 'chapter', 'blog_post', 'comment_thread', 'letter', 'other']);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * What a passage of a source is.
 * - `paragraph`: running text (hard-wrapped lines joined).
 * - `heading`: a title or section heading.
 * - `list_item`: an item of a numbered or bulleted list, with its number.
 * - `quote`: a block quotation.
 * - `comment`: one comment of a thread, with its number, author if named, and parent comment.
 * - `footnote`: a note at the end of the text, with its marker ("ii" for "[ii]").
 */
export const PassageKind = z.enum(['paragraph', 'heading', 'list_item', 'quote', 'comment', 'footnote']);
export type PassageKind = z.infer<typeof PassageKind>;

/** A passage is a span [start, end) of its source's text, so quotations inside it keep exact offsets. */
export const Passage = z.object({
  id: Id,
  index: z.number().int().nonnegative(),
  kind: PassageKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  number: z.string().nullable(),
  author: z.string().nullable(),
  parentId: Id.nullable(),
});
export type Passage = z.infer<typeof Passage>;

export const SOURCE_TEXT_MAX = 5_000_000;

export const SourceMeta = z.object({
  title: storableString().trim().min(1, 'A source needs a title.').max(300),
  kind: SourceKind,
  author: storableString().trim().max(300).nullable().default(null),
  date: storableString().trim().max(50).nullable().default(null),
  /** A web address. Only http(s): a `javascript:` or `data:` URL must never become a link someone clicks. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine(isStorableText, 'Text may not contain NUL characters or unpaired UTF-16 surrogates.')
    .nullable()
    .default(null),
});

/** A source's text: not blank, at most SOURCE_TEXT_MAX characters. */
export const SourceText = storableString()
  .min(1, 'The source text is empty.')
  .max(SOURCE_TEXT_MAX)
  .refine((text) => text.trim().length > 0, 'The source text is empty.');

export const CreateSourceBody = SourceMeta.extend({ text: SourceText });
export type CreateSourceBody = z.input<typeof CreateSourceBody>;

/** Largest file a source may be imported from (the text limit, in bytes of the file). */
export const SOURCE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** File types a source can be imported from; HTML is reduced to its text, scripts and styles dropped. */
export const SOURCE_UPLOAD_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export const SourceSummary = SourceMeta.extend({
  /** As stored: sources saved before only http(s) was accepted may have another scheme (never shown as a link). */
  url: z.string().nullable(),
  id: Id,
  groupId: Id,
  revision: z.number().int().positive(),
  length: z.number().int().nonnegative(),
  passageCount: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const SourceDetail = SourceSummary.extend({
  text: z.string(),
  passages: z.array(Passage),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

/**
 * A corrected text for a source. It becomes a new revision (older ones are kept) and every quotation of it is
 * re-anchored. `baseRevision`, when given, must be the current revision: a correction of an older text is refused.
 */
export const ReviseSourceTextBody = z.object({
  text: SourceText,
  baseRevision: z.number().int().positive().optional(),
});
export type ReviseSourceTextBody = z.infer<typeof ReviseSourceTextBody>;
