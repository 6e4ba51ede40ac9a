import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  createApiClient,
  finishTask,
  getCheckpoint,
  importDecision,
  importPlan,
  requestPause,
  reviewCheckpoint,
  setTestClock,
  spendGrace,
  submitCheckpoint,
  updateMe,
  updateProject,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { buildWeb, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs', 'screenshots');

const PLAN_V2 = `# Launch

## Week 1: Foundations
- [ ] Set up the repo (2h)
- [ ] Sign-in page (3h)

**Checkpoint**: a user can sign in on the live site

## Week 2: Payments
- [ ] Stripe checkout (5h)
- [ ] Receipts (2h) (depends on Stripe checkout)
- [ ] Refunds (3h) (depends on Stripe checkout)
- [ ] Hosted payment pages per ADR-0001 (1h) (depends on Stripe checkout)
`;

const ADR_1 = `# 1. Use Stripe Checkout

Date: 2026-03-02

## Status

Superseded by [2. Use Stripe Payment Links](0002-use-stripe-payment-links.md)

## Context

Payments must work in week 2 with little UI work.

## Decision

Use Stripe Checkout's hosted pages.

## Consequences

Little UI to build; the look is Stripe's.
`;

const ADR_2 = `# 2. Use Stripe Payment Links

Date: 2026-03-09

## Status

Accepted

Supersedes [1. Use Stripe Checkout](0001-use-stripe-checkout.md)

## Context

Checkout sessions need a server round trip we do not have yet.

## Decision

Use Payment Links.

## Consequences

No server code for payments in week 2.
`;

const REASON = 'Refunds were asked for on a customer call';

/** The page is no wider than the viewport: nothing scrolls sideways. */
async function overflow(page: Page): Promise<number> {
  return Number(
    await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
  );
}

describe('web: plan and calendar, public status page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let builder: TestUser;
  let projectId: string;
  let statusToken: string;

  beforeAll(async () => {
    webDir = await buildWeb();
    // Monday 2 March 2026, 09:00 in Berlin.
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1' },
      clock: fixedClock(new Date('2026-03-02T08:00:00Z')),
    });
    const moveTo = (now: string) =>
      createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
    const setup = await committedProject(server.url, {
      builderZone: 'Europe/Berlin',
      witnessZone: 'America/New_York',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    builder = setup.builder;
    projectId = setup.projectId;
    const params = { projectId };
    const api = builder.client;
    await api.call(updateMe, { body: { displayName: 'Ada Lovelace' } });
    await api.call(importDecision, {
      params,
      body: { text: ADR_1, fileName: 'docs/adr/0001-use-stripe-checkout.md' },
    });
    await api.call(importDecision, {
      params,
      body: { text: ADR_2, fileName: 'docs/adr/0002-use-stripe-payment-links.md' },
    });

    // Tue: showed up. Wed: skipped. Thu: showed up. Fri: a grace token.
    await moveTo('2026-03-03T17:00:00Z');
    await api.call(finishTask, { params: { projectId, taskId: 'week-1.t1' } });
    await api.call(checkIn, { params, body: { text: 'Repo set up', minutes: 90 } });
    await moveTo('2026-03-05T17:00:00Z');
    await api.call(finishTask, { params: { projectId, taskId: 'week-1.t2' } });
    await moveTo('2026-03-06T12:00:00Z');
    await api.call(spendGrace, { params, body: {} });

    // Mon 9 March: a re-plan with a reason, a late checkpoint the witness approves, a pause for Tuesday.
    await moveTo('2026-03-09T09:00:00Z');
    await api.call(importPlan, { params, body: { text: PLAN_V2, fileName: 'plan.md', reason: REASON } });
    await api.call(checkIn, { params, body: { text: 'Stripe keys and webhooks', minutes: 60 } });
    await api.call(requestPause, {
      params,
      body: { from: '2026-03-10', to: '2026-03-10', reason: 'Dentist' },
    });
    const checkpoint = { projectId, checkpointId: 'cp-week-1' };
    await api.call(submitCheckpoint, {
      params: checkpoint,
      body: { proof: [{ kind: 'text', text: 'Sign-in works on the live site' }] },
    });
    const submitted = await setup.witness.client.call(getCheckpoint, { params: checkpoint });
    await setup.witness.client.call(reviewCheckpoint, {
      params: checkpoint,
      body: { submissionId: submitted.submissions[0]!.submissionId, decision: 'approved', comment: 'Works' },
    });

    // Wednesday 11 March, 10:00 in Berlin: Tuesday was paused.
    await moveTo('2026-03-11T09:00:00Z');
    const published = await api.call(updateProject, {
      params,
      body: { summary: 'Invoicing for freelancers', audience: 'freelance designers', publicStatus: true },
    });
    statusToken = published.publicToken!;

    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('shows the sprint calendar, checkpoints, charts, versions and decisions to the signed-in builder', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/Los_Angeles',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // The plan page asks for a sign-in, then comes back.
    await page.goto(`${server.url}/projects/${projectId}/plan`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(builder.email);
    await page.getByLabel('Password').fill(builder.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/projects/${projectId}/plan`);
    await page.getByRole('heading', { name: 'Launch', level: 1 }).waitFor();
    expect(await page.title()).toBe('Plan · Launch · Recital');
    // Dates are the builder's, not the browser's (Los Angeles).
    expect(await page.locator('.plan-zone').innerText()).toContain('Europe/Berlin');
    expect(await page.locator('.plan-zone').innerText()).toContain('Wed, Mar 11, 2026');

    // The calendar: today's work, what it comes after, and what is blocked.
    const calendar = page.getByRole('list', { name: 'Sprint calendar' });
    await calendar.waitFor();
    const calendarText = await calendar.innerText();
    expect(calendarText).toContain('Today');
    expect(calendarText).toContain('Stripe checkout');
    expect(calendarText).toContain('after Stripe checkout');
    expect(calendarText).toMatch(/Receipts[\s\S]*after Stripe checkout[\s\S]*Blocked/);
    expect(calendarText).toContain('Beyond the cut line');
    expect(calendarText).toContain('Checkpoint due: Week 2: Payments');
    expect(await page.getByRole('list', { name: 'Work on Wed, Mar 11' }).innerText()).toContain(
      'Stripe checkout',
    );
    // Past days carry their verdicts.
    expect(calendarText).toContain('Skipped');
    expect(calendarText).toContain('Paused');

    // Checkpoints on the timeline: the first approved (late), the second does not hold with a cut line.
    const timeline = page.getByRole('list', { name: 'Checkpoints by due date' });
    const timelineText = await timeline.innerText();
    expect(timelineText).toMatch(/Week 1: Foundations[\s\S]*Approved[\s\S]*Late/);
    expect(timelineText).toContain('Today, Wed, Mar 11');
    expect(timelineText).toMatch(/Week 2: Payments[\s\S]*Does not hold/);
    expect(timelineText).toContain('Cut line:');

    // Tasks show their dependencies and blocks.
    const tasks = page.locator('#tasks');
    expect(await tasks.innerText()).toMatch(
      /Receipts[\s\S]*after Stripe checkout[\s\S]*Blocked: waits for Stripe checkout/,
    );

    // The versions and the diff with its reason.
    const versions = page.locator('#versions');
    await versions.getByText('Why version 2:').waitFor();
    const versionsText = await versions.innerText();
    expect(versionsText).toContain(`“${REASON}”`);
    expect(versionsText).toMatch(/Added \(2\)\s*Refunds\s*Hosted payment pages per ADR-0001/);
    expect(versionsText).toContain('Receipts: depends on none → Stripe checkout');
    expect(versionsText).toContain('Scope +5 h, +2 tasks');
    expect(versionsText).toContain('Open work held: 11 h → 11 h');
    expect(versionsText).toContain('Set up the repo: status To do → Done');
    await page.getByLabel('From version').selectOption('2');
    await versions.getByText('Pick two different versions to compare.').waitFor();
    await page.getByLabel('From version').selectOption('1');
    await versions.getByText('Why version 2:').waitFor();
    expect(versionsText).toContain('Re-estimated');

    // Decisions: who cites which, and the superseded one flagged.
    const decisions = page.locator('#decisions');
    const decisionsText = await decisions.innerText();
    expect(decisionsText).toMatch(/ADR-0001 Use Stripe Checkout\s*⚠?\s*Superseded/);
    expect(decisionsText).toContain('Superseded by ADR-0002');
    expect(decisionsText).toContain('Cited by: Hosted payment pages per ADR-0001');

    // The heatmap's text alternative lists the judged days.
    const heatmap = page.getByRole('img', { name: /^Shown-up days\./ });
    expect(await heatmap.getAttribute('aria-label')).toContain('Showed up on 3 of 6 judged days');
    const heatTable = page.locator('table', { hasText: 'Shown-up days: every judged day' });
    const rows = await heatTable.locator('tbody tr').allInnerTexts();
    const flat = rows.map((row) => row.replace(/\s+/g, ' ').trim());
    expect(flat).toHaveLength(6);
    expect(flat.some((row) => row.startsWith('Tue, Mar 3, 2026 Showed up'))).toBe(true);
    expect(flat.some((row) => row.startsWith('Wed, Mar 4, 2026 Skipped'))).toBe(true);
    expect(flat.some((row) => row.startsWith('Fri, Mar 6, 2026 Grace'))).toBe(true);
    expect(flat.some((row) => row.startsWith('Tue, Mar 10, 2026 Paused'))).toBe(true);

    // The burn-up: uPlot draws on a canvas, and the summary names the scope change and its reason.
    const canvas = page.getByTestId('burnup-canvas').locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    const summary = await page.getByTestId('burnup-summary').innerText();
    expect(summary).toContain('Scope changed once: version 2 on Mon, Mar 9');
    expect(summary).toContain(REASON);
    expect(await page.getByRole('img', { name: /^Burn-up chart\./ }).getAttribute('aria-label')).toContain(
      'version 2',
    );
    // The measure is switched from the keyboard: arrow keys move between the radios.
    await page.getByRole('radio', { name: 'Hours' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Tasks' }).isChecked()).toBe(true);
    await page.locator('table', { hasText: 'Burn-up by day (tasks)' }).waitFor({ state: 'attached' });

    await page.screenshot({ path: join(screenshots, 'plan.png'), fullPage: true });

    // A phone: nothing scrolls sideways; the chart shrinks with its box.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect.poll(async () => (await canvas.boundingBox())?.width ?? 999).toBeLessThan(375);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, 'plan-phone.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows the public status page without signing in, and says when a page is private', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Asia/Tokyo',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${server.url}/status/${statusToken}`);
    await page.getByRole('heading', { name: 'Launch', level: 1 }).waitFor();
    expect(await page.title()).toBe('Launch · status · Recital');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Invoicing for freelancers');
    expect(text).toContain('freelance designers');
    expect(text).toContain('Built by Ada Lovelace');
    expect(text).toContain('Ada Lovelace last showed up on Mon, Mar 9, 2026.');
    expect(text).toMatch(/2 of 6 tasks · 5 h of 16 h/);
    expect(text).toMatch(/streak/i);
    expect(text).toContain('On track');
    const checkpoints = await page.locator('.status-checkpoint').allInnerTexts();
    expect(checkpoints).toHaveLength(2);
    expect(checkpoints[0]).toMatch(
      /Week 1: Foundations[\s\S]*Due Fri, Mar 6, 2026[\s\S]*Approved[\s\S]*Late/,
    );
    expect(checkpoints[1]).toMatch(/Week 2: Payments[\s\S]*Due Fri, Mar 13, 2026[\s\S]*Pending/);
    const rows = (
      await page.locator('table', { hasText: 'every judged day' }).locator('tbody tr').allInnerTexts()
    ).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      'Tue, Mar 3, 2026 Showed up',
      'Wed, Mar 4, 2026 Skipped',
      'Thu, Mar 5, 2026 Showed up',
      'Fri, Mar 6, 2026 Grace',
      'Mon, Mar 9, 2026 Showed up',
      'Tue, Mar 10, 2026 Paused',
    ]);
    // No sign-in happened: the header offers none of the signed-in navigation.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'status.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 812 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, 'status-phone.png'), fullPage: true });

    // A made-up token: private or not there.
    await page.goto(`${server.url}/status/st_thisTokenWasMadeUpForTheTest`);
    await page.getByRole('heading', { name: 'This status page is private or does not exist' }).waitFor();
    expect(await page.title()).toBe('Status page not found · Recital');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
