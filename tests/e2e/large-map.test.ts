import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { demoCookie, signInAsDemo } from '../helpers/demo-session.js';

// 400 claims on a 20 × 20 grid; a hub in the middle backed by its eight neighbours; one long link from the hub
// to the far bottom-right corner.
const COLUMNS = 20;
const SPACING = { x: 300, y: 160 };
const place = (i: number) => ({ x: (i % COLUMNS) * SPACING.x, y: Math.floor(i / COLUMNS) * SPACING.y });
const HUB = 10 * COLUMNS + 10;
const CORNER = COLUMNS * COLUMNS - 1;
const NEIGHBOURS = [-21, -20, -19, -1, 1, 19, 20, 21].map((d) => HUB + d);

interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** React Flow's transform and the canvas pane's size. */
async function viewOf(page: Page): Promise<View> {
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    const [x, y, zoom] = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([\d.e]+)\)/.exec(transform)!.slice(1).map(Number) as [number, number, number];
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return { x, y, zoom, width: pane.width, height: pane.height };
  });
}

const drawnIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!));

/** Ids of the cards lying wholly inside the visible pane. */
function whollyInView(ids: string[], view: View): string[] {
  return ids.filter((_, i) => {
    const { x, y } = place(i);
    const [left, top] = [x * view.zoom + view.x, y * view.zoom + view.y];
    return left >= 0 && top >= 0 && left + 220 * view.zoom <= view.width && top + 100 * view.zoom <= view.height;
  });
}

