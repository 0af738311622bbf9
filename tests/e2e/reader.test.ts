import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MapSnapshot, SourceDetail, SourceSummary } from '@counterpoint/shared';
import { z } from 'zod';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { signInAsDemo, demoCookie } from '../helpers/demo-session.js';

const SOURCE_TITLE = 'The Period, the Party, and the Next Left (from 2009)';
const CLAIM = 'Micro-party view (1)';
const WORDS = 'the global economic crisis represents the opening of a new period';

async function getJson<T>(baseUrl: string, path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: await demoCookie(baseUrl) } });
  expect(response.status).toBe(200);
  return schema.parse(await response.json());
}

async function waitSaved(page: Page) {
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
}

/** Selects `words` inside the reader, as a person dragging over them would (a DOM range on the rendered text). */
async function selectInReader(page: Page, words: string) {
  await page.evaluate((wanted) => {
    for (const run of Array.from(document.querySelectorAll('[data-testid="reader-passages"] [data-offset]'))) {
      const text = run.firstChild;
      const at = text?.textContent?.indexOf(wanted) ?? -1;
      if (text && at >= 0) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + wanted.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not shown in the reader`);
  }, words);
}

/** The reader against the real built app and server: quote a passage onto a claim, reload, find the highlight. */
describe('source reader', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('quotes selected words of a source onto the selected claim, and shows the highlight again after a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.getByRole('link', { name: 'The micro-party debate' }).click();
    await page.getByTestId('node-claim').first().waitFor();
    const mapId = new URL(page.url()).pathname.split('/').pop()!;
    const before = await getJson(server.baseUrl, `/api/maps/${mapId}`, MapSnapshot);
    const claim = before.nodes.find((n) => n.text.startsWith(CLAIM))!;

    // Open the reader on the letter; select the claim on the canvas; select words in the text (gesture 1).
    await page.getByTestId('reader-toggle').click();
    await page.getByTestId('reader-panel').waitFor();
    await page.getByTestId('reader-source-select').selectOption({ label: SOURCE_TITLE });
    await page.getByTestId('passage').first().waitFor();
    await page.getByTestId('node-claim').filter({ hasText: CLAIM }).click();
    await selectInReader(page, WORDS);
    await expect(page.getByTestId('quote-target').textContent()).resolves.toContain(`quotes “${CLAIM}`);

    // "Quote as evidence" (gesture 2): one batch, an evidence node and its quotes edge.
    await page.getByTestId('quote-as-evidence').click();
    await waitSaved(page);
    const after = await getJson(server.baseUrl, `/api/maps/${mapId}`, MapSnapshot);
    const evidence = after.nodes.find((n) => n.kind === 'evidence' && n.quote?.exact === WORDS);
    expect(evidence).toBeDefined();
    const sources = await getJson(server.baseUrl, `/api/groups/${after.map.groupId}/sources`, z.array(SourceSummary));
    const source = await getJson(server.baseUrl, `/api/sources/${sources.find((s) => s.title === SOURCE_TITLE)!.id}`, SourceDetail);
    const start = source.text.indexOf(WORDS);
    expect(evidence!.quote).toEqual({
      sourceId: source.id,
      exact: WORDS,
      prefix: source.text.slice(start - 32, start),
      suffix: source.text.slice(start + WORDS.length, start + WORDS.length + 32),
      start,
      end: start + WORDS.length,
    });
    expect(after.edges).toContainEqual(expect.objectContaining({ kind: 'quotes', fromId: evidence!.id, toId: claim.id }));
    expect(after.version).toBe(before.version + 2);
    const log = await database.db.opLog.findMany({ where: { mapId, version: { gt: before.version } }, orderBy: { version: 'asc' } });
    expect(log.map((entry) => (entry.op as { type: string }).type)).toEqual(['node.create', 'edge.create']);
    expect(new Set(log.map((entry) => entry.clientSeq - log[0]!.clientSeq))).toEqual(new Set([0, 1]));

    // After a reload, clicking the evidence node opens its source at the highlighted quotation.
    await page.reload();
    const node = page.getByTestId('node-evidence').filter({ hasText: WORDS });
    await node.waitFor();
    await node.click();
    const highlight = page.locator(`mark[data-node-ids~="${evidence!.id}"]`);
    await highlight.waitFor();
    await expect(highlight.textContent()).resolves.toBe(WORDS);
    await expect(highlight.getAttribute('class')).resolves.toContain('is-active');
    expect(await highlight.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/reader-e2e.png' });

    // Search finds the passage in the long book and opens it in the reader.
    await page.getByTestId('search-box').fill('Kronstadt 1921');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('search-result').filter({ hasText: 'trotsky: an introduction' }).first().click();
    await expect(page.getByTestId('reader-source-select').inputValue()).resolves.toBe(sources.find((s) => s.title === 'Trotsky: an introduction')!.id);
    await page.locator('.cp-passage.is-target').filter({ hasText: 'Kronstadt' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
