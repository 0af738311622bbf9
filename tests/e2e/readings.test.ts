import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MapSnapshot, evaluateReading, graphFromLists } from '@counterpoint/shared';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { signInAsDemo, demoCookie } from '../helpers/demo-session.js';

const MAP = 'Permanent revolution in the comments';
const CLAIM_C = 'Blogger (c): it tells movements';
const GROWS_OVER = 'Trotsky: an introduction: the workers of a backward country';
const QUOTE_C = 'c) revolutionary movements at the peripheries';

async function snapshot(baseUrl: string, mapId: string): Promise<MapSnapshot> {
  const response = await fetch(`${baseUrl}/api/maps/${mapId}`, { headers: { cookie: await demoCookie(baseUrl) } });
  expect(response.status).toBe(200);
  return MapSnapshot.parse(await response.json());
}

const waitSaved = (page: Page) => page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
const claim = (page: Page, text: string) => page.getByTestId('node-claim').filter({ hasText: text });

/** Readings, labels and the compare view against the real built app, on the seeded demo map. */
describe('readings and evaluation in the editor', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let mapId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.getByRole('link', { name: MAP }).click();
    await page.getByTestId('node-claim').first().waitFor();
    mapId = new URL(page.url()).pathname.split('/').pop()!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('creates a reading from a canvas selection, labels it on its own, grows it and filters the canvas by it', async () => {
    // Whole-map labels are on by default: the blogger's reply 11 knocks out the commenter's comment 10.
    const theoryMeansRising = claim(page, 'Commenter: factually the Trotskyists never said');
    await expect(theoryMeansRising.getByTestId('node-label').getAttribute('data-label')).resolves.toBe('out');

    await page.getByTestId('readings-toggle').click();
    const panel = page.getByTestId('readings-panel');
    await panel.getByTestId('event-item').filter({ hasText: 'China 1925–27' }).waitFor();
    await panel.getByTestId('event-create-open').click();
    await panel.getByTestId('event-title-input').fill('Permanent revolution in the periphery');
    await panel.getByTestId('event-period-input').fill('1905–1949');
    await panel.getByTestId('event-create-submit').click();
    const event = panel.getByTestId('event-item').filter({ hasText: 'Permanent revolution in the periphery' });
    await event.waitFor();

    // Select two claims (the book's answer attacks the post's principle c) and make a reading of them.
    await claim(page, CLAIM_C).click();
    await claim(page, GROWS_OVER).click({ modifiers: ['Shift'] });
    await panel.getByTestId('selection-summary').filter({ hasText: 'Selected: 2 nodes' }).waitFor();
    await event.getByTestId('reading-create-open').click();
    await event.getByTestId('reading-title-input').fill('The book answers the post');
    await event.getByTestId('reading-author-input').fill('Dana');
    await event.getByTestId('reading-create-submit').click();
    const item = event.getByTestId('reading-item').filter({ hasText: 'The book answers the post' });
    await item.waitFor();
    await waitSaved(page);

    let after = await snapshot(server.baseUrl, mapId);
    const c = after.nodes.find((n) => n.text.startsWith(CLAIM_C))!;
    const growsOver = after.nodes.find((n) => n.text.startsWith(GROWS_OVER))!;
    const attack = after.edges.find((e) => e.kind === 'attacks' && e.fromId === growsOver.id && e.toId === c.id)!;
    const created = after.readings.find((r) => r.title === 'The book answers the post')!;
    expect(created).toMatchObject({ authorName: 'Dana', eventId: after.events.find((e) => e.title.startsWith('Permanent revolution'))!.id });
    expect([...created.nodeIds].sort()).toEqual([c.id, growsOver.id].sort());
    // The edges among the selected nodes come along.
    expect(created.edgeIds).toEqual([attack.id]);
    const readingId = created.id;
    await claim(page, CLAIM_C).locator(`[data-testid="node-reading-dot"][data-reading-id="${readingId}"]`).waitFor();

    // Evaluated on its own, the reading has the attack: c is out, and "why?" names the attacker.
    await item.getByTestId('reading-scope').click();
    await page.getByTestId('evaluation-summary').filter({ hasText: '1 in' }).waitFor();
    await claim(page, CLAIM_C).getByTestId('node-label').click();
    const why = page.getByTestId('why-popover');
    await why.getByTestId('why-defeaters').filter({ hasText: GROWS_OVER }).waitFor();
    await page.keyboard.press('Escape');
    await why.waitFor({ state: 'detached' });
    // Outside the reading, nodes have no label in this scope.
    await expect(theoryMeansRising.getByTestId('node-label').count()).resolves.toBe(0);

    // Add the quotation of c): it joins with the edge to c.
    await page.getByTestId('node-evidence').filter({ hasText: QUOTE_C }).click();
    await item.getByTestId('reading-add-selection').click();
    await item.getByTestId('reading-counts').filter({ hasText: '3 nodes · 2 edges' }).waitFor();
    await waitSaved(page);
    after = await snapshot(server.baseUrl, mapId);
    const grown = after.readings.find((r) => r.id === readingId)!;
    const quote = after.nodes.find((n) => n.quote?.exact.startsWith(QUOTE_C))!;
    expect(grown.nodeIds).toContain(quote.id);
    expect(evaluateReading(graphFromLists(after), readingId)!.labels).toEqual({ [c.id]: 'out', [growsOver.id]: 'in', [quote.id]: 'in' });

    // Taking it out again removes the node and the edge that joined it.
    await page.getByTestId('node-evidence').filter({ hasText: QUOTE_C }).click();
    await item.getByTestId('reading-remove-selection').click();
    await item.getByTestId('reading-counts').filter({ hasText: '2 nodes · 1 edge' }).waitFor();
    await item.getByTestId('reading-add-selection').click();
    await item.getByTestId('reading-counts').filter({ hasText: '3 nodes · 2 edges' }).waitFor();
    await waitSaved(page);

    // "Show only" dims what is outside the reading.
    await item.getByTestId('reading-filter').click();
    await expect(claim(page, CLAIM_C).getAttribute('class')).resolves.not.toMatch(/is-dimmed/);
    await expect(theoryMeansRising.getAttribute('class')).resolves.toMatch(/is-dimmed/);
    await page.getByTestId('reading-filter-clear').click();
    await expect(theoryMeansRising.getAttribute('class')).resolves.not.toMatch(/is-dimmed/);
    await item.getByTestId('reading-scope').click();

    // The op log has it all as ordinary ops.
    const log = await database.db.opLog.findMany({ where: { mapId }, orderBy: { version: 'desc' }, take: 5 });
    expect(log.map((entry) => (entry.op as { type: string }).type)).toEqual(['reading.include', 'reading.exclude', 'reading.include', 'reading.create', 'event.create']);
  });

  it('compares the demo readings of Vietnam 1945 and shows an item on the canvas', async () => {
    const panel = page.getByTestId('readings-panel');
    await panel.getByTestId('event-item').filter({ hasText: 'Vietnam 1945' }).getByTestId('compare-open').click();
    const view = page.getByTestId('compare-view');
    await expect(view.getByTestId('compare-reading').allTextContents()).resolves.toEqual([
      expect.stringContaining('The Trotskyists held the peasants back'),
      expect.stringContaining('The Trotskyists were for the rising'),
    ]);
    const shared = view.getByTestId('compare-shared-evidence');
    await shared.filter({ hasText: 'hey stop rising up you peasants' }).waitFor();
    await shared.filter({ hasText: 'quotes for Blogger, admitting he simplified' }).waitFor();
    await shared.filter({ hasText: 'supports Commenter: factually the Trotskyists never said' }).waitFor();
    await view.getByTestId('compare-cross-attacks').getByRole('heading', { name: 'Attacks between them (4)' }).waitFor();
    await view.getByTestId('compare-agreements').filter({ hasText: 'Common ground: in 1945 the Viet Minh' }).waitFor();

    // Clicking the shared quotation selects it on the canvas and frames it.
    await shared.getByTestId('compare-item').first().click();
    const node = page.locator('.react-flow__node.selected').filter({ hasText: 'hey stop rising up you peasants' });
    await node.waitFor();
    await expect(page.locator('.react-flow__node.selected').count()).resolves.toBe(1);
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThan(0);
    expect(box.y).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThan(1600);

    // Unticking a reading leaves fewer than two: nothing to compare.
    await view.getByTestId('compare-reading-toggle').first().uncheck();
    await view.getByTestId('compare-empty').waitFor();
    await view.getByTestId('compare-close').click();
    await page.getByTestId('readings-panel').waitFor();
    expect(errors).toEqual([]);
  });
});
