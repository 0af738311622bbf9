import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Account, DemoMember, Me } from '@counterpoint/shared';
import { seedDemo } from '../../prisma/seed/seed-demo.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { expectApiError } from '../helpers/api.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ authRateLimit: { max: 5, timeWindowMs: 60_000 } });
  await seedDemo(ctx.db, ctx.database.url);
});
afterAll(async () => ctx.close());

/** The `cookie` header that sends back the session a response set. */
const cookieOf = (response: LightMyRequestResponse) => {
  const session = response.cookies.find((cookie) => cookie.name === 'counterpoint_session');
  expect(session?.value).toBeTruthy();
  return `counterpoint_session=${session!.value}`;
};
// Each test its own client address, so the rate limit of one test does not spill into another.
let ip = 0;
const client = () => `10.0.0.${++ip}`;
const post = (url: string, payload: object, cookie?: string, remoteAddress = client()) =>
  ctx.app.inject({ method: 'POST', url, payload, remoteAddress, headers: cookie ? { cookie } : {} });
const me = async (cookie?: string) =>
  Me.parse((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} })).json());

async function signUp(email: string, password = 'a good long password') {
  const response = await post('/api/auth/signup', { name: 'Kim', email, password });
  expect(response.statusCode).toBe(201);
  return { account: Account.parse(response.json()), cookie: cookieOf(response) };
}

describe('accounts and sessions', () => {
  it('signs up with a hashed password and an httpOnly, SameSite session cookie', async () => {
    const response = await post('/api/auth/signup', { name: 'Kim', email: 'Kim@Example.org', password: 'a good long password' });
    expect(response.statusCode).toBe(201);
    expect(Account.parse(response.json())).toMatchObject({ name: 'Kim', email: 'kim@example.org', demo: false });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; Secure when the request came over HTTPS
    const user = await ctx.db.user.findUniqueOrThrow({ where: { email: 'kim@example.org' } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain('a good long password');
    expect((await me(cookieOf(response))).account?.email).toBe('kim@example.org');
  });

  it('refuses a taken email, and a wrong password, saying so and starting no session', async () => {
    await signUp('taken@example.org');
    expectApiError(await post('/api/auth/signup', { name: 'Other', email: 'taken@example.org', password: 'another password' }), 'EMAIL_TAKEN');
    const before = await ctx.db.session.count();
    const wrong = await post('/api/auth/signin', { email: 'taken@example.org', password: 'not the password' });
    expectApiError(wrong, 'INVALID_CREDENTIALS');
    expect(wrong.cookies).toHaveLength(0);
    expectApiError(await post('/api/auth/signin', { email: 'nobody@example.org', password: 'whatever' }), 'INVALID_CREDENTIALS');
    expect(await ctx.db.session.count()).toBe(before);
  });

  it('signs in, and signing out ends the session on the server', async () => {
    await signUp('out@example.org');
    const signIn = await post('/api/auth/signin', { email: 'out@example.org', password: 'a good long password' });
    expect(signIn.statusCode).toBe(200);
    const cookie = cookieOf(signIn);
    expect((await me(cookie)).account?.email).toBe('out@example.org');
    expect((await post('/api/auth/signout', {}, cookie)).statusCode).toBe(204);
    expect((await me(cookie)).account).toBeNull();
    expectApiError(await ctx.app.inject({ method: 'GET', url: '/api/groups', headers: { cookie } }), 'UNAUTHENTICATED');
  });

  it('does not accept an expired session', async () => {
    const { account, cookie } = await signUp('expired@example.org');
    await ctx.db.session.updateMany({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(cookie)).account).toBeNull();
    expect(await ctx.db.session.count({ where: { userId: account.id } })).toBe(0);
  });

  it('changing the password signs out every other session and keeps this one', async () => {
    const { cookie: here } = await signUp('change@example.org');
    const there = cookieOf(await post('/api/auth/signin', { email: 'change@example.org', password: 'a good long password' }));
    expectApiError(await post('/api/auth/password', { currentPassword: 'wrong one', newPassword: 'brand new password' }, here), 'INVALID_CREDENTIALS');
    expect((await me(there)).account).not.toBeNull(); // a refused change changes nothing
    const changed = await post('/api/auth/password', { currentPassword: 'a good long password', newPassword: 'brand new password' }, here);
    expect(changed.statusCode).toBe(204);
    expect((await me(here)).account?.email).toBe('change@example.org');
    expect((await me(there)).account).toBeNull();
    expectApiError(await post('/api/auth/signin', { email: 'change@example.org', password: 'a good long password' }), 'INVALID_CREDENTIALS');
    expect((await post('/api/auth/signin', { email: 'change@example.org', password: 'brand new password' })).statusCode).toBe(200);
  });

  it('rate-limits sign-in per client', async () => {
    const from = client();
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await post('/api/auth/signin', { email: 'x@example.org', password: 'guess' + i }, undefined, from));
    expect(attempts.slice(0, 5).every((r) => r.statusCode === 401)).toBe(true);
    expectApiError(attempts[5]!, 'RATE_LIMITED');
  });

  it('has no implicit actor: a visitor is anonymous until they sign in', async () => {
    expect(await me()).toEqual({ account: null, demoMode: true });
    expectApiError(await ctx.app.inject({ method: 'GET', url: '/api/groups' }), 'UNAUTHENTICATED');
  });

  it('offers the demo members in demo mode and signs in as one without a password', async () => {
    const members = DemoMember.array().parse((await ctx.app.inject({ method: 'GET', url: '/api/auth/demo-members' })).json());
    expect(members.map((m) => [m.name, m.role])).toEqual([['Dana', 'owner'], ['Sam', 'editor'], ['Alex', 'commenter'], ['Robin', 'viewer']]);
    const response = await post('/api/auth/demo-signin', { userId: members[0]!.id });
    expect(Account.parse(response.json())).toMatchObject({ name: 'Dana', demo: true });
    const groups = await ctx.app.inject({ method: 'GET', url: '/api/groups', headers: { cookie: cookieOf(response) } });
    expect(groups.json()).toHaveLength(1);
    // A real account cannot be entered through the demo door.
    const { account } = await signUp('real@example.org');
    expectApiError(await post('/api/auth/demo-signin', { userId: account.id }), 'DEMO_MODE_OFF');
  });
});
