import type { Page } from 'playwright-core';
import { Account, DemoMember } from '@counterpoint/shared';

/**
 * Signs in as a demo member over HTTP (the server must be in demo mode) and returns the `cookie` header value to
 * send with later requests and WebSocket upgrades.
 */
export async function demoCookie(baseUrl: string, name = 'Dana'): Promise<string> {
  const members = DemoMember.array().parse(await (await fetch(`${baseUrl}/api/auth/demo-members`)).json());
  const member = members.find((candidate) => candidate.name === name);
  if (!member) throw new Error(`No demo member named ${name} (demo mode off?)`);
  const response = await fetch(`${baseUrl}/api/auth/demo-signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: member.id }),
  });
  Account.parse(await response.json());
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  if (!cookie) throw new Error('Demo sign-in set no cookie');
  return cookie;
}

/** Opens the app and signs in through the login page's demo button; ends on the map list. */
export async function signInAsDemo(page: Page, baseUrl: string, name = 'Dana'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('button', { name: `Continue as ${name}` }).click();
  await page.getByRole('heading', { name: 'Your maps' }).waitFor();
}

/** A demo member's session as a browser holds it: the cookies, and the CSRF token its page script would send. */
export interface DemoSession {
  /** The `cookie` header value (session and CSRF cookies). */
  cookie: string;
  /** The `cp_csrf` cookie's value, to echo in `x-csrf-token`. */
  csrfToken: string;
  /** Headers of a same-origin browser write: cookie, token, Origin and JSON content type. */
  writeHeaders: Record<string, string>;
}

/** Signs in like demoCookie, and also returns what a browser's writes carry (server/src/plugins/csrf.ts). */
export async function demoSession(baseUrl: string, name = 'Dana'): Promise<DemoSession> {
  const cookie = await demoCookie(baseUrl, name);
  const csrfToken = /(?:^|; )cp_csrf=([^;]*)/.exec(cookie)?.[1];
  if (!csrfToken) throw new Error('Demo sign-in set no CSRF cookie');
  return {
    cookie,
    csrfToken,
    writeHeaders: { cookie, 'x-csrf-token': csrfToken, origin: new URL(baseUrl).origin, 'content-type': 'application/json' },
  };
}
