import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchPageErrors } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const CLAIM = 'Reading groups should vote on every claim.';

async function signUp(page: Page, baseUrl: string, name: string, email: string, next = '/') {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: 'No account yet? Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByTestId('account-name').filter({ hasText: name }).waitFor();
}

async function setStance(page: Page, value: 'agree' | 'disagree', confidence: number) {
  const panel = page.getByTestId('discussion-panel');
  await panel.getByRole('button', { name: CLAIM }).click();
  await panel.getByRole('radio', { name: value, exact: true }).check();
  await panel.getByLabel('Confidence').fill(String(confidence));
  await panel.getByRole('button', { name: 'Save position' }).click();
}

/** Sign up, create a group, invite; a second person joins through the link; both take positions and see both. */
describe('study group: accounts, invitations, positions', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServerProcess(database.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('takes a newcomer from sign-up to a shared position with an invited member', async () => {
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
      contexts.push(context);
      return context.newPage();
    };
    const owner = await newPage();
    const ownerErrors = watchPageErrors(owner);
    await signUp(owner, server.baseUrl, 'Olga', 'olga@example.org');

    // A group of her own, with a map and a claim.
    await owner.getByLabel('New group name').fill('Olga’s circle');
    await owner.getByRole('button', { name: 'Create group' }).click();
    const section = owner.locator('section', { has: owner.getByRole('heading', { name: 'Olga’s circle' }) });
    await section.getByLabel('New map title').fill('First debate');
    await section.getByRole('button', { name: 'Create map' }).click();
    await owner.getByTestId('add-claim').click();
    await owner.getByLabel('Edit text').fill(CLAIM);
    await owner.getByLabel('Edit text').press('Enter');
    await owner.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 15_000 });
    const mapUrl = owner.url();

    // An invitation link for a commenter.
    await owner.goto(server.baseUrl);
    const members = owner.locator('section', { has: owner.getByRole('heading', { name: 'Olga’s circle' }) }).getByTestId('members-panel');
    await members.locator('summary').click();
    await members.getByLabel('Invite as').selectOption('commenter');
    await members.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await members.getByTestId('invite-link').textContent())!;
    expect(link).toMatch(/\/invite\/[\w-]+$/);

    // Pavel follows the link in another browser, signs up on the way, and joins.
    const guest = await newPage();
    const guestErrors = watchPageErrors(guest);
    await guest.goto(link);
    await guest.getByText('Olga invites you to Olga’s circle as commenter').waitFor();
    await guest.getByRole('link', { name: 'Sign in or create an account' }).click();
    await guest.getByRole('button', { name: 'No account yet? Sign up' }).click();
    await guest.getByLabel('Name').fill('Pavel');
    await guest.getByLabel('Email').fill('pavel@example.org');
    await guest.getByLabel('Password').fill('a long enough password');
    await guest.getByRole('button', { name: 'Sign up' }).click();
    await guest.getByRole('button', { name: 'Join Olga’s circle' }).click();
    await guest.getByRole('heading', { name: 'Olga’s circle' }).waitFor();

    // Both open the map and take positions; each sees the other's, live.
    await owner.goto(mapUrl);
    await guest.goto(mapUrl);
    for (const page of [owner, guest]) {
      await page.getByTestId('node-claim').filter({ hasText: CLAIM }).waitFor();
      await page.getByTestId('toggle-discussion').click();
    }
    await setStance(owner, 'agree', 80);
    await setStance(guest, 'disagree', 70);
    for (const page of [owner, guest]) {
      const stances = page.getByTestId('node-stances');
      await stances.getByText('Olga: agree 80').waitFor({ timeout: 10_000 });
      await stances.getByText('Pavel: disagree 70').waitFor({ timeout: 10_000 });
    }
    // A commenter sees no editing controls on the canvas.
    expect(await guest.getByTestId('add-claim').count()).toBe(0);
    expect(ownerErrors).toEqual([]);
    expect(guestErrors).toEqual([]);
  });
});
