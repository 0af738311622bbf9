import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WEB_DIST } from '../../../server/src/paths.js';
import type { Api } from './http.js';
import { startPageProfile } from './page-profile.js';

/** The built app the server serves; P5/P6 measure it, so it must be there (`npm run build`). */
export const webAppBuilt = () => existsSync(path.join(WEB_DIST, 'index.html'));

/**
 * Runs in the page before the app: records when each op-batch ack arrives on the live WebSocket and every long
 * main-thread task, on the page's own clock (performance.now(), 0 = navigation start).
 */
// A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks.
const INSTRUMENT = `(() => {
  window.__acks = [];
  window.__longTasks = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.startsWith('{"type":"ack"')) window.__acks.push(performance.now());
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
})()`;

/**
 * Opens the app's map list once in a throwaway context: the first page a freshly started Chromium draws also
 * pays for starting the browser's renderer and loading its fonts, which a member's browser has done long before.
 * Nothing of the measured map is loaded (its server caches stay cold for the first measured load).
 */
export async function warmUpBrowser(browser: Browser, api: Api): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/login`, { waitUntil: 'load' });
    await page.waitForSelector('h1', { timeout: 30_000 });
  } finally {
    await context.close();
  }
}

/** Where a node of the map is, in flow coordinates (its top-left corner). */
export interface NodePlace {
  id: string;
  x: number;
  y: number;
}

/**
 * Opens the map in a fresh context (no cache: a member opening the map cold) and returns the page and the time
 * from navigation start until it is interactive: every node whose corner is in view drawn, the live connection
 * up, and the main thread free to run a frame and a task after that. "In view", not "every node": a large map
 * draws only what is near the screen (web/src/editor/useViewCulling.ts), so the nodes far off it are not drawn.
 */
export async function openMap(browser: Browser, api: Api, mapId: string, places: readonly NodePlace[], profileAs?: string): Promise<{ page: Page; interactiveMs: number; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // Signed in as the bench's member: the session cookie, as the login page would have set it.
  await context.addCookies(
    api.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: api.baseUrl })),
  );
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const stopProfile = profileAs ? await startPageProfile(page, profileAs) : async () => {};
  await page.goto(`${api.baseUrl}/maps/${mapId}`, { waitUntil: 'commit' });
  try {
    // No named functions inside: the TypeScript loader would wrap them in a helper the page lacks (and the
    // page's CSP forbids passing a string instead).
    await page.waitForFunction(
      (places) => {
        if (!document.querySelector('[data-testid="live-status"]')?.textContent?.includes('Live')) return false;
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
        const transform = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([\d.e]+)\)/.exec(viewport?.style.transform ?? '');
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!transform || !pane) return false;
        const [x, y, zoom] = transform.slice(1).map(Number) as [number, number, number];
        const inView = places.filter((p) => p.x * zoom + x >= 0 && p.x * zoom + x < pane.width && p.y * zoom + y >= 0 && p.y * zoom + y < pane.height);
        // One pass over the drawn nodes, not a query per place: the poll runs on the page's main thread, which
        // is what is being measured.
        const drawn = new Set(Array.from(document.querySelectorAll('.react-flow__node'), (n) => n.getAttribute('data-id')));
        return inView.length > 0 && inView.every((p) => drawn.has(p.id));
      },
      places,
      { polling: 50, timeout: 45_000 },
    );
  } catch (error) {
    const seen = await page.evaluate(`({ url: location.pathname, nodes: document.querySelectorAll('.react-flow__node').length, live: document.querySelector('[data-testid="live-status"]')?.textContent ?? null })`);
    await context.close();
    throw new Error(`The map did not become interactive within 45 s: ${JSON.stringify(seen)}`, { cause: error });
  }
  const interactiveMs: number = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))));
  await stopProfile();
  return { page, interactiveMs, close: () => context.close() };
}
