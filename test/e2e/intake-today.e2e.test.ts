import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/contracts/client.js';
import { setTestClock } from '../../src/contracts/testing.contract.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { planFixture } from '../helpers/fixtures.js';
import { buildWeb, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs/screenshots');
const PLAN_FILE = 'checklist-30-day-weeks-status-emoji-headings.md';

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true, animations: 'disabled' });
}

async function overflow(page: Page): Promise<number> {
  // A string, because this project's Node type-check has no DOM types.
  return Number(await page.evaluate('document.documentElement.scrollWidth'));
}

describe('web: intake in five steps, then today', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let planDir: string;

  beforeAll(async () => {
    webDir = await buildWeb();
    planDir = mkdtempSync(join(tmpdir(), 'recital-plan-'));
    // Monday 2 March 2026, 09:00 in Berlin.
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1' },
      clock: fixedClock(new Date('2026-03-02T08:00:00Z')),
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
    rmSync(planDir, { recursive: true, force: true });
  });

  it('walks the intake with a real roadmap, commits, and works through today', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const moveClock = (now: string) =>
      createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });

    // Sign up through the UI, then open the intake directly.
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Display name').fill('Ada Builder');
    await page.getByLabel('Email').fill(`ada-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/start`);

    // 1. What and for whom: empty answers are explained beside the fields.
    await page.getByRole('heading', { name: 'What are you building, and for whom?' }).waitFor();
    expect(await page.getByText('Step 1 of 5').count()).toBe(1);
    await page.getByRole('button', { name: 'Create project and continue' }).click();
    await page.getByText('Give your project a name, even a working title.').waitFor();
    await page.getByText('Say who it is for: the people who will use it.').waitFor();
    await page.getByLabel('New workspace name').fill('Ada’s builds');
    await page.getByLabel('Project name').fill('VetConnect');
    await page
      .getByLabel('What you are building')
      .fill('A web app where pet owners find a clinic and book a visit.');
    await page.getByLabel('Who it is for').fill('Pet owners, and the clinics that treat their pets');
    await page.getByRole('button', { name: 'Create project and continue' }).click();

    // 2. The plan: a real roadmap from a file, previewed before anything is saved.
    await page.getByRole('heading', { name: 'Your plan', exact: true }).waitFor();
    expect(page.url()).toMatch(/\/start\?project=[A-Za-z0-9_-]+$/);
    const planText = planFixture(PLAN_FILE);
    const planPath = join(planDir, PLAN_FILE);
    writeFileSync(planPath, planText);
    await page.getByTestId('plan-file').setInputFiles(planPath);
    const preview = page.locator('.plan-preview');
    await preview.getByText('Markdown roadmap').waitFor();
    await preview.getByText('30 open', { exact: true }).waitFor();
    await preview.getByText('Week 4: Notifications, QA & Polish').waitFor();
    await preview.getByRole('button', { name: /^Line 3:/ }).waitFor();
    expect(
      await preview.getByText('is marked done (✅) but 7 of 7 tasks under it are not done').count(),
    ).toBe(1);

    // Typing updates the preview: one more task, with its estimate.
    const box = page.getByRole('textbox', { name: 'Plan text' });
    const anchor = 'Launch Day 🚀';
    await box.evaluate((element, at) => {
      const area = element as unknown as {
        value: string;
        focus(): void;
        setSelectionRange(a: number, b: number): void;
      };
      const end = area.value.indexOf(at) + at.length;
      area.focus();
      area.setSelectionRange(end, end);
    }, anchor);
    await page.keyboard.type('\n- [ ] Write the launch post (2h)');
    await preview.getByText('31 open', { exact: true }).waitFor();
    await preview.getByRole('button', { name: /Show all 31 open tasks/ }).click();
    const launchPost = preview.locator('.plan-tasks li', { hasText: 'Write the launch post' });
    expect(await launchPost.locator('.chip').innerText()).toBe('2 h');
    await screenshot(page, 'intake');
    await page.getByRole('button', { name: 'Import plan and continue' }).click();

    // 3. Hours and launch date: feasibility as the numbers change.
    await page.getByRole('heading', { name: 'Your hours and launch date' }).waitFor();
    const feasibility = page.getByTestId('feasibility');
    await feasibility.getByText(/Your launch on .* holds\./).waitFor();
    await feasibility.getByText('32 h', { exact: true }).waitFor();
    await feasibility.getByText('42 h', { exact: true }).waitFor();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await page.getByLabel(day).fill('0.5');
    await feasibility.getByText(/does not hold at these hours\./).waitFor();
    await feasibility.getByText('10.5 h', { exact: true }).waitFor();
    await feasibility.getByText(/The earliest launch that would hold: .*2026\./).waitFor();
    await feasibility.locator('.cut-line summary').first().waitFor();
    expect(await feasibility.locator('.forecast-bad').count()).toBeGreaterThan(0);

    // The same step on a phone: no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await overflow(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'intake-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await page.getByLabel(day).fill('2');
    await feasibility.getByText(/Your launch on .* holds\./).waitFor();
    await page.getByLabel('Saturday').fill('lots');
    await page.getByRole('button', { name: 'Save hours and continue' }).click();
    await page.getByText('Give a number of hours from 0 to 24, such as 1.5.').waitFor();
    await page.getByLabel('Saturday').fill('0');
    await page.getByRole('button', { name: 'Save hours and continue' }).click();

    // 4. The witness: invited by email; they accept before the builder starts.
    await page.getByRole('heading', { name: 'Your witness' }).waitFor();
    await page.getByText('Until they accept, they are not a member').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Create the invitation link first, or choose another option.').waitFor();
    const witnessEmail = `grace-${Date.now()}@example.com`;
    await page.getByLabel('Their email').fill(witnessEmail);
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page.getByLabel(`Invitation link for ${witnessEmail}`).inputValue();
    const token = new URL(link).pathname.split('/').pop() ?? '';
    await signUpUser(server.url, {
      email: witnessEmail,
      displayName: 'Grace Witness',
      invitationToken: token,
    });
    await page.getByRole('button', { name: 'Continue' }).click();

    // 5. The commitment: the default ladder, editable.
    await page.getByRole('heading', { name: 'Your commitment' }).waitFor();
    expect(await page.locator('.ladder-row').count()).toBe(4);
    await page.getByLabel('Grace tokens per sprint').fill('40');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByText('A whole number from 0 to 31.').waitFor();
    await page.getByLabel('Grace tokens per sprint').fill('2');
    await page.getByRole('button', { name: 'Review' }).click();

    // Review, then start.
    await page.getByRole('heading', { name: 'Review and start' }).waitFor();
    await page.getByText('Grace Witness accepted your invitation and will be your witness.').waitFor();
    await page.getByText(/31 tasks \(31 open\)/).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.waitForURL(/\/projects\/[A-Za-z0-9_-]+\/today$/);

    // Today: the next smallest step, front and centre.
    const next = page.getByTestId('next-step');
    const nextTitle = await next.locator('.next-title').innerText();
    expect(nextTitle).toMatch(/^Day \d+: /);
    await page.getByTestId('health').getByText('On track').waitFor();
    await page.getByTestId('streak').getByText('No streak yet').waitFor();
    await page.getByTestId('checkpoint').getByText('Week 1: Core Setup & Authentication').waitFor();
    await page.getByTestId('hours-left').getByText('2 h left today').waitFor();

    // Start: the task starts and a 25-minute focus timer opens; pause, resume, stop early, check in.
    // By keyboard: Enter on Start, then Space on Pause and Resume.
    await next.getByRole('button', { name: 'Start', exact: true }).focus();
    await page.keyboard.press('Enter');
    const focus = page.getByTestId('focus-timer');
    await focus.getByRole('timer').waitFor();
    expect(await focus.getByText('of 25 min').count()).toBe(1);
    await focus.getByRole('button', { name: '5 minutes longer' }).click();
    await focus.getByText('30 min session').waitFor();
    await focus.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Space');
    await focus.getByText('Paused', { exact: true }).first().waitFor();
    await focus.getByRole('button', { name: 'Resume' }).focus();
    await page.keyboard.press('Space');
    await focus.getByRole('button', { name: 'Pause' }).waitFor();
    await focus.getByRole('button', { name: 'Stop and check in' }).click();
    await focus.getByRole('status').getByText('Focus session stopped.').waitFor({ state: 'attached' });
    expect(await focus.getByLabel('Minutes').inputValue()).toBe('1');
    await focus.getByRole('button', { name: 'Check in' }).click();
    await focus.getByText('The check-in needs a little more.').waitFor();
    await focus.getByLabel('What I did').fill('Created the Firebase project and enabled Auth');
    await focus.getByRole('button', { name: 'Check in' }).click();
    await page.getByText('Checked in: 1 min.').waitFor();
    await page.locator('.logged').getByText('Created the Firebase project and enabled Auth').waitFor();

    // Done, and "didn't finish — why?".
    const planned = page.locator('section', { has: page.getByRole('heading', { name: 'Today’s plan' }) });
    const firstTask = planned.locator('li.task').first();
    const doneTitle = await firstTask.locator('.task-title').innerText();
    await firstTask.getByRole('button', { name: /^Done:/ }).click();
    await page.getByText(`“${doneTitle}” is done.`).waitFor();
    await planned.locator('.done-today').getByText(doneTitle).waitFor();
    const deferTitle = await firstTask.locator('.task-title').innerText();
    expect(deferTitle).not.toBe(doneTitle);
    await firstTask.getByRole('button', { name: /^Didn’t finish/ }).click();
    await page.getByRole('button', { name: 'Move to next work day' }).click();
    await page.getByText('Say briefly why; it helps the re-plan.', { exact: false }).waitFor();
    await page.getByLabel(`Why didn’t “${deferTitle}” get finished?`).fill('Blocked on the Firebase quota');
    await page.getByRole('button', { name: 'Move to next work day' }).click();
    await page.getByText(`“${deferTitle}” moves to your next work day.`).waitFor();
    const deferred = planned.locator('li.task-deferred', { hasText: deferTitle });
    await deferred.getByText('Moved to the next work day').waitFor();
    await deferred.getByText('“Blocked on the Firebase quota”').waitFor();
    await screenshot(page, 'today');

    // A session survives a reload (kept on this device) and, when its time is up, says so out loud and
    // offers the check-in with the full length prefilled.
    const projectId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const almostDone = JSON.stringify({
      taskId: null,
      title: 'Reading the Firebase docs',
      durationMs: 25 * 60_000,
      runningSince: Date.now() - 25 * 60_000 + 1500,
      elapsedMs: 0,
      ended: null,
    });
    await page.evaluate(`localStorage.setItem('recital.focus.${projectId}', ${JSON.stringify(almostDone)})`);
    await page.reload();
    const ending = page.getByTestId('focus-timer');
    await ending.getByText('Reading the Firebase docs').waitFor();
    await ending.getByRole('alert').getByText('Time is up.', { exact: false }).waitFor();
    expect(await ending.getByLabel('Minutes').inputValue()).toBe('25');
    await ending.getByRole('button', { name: 'Discard session' }).click();
    await page.getByTestId('next-step').waitFor();

    // Tuesday: show up with a check-in; on Wednesday morning the day is judged and the streak begins.
    await moveClock('2026-03-03T16:00:00Z');
    await page.reload();
    await page.getByRole('heading', { name: 'Check in', exact: true }).waitFor();
    const checkIn = page.locator('section', {
      has: page.getByRole('heading', { name: 'Check in', exact: true }),
    });
    await checkIn.getByLabel('What I did').fill('AuthContext and protected routes');
    await checkIn.getByLabel('Minutes').fill('90');
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    await page.getByText('Checked in: 90 min.').waitFor();
    await page.getByTestId('hours-left').getByText('30 min left today').waitFor();

    await moveClock('2026-03-04T08:00:00Z');
    await page.reload();
    await page.getByTestId('streak').getByText('1 planned day in a row shown up').waitFor();
    await page.getByTestId('health').getByText('On track').waitFor();
    expect(await page.locator('.marks').getByText('Showed up').count()).toBe(1);

    // A grace token, with a confirmation first; the sprint began on Tuesday, the first judged day.
    const grace = page.getByTestId('grace');
    await grace.getByText('2 of 2 grace tokens left this sprint (renews Tue, Mar 17)').waitFor();
    await page.getByRole('button', { name: 'Spend a grace token…' }).click();
    await page.getByText('Excuse today with a grace token?').waitFor();
    await page.getByRole('button', { name: 'Yes, spend a token' }).click();
    await page.getByText('Grace token spent on Wednesday, Mar 4: it will not count as skipped.').waitFor();
    await grace.getByText('1 of 2 grace tokens left this sprint (renews Tue, Mar 17)').waitFor();

    // Thursday passes without a sign of work: on Friday morning the page updates live (no reload) when the
    // skipped day nudges the builder, and the marks tell grace from skipped by shape and text.
    await moveClock('2026-03-06T08:00:00Z');
    await page.getByTestId('health').getByText('Slipping').waitFor();
    await page.getByText('Today · Friday, Mar 6').waitFor();
    const marks = page.locator('.marks');
    expect(await marks.getByText('Wed, Mar 4: Grace token').count()).toBe(1);
    expect(await marks.getByText('Thu, Mar 5: Skipped').count()).toBe(1);
    expect(await marks.locator('.mark-skipped .mark-glyph').innerText()).toBe('✕');
    expect(await marks.locator('.mark-grace .mark-glyph').innerText()).toBe('◆');

    // The last token of the sprint: then the button says why it cannot be used until the sprint renews.
    await grace.getByText('1 of 2 grace tokens left this sprint').waitFor();
    await page.getByRole('button', { name: 'Spend a grace token…' }).click();
    await page.getByText('Excuse today with a grace token?').waitFor();
    await page.getByRole('button', { name: 'Yes, spend a token' }).click();
    await page.getByText('Grace token spent on Friday, Mar 6: it will not count as skipped.').waitFor();
    await grace.getByText('0 of 2 grace tokens left this sprint (renews Tue, Mar 17)').waitFor();
    const spendButton = page.getByRole('button', { name: 'Spend a grace token…' });
    expect(await spendButton.isDisabled()).toBe(true);
    const why = page.locator(`[id="${await spendButton.getAttribute('aria-describedby')}"]`);
    expect(await why.innerText()).toMatch(/^None left: new ones come on Tuesday, Mar 17\./);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('next-step').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'today-phone');

    // The intake of a committed project says so, and a new one starts from the first step.
    await page.goto(`${server.url}/start?project=${projectId}`);
    await page.getByRole('heading', { name: 'VetConnect is under way' }).waitFor();
    await page.getByRole('link', { name: 'Start another project' }).click();
    await page.getByRole('heading', { name: 'What are you building, and for whom?' }).waitFor();
    expect(await page.getByLabel('Project name').inputValue()).toBe('');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('explains a project that is not committed yet and fits a phone from the first load', async () => {
    const builder = await signUpUser(server.url, { displayName: 'Lin Builder' });
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      timezoneId: 'Europe/Berlin',
      locale: 'en-US',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(builder.email);
    await page.getByLabel('Password').fill(builder.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);

    // Only the first step, then straight to Today: no plan yet.
    await page.goto(`${server.url}/start`);
    await page.getByLabel('Project name').fill('Side project');
    await page.getByLabel('What you are building').fill('A tiny habit tracker');
    await page.getByLabel('Who it is for').fill('Me');
    await page.getByRole('button', { name: 'Create project and continue' }).click();
    await page.getByRole('heading', { name: 'Your plan', exact: true }).waitFor();
    const projectId = new URL(page.url()).searchParams.get('project') ?? '';
    expect(await overflow(page)).toBeLessThanOrEqual(375);

    await page.goto(`${server.url}/projects/${projectId}/today`);
    await page.getByRole('heading', { name: 'No plan yet' }).waitFor();
    await page.getByRole('link', { name: 'Import your plan' }).click();
    await page.getByRole('heading', { name: 'Your plan', exact: true }).waitFor();

    // An example plan, imported, then Today without a commitment says so and links back to the intake.
    await page.getByRole('button', { name: 'No plan yet? Start from an example' }).click();
    await page.locator('.plan-stats').getByText('6 open').waitFor();
    await page.getByRole('button', { name: 'Import plan and continue' }).click();
    await page.getByRole('heading', { name: 'Your hours and launch date' }).waitFor();
    await page.getByLabel('Sunday').fill('1.5');
    await page.getByLabel('Launch date', { exact: true }).fill('2026-04-24');
    await page.getByRole('button', { name: 'Save hours and continue' }).click();
    await page.getByRole('heading', { name: 'Your witness' }).waitFor();

    // Leaving and coming back resumes at the hours step with what was saved, not the defaults.
    await page.reload();
    await page.getByRole('heading', { name: 'Your hours and launch date' }).waitFor();
    const hours: Record<string, string> = {};
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
      hours[day] = await page.getByLabel(day).inputValue();
    expect(hours).toEqual({
      Monday: '2',
      Tuesday: '2',
      Wednesday: '2',
      Thursday: '2',
      Friday: '2',
      Saturday: '0',
      Sunday: '1.5',
    });
    expect(await page.getByLabel('Launch date', { exact: true }).inputValue()).toBe('2026-04-24');
    await page.getByText('11.5 h a week').waitFor();
    await page.getByRole('button', { name: 'Save hours and continue' }).click();
    await page.getByRole('heading', { name: 'Your witness' }).waitFor();
    await page.goto(`${server.url}/projects/${projectId}/today`);
    const checkpoint = page.getByTestId('checkpoint');
    await checkpoint.getByText('You have not committed yet').waitFor();
    expect(await checkpoint.getByRole('link', { name: 'Finish setting up' }).getAttribute('href')).toBe(
      `/start?project=${projectId}`,
    );
    expect(await page.getByTestId('next-step').locator('.next-title').innerText()).not.toBe('');
    expect(await overflow(page)).toBeLessThanOrEqual(375);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
