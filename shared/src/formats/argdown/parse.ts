import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownResponse } from '@argdown/core';
import { z } from 'zod';
import { SourceKind } from '../../source.js';
import { ImportFailure } from '../types.js';

/** Largest Argdown file read: @argdown/core takes about a second per megabyte and blocks while it parses. */
export const ARGDOWN_MAX_BYTES = 2 * 1024 * 1024;

let application: ArgdownApplication | null = null;

/** The reference parser with only what a model needs: parse, front matter and data, statements and relations. */
function argdown(): ArgdownApplication {
  if (!application) {
    application = new ArgdownApplication();
    application.addPlugin(new ParserPlugin(), 'parse-input');
    application.addPlugin(new DataPlugin(), 'build-model');
    application.addPlugin(new ModelPlugin({ removeTagsFromText: true }), 'build-model');
  }
  return application;
}

export interface ParsedArgdown {
  response: IArgdownResponse;
  /** Syntax errors with their line, as @argdown/core reports them. */
  errors: { line: number | null; message: string }[];
  frontMatter: Record<string, unknown>;
}

/** Parses Argdown with @argdown/core (loose mode: `+`/`-` between statements are supports/attacks). */
export function parseArgdown(text: string): ParsedArgdown {
  if (text.length > ARGDOWN_MAX_BYTES) {
    throw new ImportFailure('IMPORT_INVALID', `Argdown files over ${ARGDOWN_MAX_BYTES / 1024 / 1024} MB are not imported; split the file.`);
  }
  let response: IArgdownResponse & { parserErrors?: unknown[]; lexerErrors?: unknown[]; frontMatter?: unknown };
  try {
    response = argdown().run({ process: ['parse-input', 'build-model'], input: text, logLevel: 'none' });
  } catch (error) {
    throw new ImportFailure('IMPORT_INVALID', `The Argdown parser gave up on this file: ${(error as Error).message}`);
  }
  if (response.exceptions?.length) {
    // Parsing a pathological file (e.g. thousands of nested relation levels) fails inside the parser.
    throw new ImportFailure('IMPORT_INVALID', 'The Argdown parser could not read this file (it may be nested too deeply).');
  }
  const errors = [...(response.lexerErrors ?? []), ...(response.parserErrors ?? [])].map((e) => {
    const error = e as { message?: string; line?: number; token?: { startLine?: number } };
    const line = error.token?.startLine ?? error.line ?? null;
    return { line: Number.isFinite(line) ? line : null, message: String(error.message ?? 'syntax error') };
  });
  const frontMatter = typeof response.frontMatter === 'object' && response.frontMatter !== null ? (response.frontMatter as Record<string, unknown>) : {};
  return { response, errors, frontMatter };
}

const text = (max: number) => z.string().max(max).catch('');
const nullableText = z.string().max(2000).nullable().catch(null);

/** The `counterpoint` front matter entry Counterpoint writes (see ArgdownSideData); unreadable parts are dropped. */
export const ArgdownSide = z
  .object({
    sources: z.record(z.string(), z.object({ title: text(300), kind: SourceKind.catch('other'), author: nullableText, date: nullableText, url: nullableText })).catch({}),
    evidence: z.record(z.string(), z.object({ source: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), caption: text(10_000) })).catch({}),
    events: z.array(z.object({ key: z.string(), title: text(200), period: text(100), description: text(5000) })).catch([]),
    readings: z.array(z.object({ tag: z.string(), title: text(200), authorName: text(200), description: text(5000), event: z.string().nullable().catch(null) })).catch([]),
  })
  .catch({ sources: {}, evidence: {}, events: [], readings: [] });
export type ArgdownSide = z.infer<typeof ArgdownSide>;
