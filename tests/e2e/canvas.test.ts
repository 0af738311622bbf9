import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MapSnapshot } from '@counterpoint/shared';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { signInAsDemo, demoCookie } from '../helpers/demo-session.js';

const NEW_CLAIM = 'Study groups can test ideas before any party exists.';
const EDITED_CLAIM = 'Study groups test ideas long before any party exists.';
const ATTACKED = 'Micro-party view (2)';

async function snapshot(baseUrl: string, mapId: string): Promise<MapSnapshot> {
  const response = await fetch(`${baseUrl}/api/maps/${mapId}`, { headers: { cookie: await demoCookie(baseUrl) } });
  expect(response.status).toBe(200);
  return MapSnapshot.parse(await response.json());
}

async function waitSaved(page: Page) {
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
}

/** The canvas against the real built app and server: edit the demo map, reload, restart, find it all kept. */
describe('map editor canvas', () => {
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

  it('adds, connects, edits and drags a claim, and keeps it across a reload and a server restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.getByRole('link', { name: 'The micro-party debate' }).click();
    await page.getByTestId('node-claim').first().waitFor();
    const mapId = new URL(page.url()).pathname.split('/').pop()!;
    const before = await snapshot(server.baseUrl, mapId);

    // Add a claim from the toolbar; it opens in edit mode.
    await page.getByTestId('add-claim').click();
    await page.getByLabel('Edit text').fill(NEW_CLAIM);
    await page.getByLabel('Edit text').press('Enter');
    const created = page.getByTestId('node-claim').filter({ hasText: NEW_CLAIM });
    await created.waitFor();
    await waitSaved(page);

    // Move it out of the way first (a drag is saved as one nodes.move when it ends).
    const box = (await created.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    await waitSaved(page);

    // Connect it to an existing claim, choosing "attacks" in the picker.
    const target = page.getByTestId('node-claim').filter({ hasText: ATTACKED });
    const from = (await created.locator('.react-flow__handle.source').boundingBox())!;
    const to = (await target.locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await page.mouse.up();
    await page.getByRole('dialog', { name: 'Choose a relation' }).getByRole('button', { name: 'attacks', exact: true }).click();
    await waitSaved(page);

    // Edit its text inline.
    await created.dblclick();
    await page.getByLabel('Edit text').fill(EDITED_CLAIM);
    await page.getByLabel('Edit text').press('Enter');
    await page.getByTestId('node-claim').filter({ hasText: EDITED_CLAIM }).waitFor();
    await waitSaved(page);

    // The server has it all: the claim, the attack, and the position the drag left.
    const after = await snapshot(server.baseUrl, mapId);
    const claim = after.nodes.find((n) => n.text === EDITED_CLAIM);
    expect(claim).toBeDefined();
    const attacked = after.nodes.find((n) => n.text.includes(ATTACKED));
    expect(after.edges).toContainEqual(expect.objectContaining({ kind: 'attacks', fromId: claim!.id, toId: attacked!.id }));
    expect(after.nodes).toHaveLength(before.nodes.length + 1);
    expect(after.version).toBe(before.version + 5);
    const opLog = await database.db.opLog.findMany({ where: { mapId, version: { gt: before.version } }, orderBy: { version: 'asc' } });
    expect(opLog.map((entry) => (entry.op as { type: string }).type)).toEqual([
      'node.create', // the new, empty claim appears for everyone at once
      'node.update', // its first text
      'nodes.move',
      'edge.create',
      'node.update',
    ]);
    const move = opLog[2]!.op as { moves: { id: string; x: number; y: number }[] };
    expect(move.moves).toEqual([{ id: claim!.id, x: claim!.x, y: claim!.y }]);

    // A reload shows the same.
    await page.reload();
    await page.getByTestId('node-claim').filter({ hasText: EDITED_CLAIM }).waitFor();
    await expect(page.locator(`[data-testid="rf__edge-${after.edges.find((e) => e.fromId === claim!.id)!.id}"]`).count()).resolves.toBe(1);

    // So does a fresh server process over the same database.
    await server.stop();
    server = await startServerProcess(database.url);
    const restarted = await snapshot(server.baseUrl, mapId);
    expect(restarted.nodes.find((n) => n.id === claim!.id)).toEqual(claim);
    // While the server was down the page tried to reconnect (to the old port, until it navigates), as it should;
    // those refusals are not errors here.
    errors.length = 0;
    await page.goto(`${server.baseUrl}/maps/${mapId}`);
    await page.getByTestId('node-claim').filter({ hasText: EDITED_CLAIM }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a large map’s minimap on a canvas, and pressing on it moves the view there', async () => {
    // 400 claims on a grid, written through the API in one batch, as an import would.
    const cookie = await demoCookie(server.baseUrl);
    const headers = { cookie, 'content-type': 'application/json' };
    const [group] = (await (await fetch(`${server.baseUrl}/api/groups`, { headers })).json()) as { id: string }[];
    const map = (await (await fetch(`${server.baseUrl}/api/groups/${group!.id}/maps`, { method: 'POST', headers, body: JSON.stringify({ title: 'Large map' }) })).json()) as { id: string };
    const ops = Array.from({ length: 400 }, (_, i) => ({
      type: 'node.create',
      node: { id: crypto.randomUUID(), kind: 'claim', text: `Claim ${i}`, x: (i % 20) * 300, y: Math.floor(i / 20) * 160, quote: null },
    }));
    const written = await fetch(`${server.baseUrl}/api/maps/${map.id}/ops`, { method: 'POST', headers, body: JSON.stringify({ baseVersion: 0, clientId: crypto.randomUUID(), clientSeq: 0, ops }) });
    expect(written.status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/maps/${map.id}`);
    const overview = page.getByTestId('overview-map');
    await overview.waitFor();
    // React Flow's own minimap (a component per node) is not drawn for it.
    expect(await page.locator('svg.react-flow__minimap-svg').count()).toBe(0);
    await page.getByTestId('node-claim').first().waitFor();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    const viewport = () => page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
    const before = await viewport();
    const box = (await overview.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.8);
    await expect.poll(viewport).not.toBe(before);
    // Towards the bottom right of the map: the view's origin moved up and to the left.
    const [x0, y0] = before.match(/-?[\d.]+/g)!.map(Number);
    const [x1, y1] = (await viewport()).match(/-?[\d.]+/g)!.map(Number);
    expect(x1).toBeLessThan(x0!);
    expect(y1).toBeLessThan(y0!);
    expect(errors).toEqual([]);
    await page.close();
  });
});
