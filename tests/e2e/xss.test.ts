import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Comment, Group, MapSnapshot, MapSummary, SourceDetail } from '@counterpoint/shared';
import { startE2eSession, watchForScript, type E2eSession } from '../helpers/e2e-session.js';
import { signInAsDemo } from '../helpers/demo-session.js';
import { claimOp, edgeOp, eventOp, newId, readingOp } from '../helpers/ops.js';

/** Text an attacker would type anywhere: it must be stored as typed and shown as text, never run. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=1;alert(2)</script>',
  '"><svg onload="window.__xss=1;alert(3)">',
  "'); DROP TABLE nodes;--",
  '<a href="javascript:window.__xss=1">link</a> & <iframe src="javascript:alert(4)"></iframe>',
];
const [IMG, SCRIPT, SVG, SQL, LINK] = PAYLOADS as [string, string, string, string, string];
const SOURCE_TEXT = `A source that quotes ${IMG} and ${SCRIPT} in the middle of a sentence.\n\nAnd ${SQL} too.`;

let session: E2eSession;
let groupId: string;
let mapId: string;
let sourceId: string;
const claimIds = PAYLOADS.map(() => newId());

async function expectInert(page: Page, watch: ReturnType<typeof watchForScript>, where: string) {
  // Give an onerror/onload the moment it would need to fire.
  await page.waitForTimeout(300);
  expect(await watch.injected(), where).toEqual({ xss: null, handlers: 0, javascriptLinks: 0 });
  expect(watch.dialogs, where).toEqual([]);
}

beforeAll(async () => {
  session = await startE2eSession();
  groupId = Group.array().parse((await session.api('/api/groups')).json)[0]!.id;

  // A javascript: URL is refused by the schema; the source is stored with an https one.
  const meta = { title: `Source ${SVG}`, kind: 'essay', author: IMG, date: SQL, text: SOURCE_TEXT };
  const refused = await session.api(`/api/groups/${groupId}/sources`, { method: 'POST', body: { ...meta, url: 'javascript:window.__xss=1' } });
  expect(refused.status).toBe(400);
  const source = await session.api(`/api/groups/${groupId}/sources`, { method: 'POST', body: { ...meta, url: 'https://example.org/source' } });
  expect(source.status, source.text).toBe(201);
  sourceId = SourceDetail.parse(source.json).id;

  const map = await session.api(`/api/groups/${groupId}/maps`, { method: 'POST', body: { title: `XSS ${SCRIPT}`, description: IMG } });
  expect(map.status, map.text).toBe(201);
  mapId = MapSummary.parse(map.json).id;

  const start = SOURCE_TEXT.indexOf(IMG);
  const quote = { sourceId, exact: IMG, prefix: SOURCE_TEXT.slice(0, start), suffix: SOURCE_TEXT.slice(start + IMG.length, start + IMG.length + 32), start, end: start + IMG.length };
  const event = eventOp({ title: `Event ${SVG}` });
  const ops = [
    ...PAYLOADS.map((text, i) => claimOp({ id: claimIds[i], text, x: (i % 3) * 320, y: Math.floor(i / 3) * 220 })),
    { type: 'node.create' as const, node: { id: newId(), kind: 'evidence' as const, text: `Caption ${LINK}`, x: 0, y: 500, quote } },
    edgeOp('supports', claimIds[0]!, claimIds[1]!, { label: SVG }),
    event,
    { ...readingOp(event.event.id, { nodeIds: [claimIds[0]!] }, { title: `Reading ${IMG}` }) },
  ];
  const submitted = await session.api(`/api/maps/${mapId}/ops`, { method: 'POST', body: { baseVersion: 0, clientId: newId(), clientSeq: 0, ops } });
  expect(submitted.status, submitted.text).toBe(200);
  const comment = await session.api(`/api/nodes/${claimIds[0]}/comments`, { method: 'POST', body: { body: `${SCRIPT} ${SQL}` } });
  expect(comment.status, comment.text).toBe(201);
});
afterAll(async () => session?.close());

describe('hostile text is stored as data', () => {
  it('returns every field exactly as it was sent (and the SQL-looking text dropped nothing)', async () => {
    const snapshot = MapSnapshot.parse((await session.api(`/api/maps/${mapId}`)).json);
    expect(claimIds.map((id) => snapshot.nodes.find((n) => n.id === id)?.text)).toEqual(PAYLOADS);
    expect(snapshot.map.title).toBe(`XSS ${SCRIPT}`);
    expect(snapshot.edges[0]!.label).toBe(SVG);
    expect(snapshot.events[0]!.title).toBe(`Event ${SVG}`);
    expect(snapshot.readings[0]!.title).toBe(`Reading ${IMG}`);
    expect(snapshot.nodes.find((n) => n.kind === 'evidence')?.quote?.exact).toBe(IMG);
    const source = SourceDetail.parse((await session.api(`/api/sources/${sourceId}`)).json);
    expect({ title: source.title, author: source.author, date: source.date, text: source.text }).toEqual({ title: `Source ${SVG}`, author: IMG, date: SQL, text: SOURCE_TEXT });
    const comments = Comment.array().parse((await session.api(`/api/maps/${mapId}/comments`)).json);
    expect(comments.map((c) => c.body)).toEqual([`${SCRIPT} ${SQL}`]);
  });
});

describe('hostile text is shown as text', () => {
  it('has a detector that sees a payload that does run (so "inert" below means something)', async () => {
    const page = await session.browser.newPage();
    const watch = watchForScript(page);
    await page.setContent(`<div>${IMG}</div>`);
    await page.waitForFunction(() => (window as { __xss?: unknown }).__xss === 1);
    expect(await watch.injected()).toMatchObject({ xss: 1, handlers: 1 });
    await page.close();
  });

  it('renders inert on the map list, the canvas, the discussion, the readings and the reader', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchForScript(page);
    await signInAsDemo(page, session.server.baseUrl);
    await page.getByText(`XSS ${SCRIPT}`).first().waitFor();
    await expectInert(page, watch, 'map list');

    await page.goto(`${session.server.baseUrl}/maps/${mapId}`);
    for (const text of PAYLOADS) await page.getByTestId('node-claim').filter({ hasText: text }).first().waitFor();
    await page.getByTestId('node-evidence').filter({ hasText: IMG }).first().waitFor();
    await expectInert(page, watch, 'canvas');

    await page.getByTestId('toggle-discussion').click();
    await page.getByTestId('discussion-panel').getByRole('button', { name: IMG }).click();
    await page.getByTestId('discussion-panel').getByText(`${SCRIPT} ${SQL}`).waitFor();
    await expectInert(page, watch, 'discussion');

    await page.getByTestId('readings-toggle').click();
    await page.getByTestId('readings-panel').getByText(`Event ${SVG}`).first().waitFor();
    await expectInert(page, watch, 'readings');

    await page.getByTestId('reader-toggle').click();
    await page.getByTestId('reader-source-select').selectOption({ label: `Source ${SVG}` });
    await page.getByTestId('passage').filter({ hasText: SCRIPT }).first().waitFor();
    await expectInert(page, watch, 'reader');

    await page.goto(`${session.server.baseUrl}/maps/${mapId}/outline`);
    await page.getByTestId('outline').getByText(SQL).first().waitFor();
    await expectInert(page, watch, 'outline');
    await page.close();
  });

  it('exports an SVG with the text escaped, which runs nothing when opened', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const watch = watchForScript(page);
    await signInAsDemo(page, session.server.baseUrl);
    await page.goto(`${session.server.baseUrl}/maps/${mapId}`);
    await page.getByTestId('node-claim').first().waitFor();
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-map').click()]);
    const file = path.join(os.tmpdir(), `xss-${process.pid}.svg`);
    await download.saveAs(file);
    const svg = await readFile(file, 'utf8');
    // The payloads are in the file as text: parsed, it has no element or attribute they would have made.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const all = Array.from(doc.querySelectorAll('*'));
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        injected: all.filter((el) => ['script', 'img', 'iframe'].includes(el.localName) || Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
        nestedSvgs: doc.querySelectorAll('svg svg').length,
        text: doc.documentElement.textContent ?? '',
      };
    }, svg);
    expect(parsed).toMatchObject({ errors: 0, injected: 0 });
    expect(parsed.text).toContain(SQL);

    const viewer = await session.browser.newPage();
    const viewerWatch = watchForScript(viewer);
    await viewer.goto(pathToFileURL(file).href);
    const shown = await viewer.evaluate(() => document.documentElement.textContent ?? '');
    expect(shown).toContain("'); DROP TABLE nodes;--");
    await expectInert(viewer, viewerWatch, 'opened SVG');
    await viewer.close();
    await expectInert(page, watch, 'export');
    await page.close();
  });
});

describe('hostile text in export files', () => {
  const exported = async (format: string) => {
    const response = await session.api(`/api/maps/${mapId}/export?format=${format}`);
    expect(response.status, `${format}: ${response.text.slice(0, 200)}`).toBe(200);
    return response.text;
  };

  it('escapes it in GraphML (well-formed XML, texts intact) and DOT (quotes escaped)', async () => {
    const graphml = await exported('graphml');
    const page = await session.browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { errors: doc.getElementsByTagName('parsererror').length, scripts: doc.getElementsByTagName('script').length, text: doc.documentElement.textContent ?? '' };
    }, graphml);
    await page.close();
    expect(parsed.errors).toBe(0);
    expect(parsed.scripts).toBe(0);
    for (const text of PAYLOADS) expect(parsed.text).toContain(text);

    const dot = await exported('dot');
    // The payloads' double quotes are backslash-escaped, so no label ends early and no attribute is smuggled in.
    expect(dot).toContain('\\"><svg onload=\\"');
    expect(dot).not.toMatch(/[^\\]"><svg/);
    expect(dot).toContain('onerror=\\"window');
  });

  it('escapes it in the outline (Markdown: no raw HTML)', async () => {
    const outline = await exported('outline');
    expect(outline).not.toMatch(/<script|<img|<svg|<iframe/i);
    expect(outline).toContain('&lt;script&gt;');
  });

  it('round-trips it exactly through Argdown, AIF and native JSON imports', async () => {
    for (const format of ['argdown', 'aif', 'json']) {
      const file = await exported(format);
      const imported = await session.api(`/api/groups/${groupId}/maps/import?format=${format}&title=${encodeURIComponent(`Imported ${format}`)}`, { method: 'POST', raw: file, contentType: 'text/plain' });
      expect(imported.status, `${format}: ${imported.text.slice(0, 300)}`).toBe(201);
      const newMapId = (imported.json as { map: { id: string } }).map.id;
      const snapshot = MapSnapshot.parse((await session.api(`/api/maps/${newMapId}`)).json);
      // AIF has no evidence kind: the quotation comes back as one more claim.
      const texts = snapshot.nodes.filter((n) => n.kind === 'claim').map((n) => n.text);
      expect(texts, format).toEqual(expect.arrayContaining(PAYLOADS));
      expect(snapshot.map.title).toBe(`Imported ${format}`);
    }
  });

  it('imports a hostile native file through the dialog and shows it inert', async () => {
    const file = path.join(os.tmpdir(), `xss-${process.pid}.counterpoint.json`);
    await writeFile(file, await exported('json'));
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchForScript(page);
    await signInAsDemo(page, session.server.baseUrl);
    await page.getByTestId('import-map').click();
    const dialog = page.getByRole('dialog', { name: 'Import a map' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByTestId('import-preview').waitFor();
    await expectInert(page, watch, 'import preview');
    await dialog.getByLabel('Title of the new map').fill(`Dialog ${IMG}`);
    await dialog.getByTestId('import-start').click();
    await page.waitForURL((url) => /^\/maps\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(mapId));
    for (const text of PAYLOADS) await page.getByTestId('node-claim').filter({ hasText: text }).first().waitFor();
    await expectInert(page, watch, 'imported map');
    await page.close();
  });
});
