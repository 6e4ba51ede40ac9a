import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRepository,
  createApiClient,
  createProject,
  createWorkspace,
  ingestCommits,
  listUnderstanding,
  setTestClock,
  uploadComprehension,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject } from '../helpers/commitment.js';
import { buildWeb, horizontalOverflow, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs', 'screenshots');

const HUMAN = 'a'.repeat(40);
const CHECKOUT = 'b'.repeat(40);
const STRIPE = 'c'.repeat(40);
const REFUNDS = 'd'.repeat(40);
const HEAD = 'e'.repeat(40);

interface FileRow {
  path: string;
  lines: number;
  aiLines: number;
  unexplainedAiLines: number;
  understoodBy: string[];
  unexplainedShas?: string[];
}

/** The tree at the last measurement, before any walkthrough; `reviewed` paths are understood by the witness. */
function tree(builder: string, witness: string, reviewed: readonly string[] = []): FileRow[] {
  const ai = (path: string, lines: number, aiLines: number, unexplained: number, sha: string): FileRow =>
    reviewed.includes(path)
      ? { path, lines, aiLines, unexplainedAiLines: 0, understoodBy: [witness] }
      : {
          path,
          lines,
          aiLines,
          unexplainedAiLines: unexplained,
          understoodBy: unexplained * 2 > lines ? [] : [builder],
          unexplainedShas: [sha],
        };
  const human = (path: string, lines: number, people = [builder]): FileRow => ({
    path,
    lines,
    aiLines: 0,
    unexplainedAiLines: 0,
    understoodBy: people,
  });
  return [
    ai('src/server/payments/stripe.ts', 520, 400, 310, STRIPE),
    ai('src/server/payments/refunds.ts', 160, 160, 160, REFUNDS),
    human('src/server/app.ts', 240),
    human('src/server/db.ts', 130, [builder, witness]),
    ai('src/web/pages/checkout.tsx', 420, 300, 240, CHECKOUT),
    human('src/web/pages/home.tsx', 180),
    human('src/web/components/button.tsx', 90),
    human('docs/architecture.md', 110),
    human('README.md', 60),
    human('package.json', 40),
  ];
}

/** What `recital comprehension` would upload for these files. */
function report(files: readonly FileRow[], busFactor: number) {
  const sum = (pick: (file: FileRow) => number) => files.reduce((total, file) => total + pick(file), 0);
  const lines = sum((file) => file.lines);
  const unexplained = sum((file) => file.unexplainedAiLines);
  const churn: Record<string, number> = {
    'src/server/payments/stripe.ts': 380,
    'src/web/pages/checkout.tsx': 210,
    'src/server/payments/refunds.ts': 60,
  };
  return {
    commit: HEAD,
    files: files.map((file) => ({
      ...file,
      authors: { [file.understoodBy[0] ?? 'ada@example.com']: file.lines },
    })),
    totals: {
      lines,
      aiLines: sum((file) => file.aiLines),
      unexplainedAiLines: unexplained,
      coverage: (lines - unexplained) / lines,
      busFactor,
    },
    hotspots: files
      .filter((file) => file.unexplainedAiLines > 0 && churn[file.path])
      .map((file) => ({
        path: file.path,
        churn: churn[file.path]!,
        unexplainedAiLines: file.unexplainedAiLines,
        score: churn[file.path]! * file.unexplainedAiLines,
      }))
      .sort((a, b) => b.score - a.score),
  };
}

describe('web: code comprehension', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let world: Awaited<ReturnType<typeof committedProject>>;
  let repositoryId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webDir = await buildWeb();
    mkdirSync(screenshots, { recursive: true });
    // Monday 2 March 2026, 09:00 in Berlin.
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1' },
      clock: fixedClock(new Date('2026-03-02T08:00:00Z')),
    });
    world = await committedProject(server.url, {
      builderZone: 'Europe/Berlin',
      witnessZone: 'America/New_York',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    const { builder, witness, projectId } = world;
    const moveTo = (now: string) =>
      createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
    repositoryId = (
      await builder.client.call(addRepository, { params: { projectId }, body: { name: 'launch' } })
    ).id;
    // Recital records walkthroughs only for commits it has seen: the clone's history first.
    const commit = (sha: string, message: string, path: string) => ({
      sha,
      parents: [],
      authorName: 'Ada',
      authorEmail: builder.email,
      authoredAt: '2026-03-03T10:00:00+01:00',
      committerName: 'Ada',
      committerEmail: builder.email,
      committedAt: '2026-03-03T10:00:00+01:00',
      message,
      files: [{ path, added: 100, deleted: 0 }],
    });
    const claude = '\n\nCo-Authored-By: Claude <noreply@anthropic.com>';
    await builder.client.call(ingestCommits, {
      params: { repositoryId },
      body: {
        source: 'sync',
        commits: [
          commit(HUMAN, 'Set up the app', 'src/server/app.ts'),
          commit(STRIPE, `Stripe checkout${claude}`, 'src/server/payments/stripe.ts'),
          commit(REFUNDS, `Refunds${claude}`, 'src/server/payments/refunds.ts'),
          commit(CHECKOUT, `Checkout page${claude}`, 'src/web/pages/checkout.tsx'),
        ],
      },
    });

    // Three sprints of measurements: understanding falls behind as AI code lands.
    const files = tree(builder.email, witness.email);
    const early = files.map((file) => ({
      ...file,
      lines: Math.round(file.lines / 2),
      aiLines: Math.round(file.aiLines / 4),
      unexplainedAiLines: Math.round(file.unexplainedAiLines / 5),
    }));
    await moveTo('2026-03-03T17:00:00Z');
    const upload = (body: ReturnType<typeof report>) =>
      builder.client.call(uploadComprehension, { params: { repositoryId }, body });
    await upload(report(early, 2));
    await moveTo('2026-03-17T17:00:00Z');
    await upload(
      report(
        files.map((file) => ({ ...file, unexplainedAiLines: Math.round(file.unexplainedAiLines / 2) })),
        1,
      ),
    );
    await moveTo('2026-03-31T17:00:00Z');
    await upload(report(files, 1));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  /** A person in their own browser, signed in through the sign-in page and landed on `path`. */
  const signedIn = (who: { email: string; password: string }, path: string) =>
    signInThroughPage(browser, {
      baseUrl: server.url,
      who,
      path,
      timezoneId: 'Europe/Berlin',
      contexts,
      pageErrors,
    });

  /** An attribute of the element that has focus. */
  const focused = (page: Page, name: string) => page.locator(':focus').getAttribute(name);
  const details = (page: Page) => page.getByTestId('treemap-details');
  const cell = (page: Page, path: string) => page.locator(`.tm-cell[data-path="${path}"]`);

  it('shows the builder the summary, a treemap to explore by keyboard, the table, hotspots and the trend', async () => {
    const { builder, projectId } = world;
    const page = await signedIn(builder, `/projects/${projectId}/comprehension`);
    await page.getByRole('heading', { name: 'Launch', level: 1 }).waitFor();
    expect(await page.title()).toBe('Code comprehension · Launch · Recital');
    // The project navigation links here, with a short label.
    const nav = page.getByRole('list', { name: 'Project Launch' });
    expect(await nav.getByRole('link', { name: 'Code' }).getAttribute('aria-current')).toBe('page');

    // The summary, in words. 1,950 lines, 710 of them AI lines nobody explained or reviewed.
    const summary = page.getByRole('region', { name: 'Who understands the code' });
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('64% of 1,950 lines are understood by someone.');
    expect(summaryText).toMatch(/AI lines\s*860/);
    expect(summaryText).toMatch(/Un-understood lines\s*710/);
    expect(summaryText).toContain(
      '1 person: if they left, over half of the files would have nobody who understands them.',
    );
    expect(await page.getByTestId('measured').innerText()).toMatch(
      /Measured Mar 31, 2026, 7:00\sPM at commit eeeeeeeeee, over 10 files\./,
    );

    // The treemap: one focusable cell per entry of the open directory, each with a tooltip.
    const map = page.getByRole('region', { name: 'Map of the code' });
    await cell(page, 'src').waitFor();
    expect(await map.locator('.tm-cell').count()).toBe(4);
    expect(await cell(page, 'src').locator('> title').textContent()).toContain('src, directory of 7 files');
    // Hatching marks cells with un-understood lines; a percentage is written on big cells.
    expect(await map.locator('.tm-hatch').count()).toBeGreaterThan(0);
    expect(await cell(page, 'src').locator('> text').first().textContent()).toBe('src/ · 59%');

    // Tab moves from cell to cell; the details follow.
    await cell(page, 'src').focus();
    expect(await details(page).innerText()).toMatch(/src\/[\s\S]*1,740 in 7 files[\s\S]*Coverage\s*59%/);
    await page.keyboard.press('Tab');
    const second = await focused(page, 'data-path');
    expect(second).toBe('docs');
    expect(await details(page).innerText()).toContain('docs/');
    await page.keyboard.press('Shift+Tab');

    // Enter opens a directory; focus lands on its first cell, and the breadcrumb says where we are.
    await page.keyboard.press('Enter');
    const breadcrumb = page.getByRole('navigation', { name: 'Location in launch' });
    await breadcrumb.getByText('src/', { exact: true }).waitFor();
    expect(await breadcrumb.locator('[aria-current="location"]').innerText()).toBe('src/');
    await expect.poll(() => focused(page, 'data-path')).toBe('src/server');
    await page.keyboard.press('Enter');
    await cell(page, 'src/server/payments').waitFor();
    await cell(page, 'src/server/payments').focus();
    expect(await details(page).innerText()).toMatch(/Understood by\s*nobody/);
    // Escape goes back up, to the directory we came from.
    await page.keyboard.press('Escape');
    await cell(page, 'src/web').waitFor();
    await expect.poll(() => focused(page, 'data-path')).toBe('src/server');

    // The table of the level: sortable, directories open from it.
    await page.getByText('Table of src/').click();
    const table = page.getByRole('table', { name: /^src\/: 2 entries/ });
    const paths = () => table.locator('tbody th').allInnerTexts();
    expect(await paths()).toEqual(['src/server/', 'src/web/']);
    await table.getByRole('button', { name: /^Path/ }).click();
    expect(await table.locator('th[aria-sort="ascending"]').innerText()).toContain('Path');
    expect(await paths()).toEqual(['src/server/', 'src/web/']);
    await table.getByRole('button', { name: /^Un-understood/ }).click();
    expect(await table.locator('th[aria-sort="descending"]').innerText()).toContain('Un-understood');
    expect(await paths()).toEqual(['src/server/', 'src/web/']);
    await table.getByRole('button', { name: /^Coverage/ }).click();
    expect(await table.locator('th[aria-sort="descending"]').innerText()).toContain('Coverage');
    expect(await paths()).toEqual(['src/web/', 'src/server/']);
    const webRow = (await table.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(webRow).toContain('src/web/ 690 300 240 65%');

    // The breadcrumb goes back to the root.
    await breadcrumb.getByRole('button', { name: 'launch' }).click();
    await cell(page, 'README.md').waitFor();
    expect(await breadcrumb.locator('[aria-current="location"]').innerText()).toBe('launch');

    // Hotspots, highest score first, without walkthrough buttons for the builder.
    const hotspots = page.getByRole('list', { name: 'Hotspots, highest score first' });
    const items = (await hotspots.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('src/server/payments/stripe.ts 380 lines changed recently 310 un-understood');
    expect(items[1]).toContain('src/web/pages/checkout.tsx');
    expect(await page.getByRole('button', { name: /Mark walkthrough done/ }).count()).toBe(0);

    // The trend: three sprints, drawn by uPlot, summarised in words and in a table.
    await page.getByTestId('trend-canvas').locator('canvas').waitFor();
    const trend = await page.getByTestId('trend-summary').innerText();
    expect(trend).toContain('Over 3 sprints, from Tue, Mar 3 to Tue, Mar 31, coverage fell');
    expect(trend).toContain('un-understood lines went from 142 to 710');
    await page.getByText('Trend as a table').click();
    const trendRows = await page.getByRole('table', { name: 'Comprehension per sprint' }).locator('tbody tr');
    expect(await trendRows.count()).toBe(3);

    await page.getByText('Trend as a table').click();
    await page.getByText('Table of launch').click();
    await page.screenshot({ path: join(screenshots, 'comprehension.png'), fullPage: true });

    // A narrow laptop (the full navigation, one link more) and a phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 780, height: 900 });
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });
    await page.setViewportSize({ width: 375, height: 812 });
    await expect.poll(async () => (await map.locator('svg').boundingBox())?.width ?? 999).toBeLessThan(375);
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });
    await page.screenshot({ path: join(screenshots, 'comprehension-phone.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('lets the witness record a walkthrough, and says the counts change at the next measurement', async () => {
    const { builder, witness, projectId } = world;
    const page = await signedIn(witness, `/projects/${projectId}/comprehension`);
    const hotspots = page.getByRole('list', { name: 'Hotspots, highest score first' });
    await hotspots.waitFor();
    expect(await page.getByRole('button', { name: /^Mark walkthrough done for / }).count()).toBe(3);

    // Two steps: the first click asks, Cancel puts the button back.
    const stripe = 'src/server/payments/stripe.ts';
    const mark = page.getByRole('button', { name: `Mark walkthrough done for ${stripe}` });
    await mark.click();
    const confirm = page.getByRole('group', { name: `Confirm the walkthrough of ${stripe}` });
    expect(await confirm.innerText()).toContain('its 310 un-understood lines (1 commit)?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await mark.waitFor();
    expect(await focused(page, 'aria-label')).toBe(`Mark walkthrough done for ${stripe}`);
    await mark.click();
    await confirm.getByRole('button', { name: 'Yes, record the walkthrough' }).click();
    const row = hotspots.locator('li', { hasText: stripe });
    await row.getByText('Walkthrough recorded: 1 commit of').waitFor();
    expect(await row.innerText()).toContain('The un-understood count drops when the builder next runs');
    // The API holds it as a review by the witness.
    const { facts } = await witness.client.call(listUnderstanding, { params: { repositoryId } });
    expect(facts.filter((fact) => fact.kind === 'reviewed')).toEqual([
      { sha: STRIPE, person: witness.email.toLowerCase(), kind: 'reviewed', source: 'walkthrough' },
    ]);

    // After a reload the page still says the file was reviewed since the measurement, also in the map.
    await page.reload();
    await row.getByText('Reviewed since this measurement (1 commit).').waitFor();
    await cell(page, 'src').click();
    await cell(page, 'src/server').click();
    await cell(page, 'src/server/payments').click();
    await cell(page, stripe).focus();
    await details(page).getByText('Reviewed since this measurement (1 commit).').waitFor();
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The builder's next measurement counts the walkthrough: the file is understood, and no longer a hotspot.
    await createApiClient({ baseUrl: server.url }).call(setTestClock, {
      body: { now: '2026-04-01T09:00:00Z' },
    });
    await builder.client.call(uploadComprehension, {
      params: { repositoryId },
      body: report(tree(builder.email, witness.email, [stripe]), 2),
    });
    await page.reload();
    await hotspots.waitFor();
    expect(await hotspots.innerText()).not.toContain(stripe);
    const summary = await page.getByRole('region', { name: 'Who understands the code' }).innerText();
    expect(summary).toContain('79% of 1,950 lines are understood by someone.');
    expect(summary).toContain('2 people: if they left');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('says how to produce data when no repository is connected', async () => {
    const solo = await signUpWithToken(server.url, { timeZone: 'Europe/Berlin' });
    const workspaceId = (await solo.client.call(createWorkspace, { body: { name: 'Solo', kind: 'solo' } }))
      .id;
    const projectId = (
      await solo.client.call(createProject, { params: { workspaceId }, body: { name: 'Side project' } })
    ).id;
    const page = await signedIn(solo, `/projects/${projectId}/comprehension`);
    const empty = page.getByTestId('no-repository');
    await empty.waitFor();
    const text = await empty.innerText();
    expect(text).toContain('recital repo add');
    expect(text).toContain('recital comprehension');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
