import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { expectApiError } from '../helpers/api.js';

/** Where the test app answers: inject sends `host: localhost:80`, so this is its own origin. */
const OWN_ORIGIN = 'http://localhost:80';
const PARTNER_ORIGIN = 'https://partner.example.org';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ allowedOrigins: [PARTNER_ORIGIN] });
});
afterAll(async () => ctx.close());

const cookieValue = (response: LightMyRequestResponse, name: string) => response.cookies.find((cookie) => cookie.name === name);

/** A fresh account signed up as a same-origin page would: its cookies, and the token its page script reads. */
async function signUp() {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers: { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' },
    payload: { name: 'Kim', email: `${randomUUID()}@example.org`, password: 'a good long password' },
  });
  expect(response.statusCode).toBe(201);
  const session = cookieValue(response, 'counterpoint_session')!;
  const csrf = cookieValue(response, 'cp_csrf')!;
  expect(csrf.httpOnly ?? false).toBe(false); // page script must read it
  expect(csrf.sameSite).toBe('Lax');
  return { userId: (response.json() as { id: string }).id, cookie: `counterpoint_session=${session.value}; cp_csrf=${csrf.value}`, token: csrf.value };
}

const groupCount = (userId: string) => ctx.db.membership.count({ where: { userId } });

/** POST /api/groups as a browser page of `origin` would send it, with whatever token it has. */
const createGroup = (cookie: string, headers: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: '/api/groups', headers: { cookie, ...headers }, payload: { name: 'Forged group' } });

describe('CSRF: writes authenticated by the session cookie', () => {
  it('refuses a browser write without the token (CSRF_TOKEN_MISSING) and writes nothing', async () => {
    const kim = await signUp();
    const response = await createGroup(kim.cookie, { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' });
    expectApiError(response, 'CSRF_TOKEN_MISSING');
    expect(await groupCount(kim.userId)).toBe(0);
  });

  it('refuses a wrong token, including another session’s (CSRF_TOKEN_INVALID)', async () => {
    const kim = await signUp();
    const other = await signUp();
    for (const token of ['not-the-token', other.token, `${kim.token}x`]) {
      const response = await createGroup(kim.cookie, { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin', 'x-csrf-token': token });
      expectApiError(response, 'CSRF_TOKEN_INVALID');
    }
    expect(await groupCount(kim.userId)).toBe(0);
  });

  it('accepts the session’s own token', async () => {
    const kim = await signUp();
    const response = await createGroup(kim.cookie, { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin', 'x-csrf-token': kim.token });
    expect(response.statusCode).toBe(201);
    expect(await groupCount(kim.userId)).toBe(1);
  });

  it('refuses a write from another site even with the right token (CROSS_ORIGIN_REQUEST)', async () => {
    const kim = await signUp();
    const forged: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' }, // a browser without Sec-Fetch-Site
      { origin: 'null' }, // a sandboxed or referrer-stripped page
      { 'sec-fetch-site': 'same-site' }, // a sibling subdomain
    ];
    for (const headers of forged) {
      expectApiError(await createGroup(kim.cookie, { ...headers, 'x-csrf-token': kim.token }), 'CROSS_ORIGIN_REQUEST');
    }
    expect(await groupCount(kim.userId)).toBe(0);
  });

  it('accepts an origin listed in ALLOWED_ORIGINS (with the token)', async () => {
    const kim = await signUp();
    const response = await createGroup(kim.cookie, { origin: PARTNER_ORIGIN, 'sec-fetch-site': 'cross-site', 'x-csrf-token': kim.token });
    expect(response.statusCode).toBe(201);
  });

  it('lets a non-browser client (no Origin, no Sec-Fetch-Site) write with its cookie: no page can forge that', async () => {
    const kim = await signUp();
    const response = await createGroup(kim.cookie, {});
    expect(response.statusCode).toBe(201);
  });

  it('refuses the sign-out of a forged request, so a hostile page cannot sign members out either', async () => {
    const kim = await signUp();
    const forged = await ctx.app.inject({ method: 'POST', url: '/api/auth/signout', headers: { cookie: kim.cookie, origin: OWN_ORIGIN } });
    expectApiError(forged, 'CSRF_TOKEN_MISSING');
    const real = await ctx.app.inject({ method: 'POST', url: '/api/auth/signout', headers: { cookie: kim.cookie, origin: OWN_ORIGIN, 'x-csrf-token': kim.token } });
    expect(real.statusCode).toBe(204);
    expect(cookieValue(real, 'cp_csrf')?.value).toBe(''); // cleared with the session
  });

  it('gives a session without a token cookie (made before tokens existed) its token on the next page load', async () => {
    const kim = await signUp();
    const sessionOnly = kim.cookie.split('; ')[0]!;
    const page = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOnly } });
    expect(cookieValue(page, 'cp_csrf')?.value).toBe(kim.token);
    const again = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: kim.cookie } });
    expect(cookieValue(again, 'cp_csrf')).toBeUndefined(); // already right: not set again
  });
});

describe('login CSRF: sign-in and sign-up check where they come from', () => {
  it('refuses a sign-up or sign-in posted by another site, so no visitor is signed into an attacker’s account', async () => {
    const email = `${randomUUID()}@example.org`;
    const signUp = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { name: 'Mallory', email, password: 'a good long password' },
    });
    expectApiError(signUp, 'CROSS_ORIGIN_REQUEST');
    expect(signUp.cookies).toHaveLength(0);
    expect(await ctx.db.user.count({ where: { email } })).toBe(0);

    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { origin: 'https://evil.example' },
      payload: { email, password: 'a good long password' },
    });
    expectApiError(signIn, 'CROSS_ORIGIN_REQUEST');
  });

  it('signs in from our own page while an old session cookie is still around (no token needed to start one)', async () => {
    const kim = await signUp();
    const email = (await ctx.db.user.findUniqueOrThrow({ where: { id: kim.userId } })).email;
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { cookie: kim.cookie, origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' },
      payload: { email, password: 'a good long password' },
    });
    expect(response.statusCode).toBe(200);
    expect(cookieValue(response, 'cp_csrf')?.value).toBeTruthy();
  });
});
