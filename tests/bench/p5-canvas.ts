import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import type { BenchCluster } from './lib/cluster.js';
import { openMap, warmUpBrowser, webAppBuilt } from './lib/canvas-page.js';
import { profilePage } from './lib/page-profile.js';
import { generateMap, placesOf } from './lib/generate.js';
import { startBenchServer } from './lib/server.js';
import { latencyRow, skippedRow, summarize, type BenchResult } from './lib/stats.js';

const NODES = 1_000;
const EDGES = 1_500;
const LOADS = 4;
const PAN_MS = 3_000;

/**
 * P5: the canvas with a 1,000-node map in headless Chromium: time from navigation to interactive (cold, a new
 * browser context each time), then the frame times while the view is dragged around for 3 s.
 */
export async function p5(cluster: BenchCluster): Promise<BenchResult> {
  if (!webAppBuilt()) return { rows: [skippedRow('P5', 'canvas with 1,000 nodes', 'n/a: web/dist not built (npm run build)')], notes: [] };
  const server = await startBenchServer(cluster, 'p5');
  const browser = await launchBrowser();
  try {
    const map = await generateMap(server.api, server.groupId, NODES, EDGES);
    await warmUpBrowser(browser, server.api);
    const loads: number[] = [];
    server.measuring();
    let frames: number[] = [];
    let longTasks: { start: number; duration: number }[] = [];
    const fits: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      // The last load (warm server) is the one profiled with BENCH_PROFILE.
      const opened = await openMap(browser, server.api, map.mapId, placesOf(map), i === LOADS - 1 ? 'p5-load-page' : undefined);
      if (process.env.BENCH_VERBOSE) console.error(`[bench]   P5 load ${i + 1}: ${opened.interactiveMs.toFixed(0)} ms`);
      loads.push(opened.interactiveMs);
      if (i === LOADS - 1) {
        ({ frames, longTasks } = await profilePage(opened.page, 'p5-pan-page', () => pan(opened.page)));
        fits.push(await fitWholeMap(opened.page, NODES));
      }
      await opened.close();
    }
    const frameSummary = summarize(frames);
    return {
      rows: [
        latencyRow('P5 load', `canvas, ${NODES} nodes / ${EDGES} edges: navigation → interactive`, loads, 'p95', 1_500),
        latencyRow('P5 pan', 'frame time while panning that canvas', frames, 'p95', 33),
        { ...latencyRow('P5 fit', `"Fit view" on that map until all ${NODES} cards are drawn`, fits, 'p95', 1_500), target: 'reference', verdict: 'n/a' },
      ],
      notes: [
        `P5: loads ${loads.map((t) => t.toFixed(0)).join(', ')} ms (first includes the server's cold caches); pan: ${frameSummary.n} frames in ${PAN_MS / 1000} s, longest ${frameSummary.max.toFixed(0)} ms; ${longTasks.length} long tasks (> 50 ms) while panning, longest ${Math.max(0, ...longTasks.map((t) => t.duration)).toFixed(0)} ms`,
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * Clicks "Fit view" and returns the time until every card is drawn and the page has run a frame after it: a large
 * map opens on a part of itself and draws the cards near the view, so this is what seeing all of it costs.
 */
async function fitWholeMap(page: Page, cards: number): Promise<number> {
  // d3-zoom swallows the click that follows a drag until a zero-delay timer has run; a person clicks much later
  // than this harness would, so let that timer run first.
  await page.waitForTimeout(200);
  const clickedAt = await page.evaluate(() => {
    const at = performance.now();
    document.querySelector<HTMLButtonElement>('[data-testid="fit-view"]')!.click();
    return at;
  });
  try {
    await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, cards, { polling: 'raf', timeout: 30_000 });
  } catch (error) {
    const seen = await page.evaluate(() => [document.querySelectorAll('.react-flow__node').length, document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform]);
    throw new Error(`P5: "Fit view" drew ${JSON.stringify(seen)} of ${cards} cards in 30 s`, { cause: error });
  }
  const drawnAt: number = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))));
  return drawnAt - clickedAt;
}

/** Drags the empty canvas (a point where the pane itself is under the pointer) in a slow circle for PAN_MS. */
async function pan(page: Page): Promise<{ frames: number[]; longTasks: { start: number; duration: number }[] }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 40; y < pane.bottom - 40; y += 4)
      for (let x = pane.left + 200; x < pane.right - 200; x += 4)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  });
  if (!point) throw new Error('P5: no empty spot on the canvas to drag');
  // A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__panning = true;
    window.__panStart = performance.now();
    let last = 0;
    const tick = (t) => {
      if (last) window.__frames.push(t - last);
      last = t;
      if (window.__panning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  const start = Date.now();
  for (let step = 0; Date.now() - start < PAN_MS; step++) {
    const angle = step / 15;
    await page.mouse.move(point.x + 150 * Math.sin(angle), point.y + 100 * (1 - Math.cos(angle)));
    await new Promise((r) => setTimeout(r, 16));
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __panning: boolean; __panStart: number; __longTasks: { start: number; duration: number }[] };
    w.__panning = false;
    return { frames: w.__frames, longTasks: w.__longTasks.filter((t) => t.start >= w.__panStart) };
  });
}
