import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCheckpoint, updateMe } from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject } from '../helpers/commitment.js';
import { buildWeb, horizontalOverflow, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { FOUR_BY_TWO_PLAN, workHistory } from '../helpers/work-history.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs', 'screenshots', 'forecast');

/** Browser globals the cone check touches (tests type-check without the DOM lib). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: number[] } };
}

/** Pixels of the chart's canvas drawn in the cone's colour (--warning-ink, #6b4500 in the light theme). */
function conePixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as unknown as Canvas;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 200 && Math.abs(r - 107) < 24 && Math.abs(g - 69) < 24 && b < 40) count += 1;
    }
    return count;
  });
}

describe('web: forecasts on the burn-up, the checkpoints, the witness overview and the cohort console', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let world: Awaited<ReturnType<typeof committedProject>>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const { moveTo, work } = workHistory(
    () => server.url,
    () => world.builder,
    () => world.projectId,
  );

  const signedIn = (who: { email: string; password: string }, timezoneId: string, path: string) =>
    signInThroughPage(browser, { baseUrl: server.url, who, path, timezoneId, contexts, pageErrors });

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  async function onPhone(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 375, height: 812 });
    await expect.poll(async () => (await horizontalOverflow(page)).by).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });
    await shot(page, name);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    webDir = await buildWeb();
    mkdirSync(screenshots, { recursive: true });
    // Monday 2 March 2026, 09:00 in Los Angeles (UTC−8 until the clocks move on Sunday the 8th).
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1' },
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
    });
    world = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Europe/Berlin',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
      plan: FOUR_BY_TWO_PLAN,
    });
    await world.builder.client.call(updateMe, { body: { displayName: 'Ada Builder' } });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('says a cold-start forecast rests on no history of the builder’s own, with numbers that are never certain', async () => {
    const { builder, projectId } = world;
    const page = await signedIn(builder, 'America/Los_Angeles', `/projects/${projectId}/plan`);
    const timeline = page.getByRole('list', { name: 'Checkpoints by due date' });
    const chances = timeline.getByTestId('checkpoint-chance');
    await expect.poll(() => chances.count()).toBe(2);
    const [week1, week2] = await chances.allInnerTexts();
    expect(week1).toMatch(
      /^\d{1,2}% chance by Fri, Mar 6 · likely done \w{3}, Mar \d+ · 85% sure by \w{3}, Mar \d+/,
    );
    expect(week1).toContain('Based on 0 days of history: too little to know your pace');
    expect(week2).toMatch(/chance by Fri, Mar 13 · likely done/);
    const basis = page.getByTestId('forecast-basis');
    await basis.waitFor();
    expect(await basis.innerText()).toContain('No judged days yet, so no pace of your own');
    expect(await basis.innerText()).toContain(
      'Pace so far: 0 days of history · 0 of 0 finished tasks with known times',
    );
    expect(await page.getByTestId('calibration').innerText()).toContain(
      'Estimates are planned as written: too little history yet',
    );
    expect(await page.locator('main').innerText()).not.toMatch(/100%|\b0% chance/);
    await shot(page, 'plan-cold-start');
  }, 120_000);

  it('draws the cone on the builder’s burn-up and gives each checkpoint its chance, at risk under the threshold', async () => {
    const { builder, projectId } = world;
    // A week of work: each hour-long task takes 90 minutes; Thursday is skipped.
    await work('2026-03-04T02:00:00Z', 'week-1.t1', 90);
    await work('2026-03-05T02:00:00Z', 'week-1.t2', 90);
    await work('2026-03-07T02:00:00Z', 'week-1.t3', 90);
    await work('2026-03-07T03:30:00Z', 'week-1.t4', 90, false);
    await builder.client.call(submitCheckpoint, {
      params: { projectId, checkpointId: 'cp-week-1' },
      body: { proof: [{ kind: 'text', text: 'Sign-in works' }] },
    });
    await work('2026-03-10T01:00:00Z', 'week-2.t1', 180);
    await moveTo('2026-03-10T16:00:00Z'); // Tuesday 10 March, 09:00 in Los Angeles

    const page = await signedIn(builder, 'America/Los_Angeles', `/projects/${projectId}/plan`);

    // The burn-up: the cone from today, what it rests on, and a marker per checkpoint.
    const canvas = page.getByTestId('burnup-canvas').locator('canvas');
    await canvas.waitFor();
    const basis = page.getByTestId('forecast-basis');
    await basis.getByText('Based on 5 judged days').waitFor();
    const basisText = await basis.innerText();
    expect(basisText).toMatch(
      /^Forecast, not a promise\. From Tue, Mar 10: half of the simulated runs finish all open work by Tue, Mar 17, 85% by \w{3}, Mar \d+ and 95% by \w{3}, Mar \d+\./,
    );
    expect(basisText).toContain(
      'Based on 5 judged days across 1 project, 5 timed tasks, 20% of planned days skipped (10,000 simulated runs, each one possible future for every checkpoint',
    );
    expect(basisText).toContain(
      'Pace so far: 5 days of history (4 worked, 1 skipped) · 5 of 5 finished tasks with known times · typically 1 h 30 min of estimated work on a worked day · tasks took 1.5× their estimates (median) · 20% of planned days skipped · 10,000 simulated runs.',
    );
    const legend = await page.locator('.burnup-legend').innerText();
    expect(legend).toMatch(
      /Forecast, likely path \(P50\)[\s\S]*85% sure, dashed[\s\S]*Shaded: from likely to 95% sure[\s\S]*Checkpoint due/,
    );
    expect(await page.locator('.burnup-plot').getAttribute('aria-label')).toContain(
      'Forecast: From Tue, Mar 10: half of the simulated runs finish all open work by Tue, Mar 17',
    );
    await expect.poll(() => conePixels(canvas)).toBeGreaterThan(150);
    // The numbers behind the canvas, for screen readers.
    const table = page.getByRole('table', { name: /Forecast by checkpoint/ });
    expect(await table.getByRole('row').filter({ hasText: 'Week 2' }).innerText()).toMatch(
      /Week 2: Payments\s+Fri, Mar 13\s+<1% \(at risk\)\s+Tue, Mar 17/,
    );
    expect(await table.getByRole('row').filter({ hasText: 'Week 1' }).innerText()).toContain(
      'Submitted: waiting for the witness.',
    );

    // The cone is in hours: the task view says so and draws none.
    await page.getByRole('radio', { name: 'Tasks' }).check();
    await basis.getByText('The cone is drawn in hours: choose Hours to see it.').waitFor();
    await expect.poll(() => conePixels(canvas)).toBe(0);
    await page.getByRole('radio', { name: 'Hours' }).check();
    await expect.poll(() => conePixels(canvas)).toBeGreaterThan(150);

    // Each checkpoint's chance on the timeline: done says so, the open one is at risk, never certain.
    const timeline = page.getByRole('list', { name: 'Checkpoints by due date' });
    const [week1, week2] = await timeline.getByTestId('checkpoint-chance').allInnerTexts();
    expect(week1).toBe('✓ Submitted: waiting for the witness.');
    // The badge's parts are flex items, each on its own line in innerText.
    expect(week2?.replace(/\s+/g, ' ')).toMatch(
      /^⚠ At risk : its chance is under 70% <1% chance by Fri, Mar 13 · likely done Tue, Mar 17 · 85% sure by \w{3}, Mar \d+ Based on/,
    );
    expect(week2).toContain(
      'Based on 5 days of history and 5 finished tasks with known times (10,000 simulated runs).',
    );
    expect(await timeline.locator('.fc-at-risk').count()).toBe(1);
    expect(await page.getByTestId('calibration').innerText()).toContain(
      'Tasks take 1.5× their estimates (the median of 5 timed tasks over 5 judged days); this calendar allows for that by planning each at 1.5×.',
    );
    expect(await page.locator('main').innerText()).not.toMatch(/100%|\b0% chance/);
    await page.locator('figure.burnup').screenshot({ path: join(screenshots, 'burnup.png') });
    await shot(page, 'plan');
    await onPhone(page, 'plan-phone');

    // The checkpoint page: its chance, the spread, the open work, the cross-check and the basis.
    await page.goto(`${server.url}/projects/${projectId}/checkpoints/cp-week-2`);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Forecast', level: 2 }) });
    await card.getByTestId('checkpoint-chance').waitFor();
    const cardText = await card.innerText();
    expect(cardText).toMatch(/<1% chance by Fri, Mar 13 · likely done Tue, Mar 17 · 85% sure by/);
    expect(cardText).toMatch(/95% sure by \w{3}, Mar \d+\./);
    expect(cardText).toContain(
      'Open work: 3 tasks of its own; 6 h estimated before its date, earlier checkpoints’ work included.',
    );
    expect(cardText).toContain(
      'Cross-check from daily output alone: Too little history to sample daily output: 4 days worked so far, 5 needed.',
    );
    expect(cardText).toContain('A checkpoint is at risk under 70%.');
    await shot(page, 'checkpoint');
    await onPhone(page, 'checkpoint-phone');
  }, 180_000);

  it('shows the witness the at-risk checkpoint before it is missed', async () => {
    const { witness, projectId } = world;
    const page = await signedIn(witness, 'Europe/Berlin', '/reviews');
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'At risk, before they are missed (1)' }),
    });
    const item = section.getByTestId('at-risk-list').getByRole('listitem');
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('Week 2: Payments');
    expect(text).toContain('Ada Builder · Launch · due Fri, Mar 13, 2026');
    expect(text).toMatch(/<1% chance by Fri, Mar 13 · 85% sure by \w{3}, Mar \d+/);
    expect(text).toContain('Based on 5 days of history');
    expect(text).toContain('At risk');
    expect(await item.getByRole('link', { name: 'Week 2: Payments' }).getAttribute('href')).toBe(
      `/projects/${projectId}/checkpoints/cp-week-2`,
    );
    const overview = page.locator('.cp-witnessed').filter({ hasText: 'Ada Builder' });
    expect(await overview.innerText()).toMatch(/Chance it holds\s+<1% chance by Fri, Mar 13/);
    await shot(page, 'witness');
    await onPhone(page, 'witness-phone');

    // Home says it too, beside the builder.
    await page.goto(`${server.url}/`);
    await page.getByText('⚠ 1 checkpoint at risk', { exact: false }).waitFor();
  }, 120_000);

  it('lists it in the cohort console’s “At risk” and lets the organizer change the threshold', async () => {
    const { organizer, workspaceId } = world;
    const page = await signedIn(organizer, 'Europe/London', `/workspaces/${workspaceId}/cohort`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: /^At risk, before they are missed/ }),
    });
    const item = section.getByTestId('at-risk-list').getByRole('listitem').filter({ hasText: 'Week 2' });
    await item.waitFor();
    expect(await item.innerText()).toMatch(
      /Week 2: Payments\s+Ada Builder · Launch · due Fri, Mar 13, 2026\s+<1% chance by Fri, Mar 13 · 85% sure by/,
    );
    expect(await item.innerText()).toContain('At risk');
    expect(await page.locator('.cohort-stats').innerText()).toMatch(/Checkpoints at risk\s+1/);
    const builder = page.locator('.cohort-builder').filter({ hasText: 'Ada Builder' });
    expect(await builder.innerText()).toMatch(/Chance it holds\s+<1% chance by Fri, Mar 13/);
    const threshold = page.getByTestId('at-risk-threshold');
    expect(await threshold.innerText()).toContain(
      'A checkpoint is at risk when its chance of holding by its due date is under 70%.',
    );

    // Out of range is refused in words, beside the field.
    const field = page.getByLabel('At-risk threshold (%)');
    await field.fill('100');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.getByText('Enter a percent from 1 to 99.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('50');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page
      .getByRole('status')
      .getByText(
        'At-risk threshold set to 50%. Forecasts are refreshed within a minute, and the list follows.',
      )
      .waitFor();
    await threshold.getByText('50%').waitFor();
    expect(await threshold.innerText()).toContain('under 50%.');

    // The next sweep re-reads the threshold; the checkpoint stays at risk under it.
    await moveTo('2026-03-10T16:02:00Z');
    await page.reload();
    await item.waitFor();
    expect(await page.getByTestId('at-risk-threshold').innerText()).toContain('under 50%.');
    expect(await item.innerText()).toContain('<1% chance');
    await shot(page, 'cohort');
    await onPhone(page, 'cohort-phone');

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
