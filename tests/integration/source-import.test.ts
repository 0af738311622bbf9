import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceDetail, type ErrorCode } from '@counterpoint/shared';
import { CORPUS_DIR } from '../../server/src/paths.js';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { createTeam, expectApiError, expectNothingWritten } from '../helpers/api.js';
import { multipartBody } from '../helpers/multipart.js';

let ctx: TestContext;
let team: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  ctx = await createTestApp();
  team = await createTeam(ctx.db);
});
afterAll(async () => ctx.close());

const corpus = (file: string) => readFileSync(path.join(CORPUS_DIR, file), 'utf8');
const url = () => `/api/groups/${team.group.id}/sources`;

function upload(fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1], userId = team.editor.id) {
  const { payload, headers } = multipartBody(fields, file);
  return ctx.app.inject({ method: 'POST', url: url(), headers: { ...as(userId), ...headers }, payload });
}

describe('importing the demo corpus', () => {
  it('imports the 285 KB book (003) in under 2 s, its 1,259 passages exact spans of its text', async () => {
    // Warm the path once with the short blurb (000), so the timing is of the import, not of loading code.
    const blurb = { title: 'Party and Class', kind: 'book', text: corpus('party-and-class-blurb.txt') };
    expect((await ctx.app.inject({ method: 'POST', url: url(), headers: as(team.editor.id), payload: blurb })).statusCode).toBe(201);
    const text = corpus('trotsky-an-introduction.txt');
    const started = performance.now();
    const response = await ctx.app.inject({ method: 'POST', url: url(), headers: as(team.editor.id), payload: { title: 'Trotsky: an introduction', kind: 'book', text } });
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(201);
    expect(elapsed).toBeLessThan(2_000);
    const source = SourceDetail.parse(response.json());
    expect(source.passageCount).toBe(1259);
    for (const passage of source.passages) expect(passage.text).toBe(text.slice(passage.start, passage.end));
  });

  it('stores the comment thread of 004 with each reply linked to its comment', async () => {
    const response = await upload(
      { title: 'The Problem with “International” Parties', kind: 'comment_thread' },
      { name: 'problem-with-international-parties.txt', type: 'text/plain', content: corpus('problem-with-international-parties.txt') },
    );
    expect(response.statusCode).toBe(201);
    const source = SourceDetail.parse(response.json());
    const byId = new Map(source.passages.map((p) => [p.id, p]));
    const comments = source.passages.filter((p) => p.kind === 'comment');
    expect(comments.map((c) => (c.parentId ? `${byId.get(c.parentId)!.number}>${c.number}` : c.number))).toEqual([
      '1', '1>1', '1>3', '1>4', '1>6', '1>7', '1>8', '1>9', '1>10', '1>11', '1>12', '1>13', '2', '2>1',
    ]);
  });
});