/** Large maps draw only the cards near the view (web/src/editor/useViewCulling.ts), in the real app. */
describe('a large map on the canvas', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ids = Array.from({ length: COLUMNS * COLUMNS }, () => crypto.randomUUID());
  const longEdge = crypto.randomUUID();
  let mapId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
    const headers = { cookie: await demoCookie(server.baseUrl), 'content-type': 'application/json' };
    const [group] = (await (await fetch(`${server.baseUrl}/api/groups`, { headers })).json()) as { id: string }[];
    const map = (await (await fetch(`${server.baseUrl}/api/groups/${group!.id}/maps`, { method: 'POST', headers, body: JSON.stringify({ title: 'Large map' }) })).json()) as { id: string };
    const ops = [
      ...ids.map((id, i) => ({ type: 'node.create', node: { id, kind: 'claim', text: `Claim ${i}`, ...place(i), quote: null } })),
      ...NEIGHBOURS.map((i) => ({ type: 'edge.create', edge: { id: crypto.randomUUID(), kind: 'supports', fromId: ids[i], toId: ids[HUB], label: '' } })),
      { type: 'edge.create', edge: { id: longEdge, kind: 'attacks', fromId: ids[CORNER], toId: ids[HUB], label: '' } },
    ];
    mapId = map.id;
    const written = await fetch(`${server.baseUrl}/api/maps/${map.id}/ops`, { method: 'POST', headers, body: JSON.stringify({ baseVersion: 0, clientId: crypto.randomUUID(), clientSeq: 0, ops }) });
    expect(written.status).toBe(200);

    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/maps/${map.id}`);
    await page.locator(`.react-flow__node[data-id="${ids[HUB]}"]`).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('opens on its most connected claim at a readable zoom, drawing what is in view and not the rest', async () => {
    const view = await viewOf(page);
    expect(view.zoom).toBeGreaterThanOrEqual(0.6);
    const drawn = await drawnIds(page);
    expect(drawn).toContain(ids[HUB]);
    expect(whollyInView(ids, view)).toContain(ids[HUB]);
    for (const i of NEIGHBOURS) expect(drawn).toContain(ids[i]);
    const inView = whollyInView(ids, view);
    expect(inView.length).toBeGreaterThan(10);
    expect(drawn).toEqual(expect.arrayContaining(inView));
    expect(drawn.length).toBeLessThan(ids.length / 2);
    expect(drawn).not.toContain(ids[CORNER]);
  });

  it('draws the edge to a card that is not drawn, ending at that card’s handle', async () => {
    const path = page.locator(`.react-flow__edge[data-id="${longEdge}"] path.react-flow__edge-path`);
    await path.waitFor({ state: 'attached' });
    // Relations leave a card's top handle (the corner card) and arrive at the bottom one (the hub).
    const start = (await path.getAttribute('d'))!.match(/^M\s*(-?[\d.]+)[ ,](-?[\d.]+)/)!.slice(1).map(Number);
    const corner = place(CORNER);
    expect(Math.abs(start[0]! - (corner.x + 110))).toBeLessThan(1);
    expect(Math.abs(start[1]! - (corner.y - 4))).toBeLessThan(1);
  });

  it('knows where a drawn card’s handles are before measuring them (static-geometry.ts), to within a pixel', async () => {
    const measured = await page.locator(`.react-flow__node[data-id="${ids[HUB]}"]`).evaluate((node) => {
      const zoom = Number((document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform.match(/scale\(([\d.]+)\)/) ?? [])[1]);
      const box = node.getBoundingClientRect();
      const handle = (side: string) => {
        const rect = node.querySelector(`.react-flow__handle-${side}`)!.getBoundingClientRect();
        return { x: (rect.left - box.left) / zoom, y: (rect.top - box.top) / zoom, size: rect.width / zoom };
      };
      return { width: (node as HTMLElement).offsetWidth, height: (node as HTMLElement).offsetHeight, top: handle('top'), bottom: handle('bottom') };
    });
    // handlesOf(): 10 px handles centred on the card, 4 px outside its top and bottom edges.
    expect(measured.top.size).toBeCloseTo(10, 0);
    expect(Math.abs(measured.top.x - (measured.width / 2 - 5))).toBeLessThan(1);
    expect(Math.abs(measured.top.y - -4)).toBeLessThan(1);
    expect(Math.abs(measured.bottom.y - (measured.height + 4 - 10))).toBeLessThan(1);
  });

  it('draws the cards a pan brings into view', async () => {
    const before = await drawnIds(page);
    // Drag the empty canvas (not a card) about a screen to the left.
    const start = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      for (let x = pane.right - 150; x > pane.right - 400; x -= 5)
        for (let y = pane.top + 100; y < pane.bottom - 100; y += 5)
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      return null;
    });
    expect(start).not.toBeNull();
    await page.mouse.move(start!.x, start!.y);
    await page.mouse.down();
    await page.mouse.move(start!.x - 900, start!.y, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(before.length);
    const view = await viewOf(page);
    const inView = whollyInView(ids, view);
    expect(inView.some((id) => !before.includes(id))).toBe(true);
    expect(await drawnIds(page)).toEqual(expect.arrayContaining(inView));
  });

  it('fits the whole map in view, every card included, and draws them all', async () => {
    await page.getByTestId('fit-view').click();
    await expect.poll(async () => (await drawnIds(page)).length, { timeout: 10_000 }).toBe(ids.length);
    const view = await viewOf(page);
    // 20 columns 300 px apart in 1400 px: the zoom that fits them is about 0.2.
    expect(view.zoom).toBeLessThan(0.3);
    expect(whollyInView(ids, view)).toHaveLength(ids.length);
  });

  it('asks for the session, the snapshot and the editor’s code once each when opened by its address (public/early-requests.js)', async () => {
    const asked: string[] = [];
    const onRequest = (request: { url(): string }) => asked.push(new URL(request.url()).pathname);
    page.on('request', onRequest);
    await page.reload();
    await page.locator(`.react-flow__node[data-id="${ids[HUB]}"]`).waitFor();
    page.off('request', onRequest);
    // Asked for by the page's head before the app's code ran, then taken by the app instead of asking again.
    expect(asked.filter((path) => path === `/api/maps/${mapId}`)).toHaveLength(1);
    expect(asked.filter((path) => path === '/api/auth/me')).toHaveLength(1);
    expect(await page.evaluate(() => Object.keys((window as { __earlyGets?: object }).__earlyGets ?? {}))).toEqual([]);
    // The editor's code, named by the build, is preloaded from the head too, and fetched once.
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/MapEditorPage-"]').count()).toBe(1);
    expect(asked.filter((path) => /^\/assets\/MapEditorPage-.*\.js$/.test(path))).toHaveLength(1);
  });

  it('draws every card into a whole-map picture, also those far from the view', async () => {
    // Opened again, so most cards are not drawn when the picture is asked for.
    await page.reload();
    await page.locator(`.react-flow__node[data-id="${ids[HUB]}"]`).waitFor();
    expect((await drawnIds(page)).length).toBeLessThan(ids.length / 2);
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-png-map').click()]);
    const png = await readFile((await download.path())!);
    // In the picture (40 px of padding around the map's bounds, at scale 1), the corner card's blue border.
    const corner = place(CORNER);
    const bluePixels = await page.evaluate(
      async ({ dataUrl, left, top }) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(left, top, 220, 60);
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 2]! - data[i]! > 80) blue++;
        return blue;
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, left: corner.x + 40, top: corner.y + 40 },
    );
    expect(bluePixels).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });
});
