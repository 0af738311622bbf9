import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestContext } from '../helpers/app.js';
import { databaseDigest, type DbDigest } from '../helpers/db-digest.js';
import { answerWithin, assertClientError, assertNoServerError } from '../helpers/fuzz-expect.js';
import { deeplyNested, loneSurrogate } from '../helpers/fuzz-values.js';
import { createFuzzWorld, type FuzzWorld } from '../helpers/fuzz-world.js';
import { multipartBody } from '../helpers/multipart.js';

/** Bodies that are files, not JSON: source uploads (multipart) and map imports. Nothing may be written. */
let ctx: TestContext;
let world: FuzzWorld;
let before: DbDigest;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await createFuzzWorld(ctx.app, ctx.db);
  before = await databaseDigest(ctx.db);
});
afterAll(async () => ctx.close());

/** An upload with at least one fault: no file, an empty or binary one, a type not taken, or bad metadata. */
const badUpload = fc.oneof(
  fc.record({ title: fc.string({ maxLength: 20 }) }).map((fields) => multipartBody(fields)),
  fc.constantFrom('a.txt', 'b.md', 'c.html').map((name) => multipartBody({}, { name, type: 'text/plain', content: '' })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => multipartBody({}, { name: 'x.txt', content: new Uint8Array([0, 0, ...bytes, 0]) })),
  fc.constantFrom('x.exe', 'y.pdf', 'z', '../../etc/passwd', 'a.txt.sh', '.htaccess').map((name) => multipartBody({}, { name, content: 'Plain words.' })),
  fc.constantFrom<Record<string, string>>({ kind: 'tweet' }, { url: 'javascript:alert(1)' }, { url: 'not a url' }, { title: 'x'.repeat(301) }, { date: 'd'.repeat(51) })
    .map((fields) => multipartBody(fields, { name: 'ok.txt', type: 'text/plain', content: 'Plain words.' })),
  // Broken multipart framing: cut short, or a boundary that never appears.
  fc.nat({ max: 150 }).map((cut) => {
    const body = multipartBody({ title: 'T' }, { name: 'ok.txt', content: 'Plain words.' });
    return { ...body, payload: body.payload.subarray(0, cut) };
  }),
  fc.string({ maxLength: 100 }).map((text) => ({ payload: Buffer.from(text), headers: { 'content-type': 'multipart/form-data; boundary=nothing-here' } })),
);

describe('source uploads', () => {
  it('refuses every faulty upload with a 4xx and a stable code', async () => {
    await fc.assert(
      fc.asyncProperty(badUpload, async (upload) => {
        const response = await answerWithin(
          ctx.app.inject({ method: 'POST', url: `/api/groups/${world.team.group.id}/sources`, headers: { ...as(world.team.owner.id), ...upload.headers }, payload: upload.payload }),
          10_000,
          'upload',
        );
        assertClientError(response, `upload ${upload.payload.subarray(0, 200).toString()}`);
      }),
      { numRuns: 200, endOnFailure: true },
    );
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });
});

/** A file that is no map in any format: junk, JSON of another shape, deep nesting, NUL and lone surrogates. */
const badFile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  deeplyNested.map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"format":"counterpoint","version":1,"map":{"title":"\\u0000"},"nodes":[]}',
    '{"format":"counterpoint","version":1,"map":{"title":"t"},"nodes":[{"id":"a","kind":"claim","text":"\\ud800","x":0,"y":0,"quote":null}]}',
    '{"format":"counterpoint","version":1,"map":{"title":"t"},"nodes":[],"sources":[{"id":"s","title":"t","kind":"essay","url":"javascript:alert(1)","text":"x"}]}',
    '{"nodes":[{"nodeID":"1","text":"\\u0000","type":"I"}],"edges":[]}',
    '{"nodes":[{"nodeID":"1","text":"\\udc00","type":"I"}],"edges":[]}',
    '{"__proto__":{"polluted":true},"nodes":[]}',
  ),
  loneSurrogate.map((s) => `[Claim]: text ${s}\n`),
);

describe('map imports', () => {
  it('never answers a 5xx or hangs for a bad file in any format, and writes nothing on a dry run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('json', 'aif', 'argdown'), badFile, async (format, file) => {
        const url = `/api/groups/${world.team.group.id}/maps/import?format=${format}&dryRun=true`;
        const response = await answerWithin(ctx.app.inject({ method: 'POST', url, headers: { ...as(world.team.owner.id), 'content-type': 'text/plain' }, payload: file }), 10_000, url);
        assertNoServerError(response, `${format} import of ${file.slice(0, 200)}`);
      }),
      { numRuns: 200, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });

  it('refuses a bad JSON or AIF file for real with a 4xx, writing nothing', async () => {
    const notAMap = fc.oneof(fc.string({ maxLength: 100 }).filter((s) => !s.trim().startsWith('{')), fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('json', 'aif'), notAMap, async (format, file) => {
        const url = `/api/groups/${world.team.group.id}/maps/import?format=${format}`;
        const response = await answerWithin(ctx.app.inject({ method: 'POST', url, headers: { ...as(world.team.owner.id), 'content-type': 'text/plain' }, payload: file }), 10_000, url);
        assertClientError(response, `${format} import of ${file.slice(0, 200)}`);
      }),
      { numRuns: 150, endOnFailure: true },
    );
    expect(await databaseDigest(ctx.db)).toEqual(before);
  });
});
