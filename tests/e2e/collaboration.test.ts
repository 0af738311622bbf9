import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { signInAsDemo } from '../helpers/demo-session.js';

const TEXT = 'Two readers, one canvas.';

/** Two browser contexts as two members on one map: edits, pointers and selections cross over live. */
describe('live collaboration in the browser', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function openMap(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.getByRole('link', { name: 'The micro-party debate' }).click();
    await page.getByTestId('node-claim').first().waitFor();
    await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
    return { page, errors };
  }

  it('shows one member’s edit, cursor and selection to the other', async () => {
    const a = await openMap();
    const b = await openMap();
    // Each sees the other online (both are the demo member here, in two tabs).
    await a.page.getByTestId('online-member').first().waitFor();

    // An edit in A appears in B without a reload.
    await a.page.getByTestId('add-claim').click();
    await a.page.getByLabel('Edit text').fill(TEXT);
    await a.page.getByLabel('Edit text').press('Enter');
    await b.page.getByTestId('node-claim').filter({ hasText: TEXT }).waitFor({ timeout: 10_000 });
    // While A typed, B saw "editing…" on that node at some point; now that A is done it is gone.
    await b.page.getByTestId('peer-editing').waitFor({ state: 'detached', timeout: 10_000 });

    // A's pointer on the canvas shows in B.
    const pane = (await a.page.locator('.react-flow__pane').boundingBox())!;
    await a.page.mouse.move(pane.x + 300, pane.y + 300);
    await a.page.mouse.move(pane.x + 320, pane.y + 310, { steps: 4 });
    await b.page.getByTestId('peer-cursor').waitFor({ timeout: 10_000 });

    // A selects a node; B sees it outlined in A's colour.
    await a.page.getByTestId('node-claim').filter({ hasText: TEXT }).click();
    await b.page.getByTestId('peer-selection').waitFor({ timeout: 10_000 });

    // A leaves; B's cursor and outline of A go away.
    await a.page.close();
    await b.page.getByTestId('peer-cursor').waitFor({ state: 'detached', timeout: 10_000 });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('undoes your own edit with Ctrl+Z, lists it in the history, and shows a past version read-only', async () => {
    const { page, errors } = await openMap();
    const before = await page.getByTestId('node-claim').count();
    await page.getByTestId('add-claim').click();
    await page.getByLabel('Edit text').fill('To be undone');
    await page.getByLabel('Edit text').press('Enter');
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

    await page.getByTestId('toggle-history').click();
    await page.getByTestId('activity').getByText('Dana edited the text of').first().waitFor();

    await page.keyboard.press('Control+z'); // the text
    await page.keyboard.press('Control+z'); // the new claim
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="node-claim"]').length === n, before);
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await page.getByTestId('activity').getByText('Dana deleted claim').first().waitFor();

    // Version 1 of the demo map holds one node only.
    await page.getByTestId('time-travel').fill('1');
    await page.getByTestId('time-travel-banner').waitFor();
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(1);
    await expect(page.getByTestId('add-claim').count()).resolves.toBe(0);
    await page.getByTestId('time-travel-banner').getByRole('button', { name: 'Back to the live map' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="node-claim"]').length === n, before);
    expect(errors).toEqual([]);
  });
});
