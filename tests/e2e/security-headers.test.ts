import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { signInAsDemo } from '../helpers/demo-session.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/**
 * Records every CSP violation the page reports. Added through the browser's debugging protocol, which the page's
 * own policy does not apply to (an inline script of ours would itself be refused, as it should be).
 */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** The built app under its real security headers, in Chromium: everything still works, and nothing is refused. */
describe('security headers and CSP in the browser', () => {
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

  it('sends a strict policy: scripts from this server only, no eval, no framing', async () => {
    const response = await fetch(`${server.baseUrl}/login`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    // The API answers carry the headers too.
    expect((await fetch(`${server.baseUrl}/api/health`)).headers.get('content-security-policy')).toBe(csp);
  });

  it('signs in, opens a map, renders the canvas, lays it out in the worker and exports a PNG, with no violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors = watchPageErrors(page);
    const violations = await watchCspViolations(page);

    await signInAsDemo(page, server.baseUrl);
    // A write through the app's own HTTP client (it sends the CSRF token).
    await page.getByLabel('New map title').first().fill('Headers check');
    await page.getByRole('button', { name: 'Create map' }).first().click();
    await page.getByTestId('save-state').waitFor();
    await page.goBack();

    // The editor starts its layout Web Worker as it opens (worker-src).
    const [worker] = await Promise.all([page.waitForEvent('worker'), page.getByRole('link', { name: 'The micro-party debate' }).click()]);
    expect(worker.url()).toMatch(new RegExp(`^(${server.baseUrl}|blob:)`));
    await page.getByTestId('node-claim').first().waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    const mapId = new URL(page.url()).pathname.split('/').pop()!;
    const positions = () =>
      page.evaluate(async (id) => {
        const snapshot = (await (await fetch(`/api/maps/${id}`)).json()) as { nodes: { id: string; x: number; y: number }[] };
        return Object.fromEntries(snapshot.nodes.map((node) => [node.id, `${node.x},${node.y}`]));
      }, mapId);
    const before = await positions();

    // Auto layout computes in the worker and saves the moves over the live socket (connect-src).
    await page.getByTestId('auto-layout').click();
    await page.getByTestId('auto-layout').filter({ hasText: 'Auto layout' }).waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
    await expect.poll(positions, { timeout: 15_000 }).not.toEqual(before);

    // And again after an edit: ELK, loaded in the worker, once took its messages over after its first layout, so a
    // second "Auto layout" in the same editor waited forever.
    await page.getByTestId('add-claim').click();
    await page.getByLabel('Edit text').fill('Placed by the second layout');
    await page.getByLabel('Edit text').press('Enter');
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    const beforeSecond = await positions();
    await page.getByTestId('auto-layout').click();
    await expect.poll(positions, { timeout: 15_000 }).not.toEqual(beforeSecond);

    // A PNG drawn in the browser from data: and blob: images (img-src).
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-map').click()]);
    expect((await readFile((await download.path())!)).subarray(1, 4).toString()).toBe('PNG');

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses what the policy is for: an inline script, and a write without the CSRF token', async () => {
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    await signInAsDemo(page, server.baseUrl);
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const token = /(?:^|; )cp_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const post = (headers: Record<string, string>) =>
        fetch('/api/groups', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: 'Probe' }) }).then(
          async (response) => `${response.status} ${((await response.json()) as { code?: string }).code ?? ''}`.trim(),
        );
      return {
        injected: (window as unknown as { injected?: boolean }).injected ?? false,
        withoutToken: await post({}),
        withToken: await post({ 'x-csrf-token': token }),
      };
    });
    expect(outcome).toEqual({ injected: false, withoutToken: '403 CSRF_TOKEN_MISSING', withToken: '201' });
    expect((await violations()).some((violation) => violation.startsWith('script-src'))).toBe(true);
    await page.close();
  });

  it('serves the API docs (/docs) under its policy without violations', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    const violations = await watchCspViolations(page);
    await page.goto(`${server.baseUrl}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 20_000 });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
