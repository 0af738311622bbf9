import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from './database.js';
import { launchBrowser } from './browser.js';
import { demoCookie } from './demo-session.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** A fresh database, the real server on it (demo mode) and a browser: what every browser test starts from. */
export interface E2eSession {
  database: TestDatabase;
  server: ServerProcess;
  browser: Browser;
  /** JSON API calls as a demo member, with the session cookie and its CSRF token, as the web app sends them. */
  api(path: string, init?: { method?: string; body?: unknown; raw?: string; contentType?: string }): Promise<{ status: number; json: unknown; text: string }>;
  close(): Promise<void>;
}

export async function startE2eSession(member = 'Dana'): Promise<E2eSession> {
  const database = await createTestDatabase();
  const server = await startServerProcess(database.url);
  const browser = await launchBrowser();
  const cookie = await demoCookie(server.baseUrl, member);
  const csrf = /(?:^|; )cp_csrf=([^;]+)/.exec(cookie)?.[1];
  return {
    database,
    server,
    browser,
    async api(path, init = {}) {
      const headers: Record<string, string> = { cookie, origin: server.baseUrl };
      if (csrf) headers['x-csrf-token'] = csrf;
      const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
      const response = await fetch(`${server.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text };
    },
    async close() {
      await browser?.close();
      await server?.stop();
      await database?.drop();
    },
  };
}

/**
 * Watches a page for script that should never run: any dialog (alert/confirm/prompt) is recorded and dismissed.
 * `injected()` reads what a payload would leave behind: `window.__xss`, and elements carrying inline handlers.
 */
export function watchForScript(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    injected: () =>
      page.evaluate(() => ({
        xss: (window as { __xss?: unknown }).__xss ?? null,
        handlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
        javascriptLinks: Array.from(document.querySelectorAll('[href],[src],[action]')).filter((el) =>
          ['href', 'src', 'action'].some((name) => /^\s*javascript:/i.test(el.getAttribute(name) ?? '')),
        ).length,
      })),
  };
}