describe('uploading a file (multipart)', () => {
  it('imports a .txt file with its metadata fields, empty fields meaning "not given"', async () => {
    const response = await upload(
      { title: 'Notes on the period', kind: 'essay', author: 'A. Reader', date: '2009', url: '' },
      { name: 'notes.txt', type: 'text/plain', content: 'First paragraph.\r\n\r\nSecond paragraph.\r\n' },
    );
    expect(response.statusCode).toBe(201);
    expect(SourceDetail.parse(response.json())).toMatchObject({
      title: 'Notes on the period', kind: 'essay', author: 'A. Reader', date: '2009', url: null,
      text: 'First paragraph.\n\nSecond paragraph.\n', passageCount: 2,
    });
  });

  it('reads UTF-8 with a byte order mark and UTF-16, and takes the file name as the default title', async () => {
    const utf8 = await upload({ kind: 'other' }, { name: 'bom-notes.md', content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Heading\n\nText “quoted”.')]) });
    expect(SourceDetail.parse(utf8.json())).toMatchObject({ title: 'bom-notes', kind: 'other', text: '# Heading\n\nText “quoted”.' });
    expect(SourceDetail.parse(utf8.json()).passages.map((p) => p.kind)).toEqual(['heading', 'paragraph']);
    const utf16 = await upload({ title: 'Wide' }, { name: 'wide.txt', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Trotsky — 🚩', 'utf16le')]) });
    expect(SourceDetail.parse(utf16.json()).text).toBe('Trotsky — 🚩');
  });

  it('reduces HTML to its text: blocks become paragraphs, lists items, scripts and styles vanish', async () => {
    const html = `<!doctype html><html><head><title>The Period &amp; the Party</title><style>p { color: red }</style>
      <script>alert("x")</script></head><body><h1>The Period</h1><p>First   <b>bold</b> paragraph,<br>second line.</p>
      <ol><li>There can be no revolution without a party;</li><li>Our group is that party;</li></ol>
      <blockquote><p>“A quotation.”</p></blockquote><noscript>Enable JS</noscript><p>Last &lt;p&gt; words.</p></body></html>`;
    const response = await upload({ kind: 'blog_post' }, { name: 'period.html', type: 'text/html', content: html });
    expect(response.statusCode).toBe(201);
    const source = SourceDetail.parse(response.json());
    expect(source.title).toBe('The Period & the Party');
    expect(source.text).toBe(
      'The Period\n\nFirst bold paragraph,\nsecond line.\n\n1. There can be no revolution without a party;\n2. Our group is that party;\n\n“A quotation.”\n\nLast <p> words.',
    );
    expect(source.text).not.toMatch(/alert|color|Enable JS/);
    expect(source.passages.map((p) => [p.kind, p.number])).toEqual([
      ['heading', null], ['paragraph', null], ['list_item', '1'], ['list_item', '2'], ['quote', null], ['paragraph', null],
    ]);
  });
});

describe('refusing unusable uploads, storing nothing', () => {
  const cases: [string, Parameters<typeof multipartBody>[1], ErrorCode][] = [
    ['an empty file', { name: 'empty.txt', content: '' }, 'UPLOAD_EMPTY'],
    ['a file of blank lines', { name: 'blank.txt', content: '\n \n\t\n' }, 'UPLOAD_EMPTY'],
    ['HTML with nothing but a script', { name: 'script.html', content: '<script>alert(1)</script><style>p{}</style>' }, 'UPLOAD_EMPTY'],
    ['a PDF', { name: 'paper.txt', content: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj') }, 'UPLOAD_NOT_TEXT'],
    ['binary bytes', { name: 'data.txt', content: new Uint8Array([0x41, 0x00, 0x42, 0x01, 0x02, 0x03]) }, 'UPLOAD_NOT_TEXT'],
    ['Windows-1252 text', { name: 'latin.txt', content: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]) }, 'UPLOAD_UNDECODABLE'],
    ['a Word document', { name: 'essay.docx', content: Buffer.from('PK\u0003\u0004rest') }, 'UPLOAD_UNSUPPORTED_TYPE'],
    ['a file over 5 MB', { name: 'huge.txt', content: 'x'.repeat(5 * 1024 * 1024 + 1) }, 'UPLOAD_TOO_LARGE'],
  ];

  it.each(cases)('refuses %s with its own code', async (_what, file, code) => {
    const response = await expectNothingWritten(ctx.db, () => upload({ title: 'Bad', kind: 'essay' }, file));
    const body = expectApiError(response, code);
    expect(body.message).toContain(file!.name);
  });

  it('refuses an upload without a file, and a bad metadata field, with stable codes', async () => {
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await upload({ title: 'No file', kind: 'essay' }), 'UPLOAD_MISSING_FILE');
      const badKind = expectApiError(await upload({ kind: 'tweet' }, { name: 'a.txt', content: 'Text.' }), 'VALIDATION_FAILED');
      expect(badKind.issues?.map((i) => i.path)).toEqual(['body.kind']);
    });
  });

  it('refuses viewers before reading the file', async () => {
    await expectNothingWritten(ctx.db, async () => {
      expectApiError(await upload({ kind: 'essay' }, { name: 'a.txt', content: 'Text.' }, team.viewer.id), 'FORBIDDEN');
    });
  });
});
