import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, setTestClock, submitCheckpoint } from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { signUpUser } from '../helpers/users.js';
import { buildWeb, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'docs/screenshots');
// Monday 2 March 2026, 17:00 UTC: 18:00 in Berlin (the builder), 12:00 in New York (the witness).
const START = '2026-03-02T17:00:00.000Z';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  // A string, since this file is type-checked without the DOM library.
  const [scroll, view] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  expect(scroll).toBeLessThanOrEqual(view);
}

/** Wait until a locator's text (hidden words included) matches. */
async function waitForText(locator: Locator, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor();
}

describe('web: home, navigation, inbox, notification settings and the contract', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let builder: TestUser;
  let witness: TestUser;
  let organizer: TestUser;
  let projectId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const moveClock = async (now: string) => {
    await createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
    for (const context of contexts) await context.clock.setFixedTime(new Date(now));
  };

  /** A signed-in page in its own browser context, at the fixed time of the server. */
  async function signIn(user: { email: string; password: string }, timezoneId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, timezoneId, locale: 'en-US' });
    contexts.push(context);
    await context.clock.setFixedTime(new Date(START));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    webDir = await buildWeb();
    server = await startTestServer({
      webDir,
      // 127.0.0.2 only: a webhook there is accepted, while 127.0.0.1 is still refused as private.
      env: { RECITAL_TEST_CLOCK: '1', RECITAL_OUTBOUND_ALLOW_CIDRS: '127.0.0.2/32' },
      clock: fixedClock(new Date(START)),
    });
    ({ builder, witness, organizer, projectId } = await committedProject(server.url, {
      builderZone: 'Europe/Berlin',
      witnessZone: 'America/New_York',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    }));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  let builderPage: Page;
  let witnessPage: Page;

  it('home lists the builder’s project with its health and next steps', async () => {
    builderPage = await signIn(builder, 'Europe/Berlin');
    const page = builderPage;
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    const card = page.locator('.project-card', { hasText: 'Launch' });
    await card.waitFor();
    await waitForText(card, /On track/);
    await waitForText(card, /Next checkpoint: Week 1: Foundations, due Fri, Mar 6, 2026/);
    const base = `/projects/${projectId}`;
    expect(await card.getByRole('link', { name: 'Today' }).getAttribute('href')).toBe(`${base}/today`);
    expect(await card.getByRole('link', { name: 'Plan' }).getAttribute('href')).toBe(`${base}/plan`);
    expect(await page.getByRole('link', { name: 'Start a new project' }).getAttribute('href')).toBe('/start');

    // The navigation: Home is current; the project's pages are offered; no review queue for a builder.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Contract' }).getAttribute('href')).toBe(`${base}/contract`);
    expect(await nav.getByRole('link', { name: 'Reviews' }).count()).toBe(0);
    await screenshot(page, 'home');
  });

  it('navigates at desktop width and through the menu on a 375 px phone', async () => {
    const page = builderPage;
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Settings is a disclosure, operable from the keyboard.
    const settings = nav.getByRole('button', { name: 'Settings' });
    await settings.focus();
    await page.keyboard.press('Enter');
    expect(await settings.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await settings.getAttribute('aria-expanded')).toBe('false');
    await settings.click();
    await nav.getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL(`${server.url}/settings/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();

    await page.setViewportSize(PHONE);
    const menu = page.getByRole('button', { name: /^Menu/ });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Contract' }).click();
    await page.waitForURL(`${server.url}/projects/${projectId}/contract`);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('heading', { name: 'In force now' }).waitFor();
    await noHorizontalOverflow(page);

    // The menu marks the current page, and Escape closes it again.
    await menu.click();
    expect(await nav.getByRole('link', { name: 'Contract' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: join(tmpdir(), 'recital-e2e-menu-375.png'), fullPage: true });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.setViewportSize(DESKTOP);
  });

  it('the builder proposes an easier change: it waits, with its reason and direction', async () => {
    const page = builderPage;
    await page.goto(`${server.url}/projects/${projectId}/contract`);
    const inForce = page.getByRole('region', { name: 'In force now' });
    await waitForText(inForce, /2 grace tokens per sprint of 14 days/);
    await waitForText(inForce, new RegExp(witness.user.displayName));
    await waitForText(inForce, /After 2 skipped days in a row, the witnesses are told\./);

    const form = page.getByRole('form', { name: 'Propose a change' });
    await waitForText(form, /Easier changes wait 7 days/);
    await form.getByLabel('Grace tokens per sprint').fill('3');
    await waitForText(form.locator('.ct-preview'), /Easier.*grace tokens per sprint 2 → 3/);
    await form.getByLabel('Why are you changing it?').fill('The kids are ill this month');
    await form.getByRole('button', { name: 'Propose change' }).click();

    const waiting = page.getByTestId('contract-waiting');
    await waitForText(waiting, /A change is waiting until Mar 9, 2026, 6:00\sPM/);
    const version2 = page.getByTestId('contract-version-2');
    await waitForText(version2, /Waiting until Mar 9, 2026/);
    await waitForText(version2, /The kids are ill this month/);
    await waitForText(version2, /Easier/);
    expect(await page.getByRole('button', { name: 'Approve now' }).count()).toBe(0); // not for the builder
    await waitForText(page.getByTestId('contract-version-1'), /Superseded/);
    await screenshot(page, 'contract');
    await page.setViewportSize(PHONE);
    await noHorizontalOverflow(page);
    await screenshot(page, 'contract-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('the witness’s inbox shows the commitment, marks read, and takes new notifications live', async () => {
    witnessPage = await signIn(witness, 'America/New_York');
    const page = witnessPage;
    // Home: the builder they witness, with a way to the review queue.
    const witnessing = page.getByRole('region', { name: 'Builders you witness' });
    await waitForText(witnessing, new RegExp(`${builder.user.displayName} · Launch`));
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Reviews' }).waitFor();

    const badge = page.getByTestId('unread-badge');
    await waitForText(badge, /2 unread/);
    await nav.getByRole('link', { name: /^Inbox/ }).click();
    await page.waitForURL(`${server.url}/inbox`);
    const items = page.getByTestId('inbox-item');
    await waitForText(items, /You are a witness for Launch/);
    await waitForText(items, /Launch: the commitment changed \(version 2\)/);
    expect(await items.count()).toBe(2);
    const committed = items.filter({ hasText: 'You are a witness for Launch' });
    await waitForText(committed, /Unread/);
    expect(await committed.getByRole('link').getAttribute('href')).toBe(`/projects/${projectId}/contract`);
    await waitForText(committed, /Mar 2, 2026, 12:00\sPM/); // the witness's zone

    await committed.getByRole('button', { name: /Mark .* as read/ }).click();
    await committed.filter({ hasNotText: 'Unread' }).waitFor();
    await waitForText(badge, /1 unread/);

    // A new notification arrives while the page is open: no reload.
    await page.evaluate("window.marker = 'same page'");
    await moveClock('2026-03-02T18:00:00.000Z');
    await builder.client.call(submitCheckpoint, {
      params: { projectId, checkpointId: 'cp-week-1' },
      body: { proof: [{ kind: 'text', text: 'Sign-in works on the live site' }] },
    });
    await waitForText(items.first(), /submitted proof for "Week 1: Foundations"/);
    await waitForText(items.first(), /Unread/);
    await waitForText(items.first(), /just now/);
    await waitForText(badge, /2 unread/);
    expect(await items.count()).toBe(3);
    expect(await page.evaluate('window.marker')).toBe('same page');
    await screenshot(page, 'inbox');

    await page.setViewportSize(PHONE);
    await noHorizontalOverflow(page);
    await screenshot(page, 'inbox-phone');
    await page.setViewportSize(DESKTOP);

    // Unread only, then everything read.
    await page.getByRole('button', { name: 'Unread only' }).click();
    await page.waitForURL(`${server.url}/inbox?show=unread`);
    await items.filter({ hasText: 'You are a witness for Launch' }).waitFor({ state: 'detached' });
    // The filtered list may still be settling (a live reload can land meanwhile): wait for it.
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('You have read everything.').waitFor();
    await badge.waitFor({ state: 'detached' });
  });

  it('the witness approves the waiting change, and it is in force', async () => {
    const page = witnessPage;
    await page.goto(`${server.url}/projects/${projectId}/contract`);
    await waitForText(page.getByTestId('contract-waiting'), /A change is waiting until/);
    await page.getByRole('button', { name: 'Approve now' }).click();
    await page.getByText('Approved: the change applies now.').waitFor();
    await page.getByTestId('contract-waiting').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('contract-version-2'), /In force/);
    await waitForText(page.getByTestId('contract-version-2'), /Approved early by/);
    await waitForText(
      page.getByRole('region', { name: 'In force now' }),
      /3 grace tokens per sprint of 14 days/,
    );
    // A witness reads the contract; only the builder or an organizer proposes changes.
    expect(await page.getByRole('form', { name: 'Propose a change' }).count()).toBe(0);
  });

  it('a brand-new person is shown how to begin: create a workspace or accept an invitation', async () => {
    const newcomer = await signUpUser(server.url, { displayName: 'Nora Newcomer', timeZone: 'Europe/Paris' });
    const page = await signIn(newcomer, 'Europe/Paris');
    const welcome = page.getByRole('region', { name: 'Welcome to Recital' });
    await waitForText(welcome, /Create a workspace/);
    await waitForText(welcome, /Accept an invitation/);
    await page.getByRole('button', { name: 'Create workspace' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Today' }).count()).toBe(0); // no project yet
    await screenshot(page, 'home-new-user');
  });

  it('notification settings: quiet hours and the digest persist; private webhooks are refused', async () => {
    const page = await signIn(organizer, 'Europe/London');
    await page.goto(`${server.url}/settings/notifications`);
    const prefs = page.getByRole('form', { name: 'When and how you are told' });
    await waitForText(prefs, /Europe\/London/);
    await prefs.getByLabel('Hold notifications during quiet hours').check();
    await prefs.getByLabel(/^From/).fill('22:30');
    await prefs.getByLabel(/^Until/).fill('07:15');
    await prefs.getByLabel('Gather e-mail into one daily digest').check();
    await prefs.getByLabel(/^Digest time/).fill('08:45');
    await prefs.getByRole('button', { name: 'Save notification settings' }).click();
    await prefs.getByText('Saved.').waitFor();

    await page.reload();
    await prefs.getByLabel(/^From/).waitFor();
    expect(await prefs.getByLabel('Hold notifications during quiet hours').isChecked()).toBe(true);
    expect(await prefs.getByLabel(/^From/).inputValue()).toBe('22:30');
    expect(await prefs.getByLabel(/^Until/).inputValue()).toBe('07:15');
    expect(await prefs.getByLabel('Gather e-mail into one daily digest').isChecked()).toBe(true);
    expect(await prefs.getByLabel(/^Digest time/).inputValue()).toBe('08:45');

    // A webhook into a private network is refused with the server's reason, beside the field.
    const add = page.getByRole('form', { name: 'Add a channel' });
    await add.getByLabel('Kind').selectOption('webhook');
    await add.getByLabel('Label').fill('my bot');
    await add.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hook');
    await add.getByRole('button', { name: 'Add channel' }).click();
    await waitForText(add.locator('.field-error'), /loopback/);

    // An allowed address is accepted; the signing secret is shown once.
    await add.getByLabel('Webhook URL').fill('http://127.0.0.2:9/hook');
    await add.getByRole('button', { name: 'Add channel' }).click();
    const secret = page.getByRole('textbox', { name: 'Signing secret' });
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^whsec_/);
    await waitForText(page.getByRole('status').filter({ hasText: 'X-Recital-Signature' }), /HMAC-SHA256/);
    const channels = page.getByRole('region', { name: 'Chat and webhook channels' });
    await waitForText(channels, /http:\/\/127\.0\.0\.2:9\/…/);
    await screenshot(page, 'settings-notifications');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);

    // Removing asks first.
    await channels.getByRole('button', { name: 'Remove channel my bot' }).click();
    await channels.getByRole('button', { name: 'Remove channel', exact: true }).click();
    await channels.getByText('No channels yet').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
