import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * With BENCH_PROFILE=<folder>, records a V8 CPU profile of the page's main thread (through the DevTools
 * protocol) while `run` runs, and writes it as <folder>/<name>.cpuprofile for profile-summary.ts or DevTools.
 */
export async function profilePage<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const stop = await startPageProfile(page, name);
  try {
    return await run();
  } finally {
    await stop();
  }
}

/** The same, split in two for a span that is not one call (a page load): returns the function that ends it. */
export async function startPageProfile(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(path.join(path.resolve(dir), `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  };
}
