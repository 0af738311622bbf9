import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MapSnapshot, NativeMapFile } from '@counterpoint/shared';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { signInAsDemo, demoCookie } from '../helpers/demo-session.js';

async function snapshot(baseUrl: string, mapId: string): Promise<MapSnapshot> {
  const response = await fetch(`${baseUrl}/api/maps/${mapId}`, { headers: { cookie: await demoCookie(baseUrl) } });
  expect(response.status).toBe(200);
  return MapSnapshot.parse(await response.json());
}

/** A graph's content without ids or authors: what an export → import keeps. */
function content(s: MapSnapshot) {
  const text = (id: string) => s.nodes.find((n) => n.id === id)?.text ?? 'an inference';
  return {
    nodes: s.nodes.map((n) => [n.kind, n.text, n.x, n.y, n.quote?.exact ?? null]).sort(),
    edges: s.edges.map((e) => [e.kind, text(e.fromId), text(e.toId)]).sort(),
    arguments: s.arguments.map((a) => [a.premiseIds.map(text), text(a.conclusionId), a.label]),
  };
}

/** Export and import through the real built app: download a map from the Export menu, import it in the dialog. */
describe('import and export in the browser', () => {
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

  it('exports a map as a file and as an image, and imports the file as a new map through the dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors = watchPageErrors(page);
    await signInAsDemo(page, server.baseUrl);
    await page.getByRole('link', { name: 'The micro-party debate' }).click();
    await page.getByTestId('node-claim').first().waitFor();
    const mapId = new URL(page.url()).pathname.split('/').pop()!;

    // Native JSON from the Export menu.
    await page.getByTestId('export-menu').click();
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(jsonDownload.suggestedFilename()).toBe('the-micro-party-debate.counterpoint.json');
    const file = path.join(os.tmpdir(), `interchange-${process.pid}.counterpoint.json`);
    await jsonDownload.saveAs(file);
    expect(NativeMapFile.parse(JSON.parse(await readFile(file, 'utf8'))).nodes.length).toBeGreaterThan(10);

    // A PNG of the whole map, drawn in the browser.
    await page.getByTestId('export-menu').click();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-map').click()]);
    expect(pngDownload.suggestedFilename()).toBe('the-micro-party-debate.png');
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.getByRole('status').filter({ hasText: /Saved a \d+ × \d+ PNG/ }).waitFor();

    // GraphML the browser's own XML parser accepts.
    const xmlOk = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      return doc.getElementsByTagName('parsererror').length === 0 && doc.getElementsByTagName('node').length;
    }, `/api/maps/${mapId}/export?format=graphml`);
    expect(xmlOk).toBeGreaterThan(10);

    // Import it through the dialog on the map list: preview first, then the new map opens.
    await page.goto(server.baseUrl);
    await page.getByTestId('import-map').click();
    const dialog = page.getByRole('dialog', { name: 'Import a map' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByTestId('import-preview').filter({ hasText: 'No problems found.' }).waitFor();
    await expect(dialog.getByTestId('import-preview').textContent()).resolves.toMatch(/Would create 25 nodes, 23 relations, 1 arguments/);
    await dialog.getByLabel('Title of the new map').fill('Imported copy');
    await dialog.getByTestId('import-start').click();
    await page.waitForURL((url) => /^\/maps\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(mapId));
    await page.getByTestId('node-claim').first().waitFor();
    await page.getByRole('heading', { name: 'Imported copy' }).waitFor();
    const importedId = new URL(page.url()).pathname.split('/').pop()!;
    const [original, imported] = [await snapshot(server.baseUrl, mapId), await snapshot(server.baseUrl, importedId)];
    expect(content(imported)).toEqual(content(original));

    // The outline view of the new map, ready to print.
    await page.goto(`${server.baseUrl}/maps/${importedId}/outline`);
    await page.getByTestId('outline').getByText('What kind of organisation do socialists need now?').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
