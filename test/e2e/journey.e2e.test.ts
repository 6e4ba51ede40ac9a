import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  createApiClient,
  createInvitation,
  createWorkspace,
  listCheckpoints,
  listProjects,
  setTestClock,
  signIn,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import {
  buildWeb,
  horizontalOverflow,
  launchChromium,
  markPage,
  naturalWidth,
  stillSamePage,
} from '../helpers/browser.js';
import { planFixture } from '../helpers/fixtures.js';
import { png } from '../helpers/png.js';
import { browserClient, startTestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'docs', 'screenshots', 'journey');
/** A real Task Master tasks.json: 37 tasks (28 open) in tagged phases, each phase a checkpoint. */
const PLAN_FILE = 'taskmaster-tagged-parentid-undefined-arabic.json';

/**
 * The whole journey in one run, as the people in it see it: a builder joins a cohort, turns a real
 * plan into a commitment, works, proves a checkpoint to a witness in another browser, skips days and
 * misses a checkpoint, and the witness, the organizer and the public see what happened.
 */
describe('web: the whole journey, from sign-up to the public status page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let files: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let step = 0;

  beforeAll(async () => {
    webDir = await buildWeb();
    files = mkdtempSync(join(tmpdir(), 'recital-journey-'));
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    // Monday 2 March 2026, 09:00 in Los Angeles, where the builder lives; 22:30 in Kolkata, the witness's.
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1' },
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function person(label: string, timezoneId: string, phone = false): Promise<Page> {
    const context = await browser.newContext({
      viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
      timezoneId,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
    return page;
  }

  /** Screenshots numbered in journey order, so the folder reads as the story. */
  async function shot(page: Page, name: string): Promise<void> {
    step += 1;
    const file = `${String(step).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: join(shots, file), fullPage: true, animations: 'disabled' });
  }

  async function moveClock(now: string): Promise<void> {
    await createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
  }

  async function signUpThroughInvitation(page: Page, link: string, name: string, email: string) {
    await page.goto(link);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));
  }

  it('walks sign-up → intake → today → proof → review → skipped day → missed checkpoint → status page', async () => {
    // On failure, every open page is kept as it was, to see what the test saw.
    onTestFailed(async () => {
      const pages = contexts.flatMap((context) => context.pages());
      for (const [n, page] of pages.entries()) {
        const path = join(tmpdir(), `recital-journey-failure-${n}.png`);
        await page.screenshot({ path, fullPage: true }).catch(() => undefined);
        console.error(`journey failed: ${page.url()} → ${path}`);
      }
    });
    // The organizer runs a cohort and sends two invitation links: one to a builder, one to a mentor.
    const organizer = await signUpUser(server.url, {
      displayName: 'Olu Organizer',
      timeZone: 'Europe/London',
    });
    const cohort = await organizer.api.call(createWorkspace, {
      body: { name: 'Spring cohort', kind: 'cohort' },
    });
    const invite = (role: 'builder' | 'witness', email: string) =>
      organizer.api.call(createInvitation, { params: { workspaceId: cohort.id }, body: { role, email } });
    const builderEmail = `ada-${Date.now()}@example.com`;
    const witnessEmail = `mei-${Date.now()}@example.com`;
    const builderInvite = await invite('builder', builderEmail);
    const witnessInvite = await invite('witness', witnessEmail);
    const linkFor = (token: string) => `${server.url}/invite/${token}`;

    // The mentor joins from Kolkata in their own browser.
    const witness = await person('witness', 'Asia/Kolkata');
    await signUpThroughInvitation(witness, linkFor(witnessInvite.token), 'Mei Mentor', witnessEmail);

    // The builder opens their link in Los Angeles, sees what they are joining, and signs up.
    const mine = await person('builder', 'America/Los_Angeles');
    await mine.goto(linkFor(builderInvite.token));
    await mine.getByRole('heading', { name: 'Join Spring cohort' }).waitFor();
    expect(await mine.locator('.facts').innerText()).toMatch(/Your role\s+Builder/);
    await shot(mine, 'invitation');
    await signUpThroughInvitation(mine, linkFor(builderInvite.token), 'Ada Builder', builderEmail);

    // Intake, step 1: in the cohort's workspace.
    await mine.goto(`${server.url}/start`);
    await mine.getByRole('heading', { name: 'What are you building, and for whom?' }).waitFor();
    const about = mine.getByRole('form', { name: /What are you building/ });
    expect(await about.getByLabel('Workspace').locator('option:checked').innerText()).toBe('Spring cohort');
    await mine.getByLabel('Project name').fill('Signing service');
    await mine
      .getByLabel('What you are building')
      .fill('Per-call credentials for the invoice signing service');
    await mine.getByLabel('Who it is for').fill('Teams that sign invoices for several companies');
    await mine.getByRole('button', { name: 'Create project and continue' }).click();

    // Step 2: a real spec-kit tasks.md, uploaded and previewed before anything is saved.
    await mine.getByRole('heading', { name: 'Your plan', exact: true }).waitFor();
    const planPath = join(files, 'tasks.json');
    writeFileSync(planPath, planFixture(PLAN_FILE));
    await mine.getByTestId('plan-file').setInputFiles(planPath);
    const preview = mine.locator('.plan-preview');
    await preview.getByText('Task Master', { exact: false }).first().waitFor();
    await preview.getByText('28 open', { exact: false }).first().waitFor();
    await preview.getByRole('button', { name: /^Line 4:/ }).waitFor();
    await preview.getByText('Phase 1 — Foundation: Tokens + Shared Components').first().waitFor();
    await shot(mine, 'intake-plan');
    await mine.getByRole('button', { name: 'Import plan and continue' }).click();

    // Step 3: evenings after a day job, and a longer Saturday.
    await mine.getByRole('heading', { name: 'Your hours and launch date' }).waitFor();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await mine.getByLabel(day).fill('2');
    await mine.getByLabel('Saturday').fill('4');
    await mine.getByLabel('Sunday').fill('0');
    await mine.getByTestId('feasibility').getByText(/ h$/).first().waitFor();
    await shot(mine, 'intake-hours');
    await mine.getByRole('button', { name: 'Save hours and continue' }).click();

    // Step 4: the mentor, already in the cohort, is the witness.
    await mine.getByRole('heading', { name: 'Your witness' }).waitFor();
    await mine.getByRole('radio', { name: /Someone already in Spring cohort/ }).check();
    await mine.getByLabel('Witness', { exact: true }).selectOption({ label: `Mei Mentor (${witnessEmail})` });
    await mine.getByRole('button', { name: 'Continue' }).click();

    // Step 5 and review, then start.
    await mine.getByRole('heading', { name: 'Your commitment' }).waitFor();
    expect(await mine.locator('.ladder-row').count()).toBe(4);
    await mine.getByRole('button', { name: 'Review' }).click();
    await mine.getByRole('heading', { name: 'Review and start' }).waitFor();
    expect(await mine.locator('main').innerText()).toContain('Mei Mentor');
    await shot(mine, 'intake-review');
    await mine.getByRole('button', { name: 'Start', exact: true }).click();
    await mine.waitForURL(/\/projects\/[A-Za-z0-9_-]+\/today$/);
    const projectId = new URL(mine.url()).pathname.split('/')[2] ?? '';

    // The builder's own API session, to read what the pages are expected to show.
    const api = browserClient(server.url);
    api.setCsrf(
      (
        await api.api.call(signIn, {
          body: { email: builderEmail, password: 'correct horse battery staple' },
        })
      ).csrfToken,
    );
    const { projects } = await api.api.call(listProjects, { params: { workspaceId: cohort.id } });
    expect(projects.map((p) => p.id)).toEqual([projectId]);
    const { checkpoints } = await api.api.call(listCheckpoints, { params: { projectId } });
    const [first, second] = checkpoints;
    if (!first || !second) throw new Error(`expected at least two checkpoints, got ${checkpoints.length}`);

    // Today: start the next step (a 25-minute focus timer), stop early, check in, finish a task.
    const next = mine.getByTestId('next-step');
    await next.locator('.next-title').waitFor();
    await mine.getByTestId('hours-left').getByText('2 h left today').waitFor();
    await next.getByRole('button', { name: 'Start', exact: true }).click();
    const focus = mine.getByTestId('focus-timer');
    await focus.getByText('of 25 min').waitFor();
    await focus.getByRole('button', { name: 'Stop and check in' }).click();
    await focus.getByLabel('What I did').fill('Read the signing API and wrote the first failing test');
    await focus.getByLabel('Minutes').fill('40');
    await focus.getByRole('button', { name: 'Check in' }).click();
    await mine.getByText('Checked in: 40 min.').waitFor();
    const planned = mine.locator('section', { has: mine.getByRole('heading', { name: 'Today’s plan' }) });
    const task = planned.locator('li.task').first();
    const taskTitle = await task.locator('.task-title').innerText();
    await task.getByRole('button', { name: /^Done:/ }).click();
    await mine.getByText(`“${taskTitle}” is done.`).waitFor();
    await shot(mine, 'today');

    // The checkpoint: proof with an uploaded screenshot, previewed before sending.
    await mine
      .getByTestId('checkpoint')
      .getByRole('link', { name: /Open the checkpoint/ })
      .click();
    await mine.getByRole('heading', { name: first.title, level: 1 }).waitFor();
    const status = mine.locator('.cp-status-line');
    const image = join(files, 'tests-passing.png');
    writeFileSync(image, png());
    await mine.getByLabel('Files (optional)').setInputFiles(image);
    const thumbnail = mine.getByRole('img', { name: 'Preview of tests-passing.png' });
    await thumbnail.waitFor();
    expect(await naturalWidth(thumbnail)).toBe(96);
    await mine.getByText('Uploaded', { exact: false }).first().waitFor();
    await mine.getByLabel('Note to your witness').fill('The foundational phase: the test run is attached.');
    await shot(mine, 'checkpoint-proof');
    await mine.getByRole('button', { name: 'Submit proof' }).click();
    await status.getByText('Waiting for review').waitFor();
    await markPage(mine);

    // The witness, in their own browser, rejects it with a reason and a comment.
    await witness.goto(`${server.url}/reviews`);
    const item = witness.locator('.cp-queue-item').filter({ hasText: first.title });
    await item.getByText('The foundational phase: the test run is attached.').waitFor();
    expect(await item.locator('.cp-evidence').innerText()).toMatch(/Check-ins\s+1/);
    await shot(witness, 'reviews');
    await item.getByRole('link', { name: first.title, exact: true }).click();
    await witness.getByRole('heading', { name: 'Review the submission' }).waitFor();
    await witness.getByRole('img', { name: 'Proof image tests-passing.png' }).waitFor();
    await witness.getByRole('radio', { name: /^Reject/ }).check();
    await witness.getByRole('radio', { name: 'Cannot verify it from this proof' }).check();
    await witness
      .getByRole('textbox', { name: /^Comment/ })
      .fill('Link the commits, so I can see the tests are in the code.');
    await shot(witness, 'checkpoint-review');
    await witness.getByRole('button', { name: 'Reject submission' }).click();
    await witness.getByText('Rejected. The builder has been told').waitFor();

    // The builder sees the rejection without reloading, and resubmits.
    await status.getByText('Rejected').waitFor();
    await mine.getByText('Link the commits, so I can see the tests are in the code.').first().waitFor();
    expect(await stillSamePage(mine)).toBe(true);
    await mine.getByLabel('Commits').fill('9fceb02 1a410ef');
    await mine.getByLabel('Written proof').fill('The tests are in 9fceb02; the implementation in 1a410ef.');
    await mine.getByRole('button', { name: 'Submit proof' }).click();
    await status.getByText('Waiting for review').waitFor();

    // The witness approves; the builder's open page turns to approved by itself.
    await witness.goto(`${server.url}/reviews`);
    const again = witness.locator('.cp-queue-item').filter({ hasText: first.title });
    await again.getByText('The tests are in 9fceb02').waitFor();
    await again.getByText('Quick review').click();
    await again.getByRole('radio', { name: /^Approve/ }).check();
    await again.getByRole('textbox', { name: /^Comment/ }).fill('Clear. Approved.');
    await again.getByRole('button', { name: 'Approve submission' }).click();
    await witness.getByText(`Approved “${first.title}”`).waitFor();
    await status.getByText('Approved').waitFor();
    await mine.locator('.cp-banner-approved').waitFor();
    expect(await stillSamePage(mine)).toBe(true);
    expect(await mine.locator('.cp-submission').count()).toBe(2);
    await shot(mine, 'checkpoint-approved');

    // Tuesday evening, the first judged day: a check-in from Today.
    await moveClock('2026-03-04T03:00:00Z');
    await mine.goto(`${server.url}/projects/${projectId}/today`);
    const checkIn = mine.locator('section', {
      has: mine.getByRole('heading', { name: 'Check in', exact: true }),
    });
    await checkIn.getByLabel('What I did').fill('Per-call credentials accepted by the signer');
    await checkIn.getByLabel('Minutes').fill('75');
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    await mine.getByText('Checked in: 75 min.').waitFor();

    // Thursday morning: Wednesday went by without work. It is judged skipped, and Today says so by
    // shape and text, not colour alone.
    await moveClock('2026-03-05T16:00:00Z');
    await mine.reload();
    const marks = mine.locator('.marks');
    await marks.getByText('Wed, Mar 4: Skipped').waitFor();
    expect(await marks.getByText('Tue, Mar 3: Showed up').count()).toBe(1);
    expect(await marks.locator('.mark-skipped .mark-glyph').first().innerText()).toBe('✕');
    await shot(mine, 'today-skipped');

    // Past the second checkpoint's due instant with nothing sent: it is missed.
    const pastDue = new Date(Date.parse(second.dueAt) + 60 * 60_000).toISOString();
    await moveClock(pastDue);
    await mine.goto(`${server.url}/projects/${projectId}/checkpoints/${encodeURIComponent(second.id)}`);
    await status.getByText('Missed').waitFor();
    await shot(mine, 'checkpoint-missed');

    // What the witness now sees: the builder's health, and the missed checkpoint in their inbox.
    await witness.goto(`${server.url}/reviews`);
    const overview = witness.locator('.cp-witnessed').filter({ hasText: 'Ada Builder' });
    await overview.waitFor();
    expect(await overview.innerText()).toMatch(/Last shown up\s+Tue, Mar 3/);
    expect(await overview.innerText()).toMatch(/Stalled/);
    await overview.getByRole('link', { name: second.title }).waitFor();
    await shot(witness, 'witness-overview');
    await witness.goto(`${server.url}/inbox`);
    await witness.locator('main').getByText(second.title, { exact: false }).first().waitFor();
    await shot(witness, 'witness-inbox');

    // What the organizer's cohort console shows: skipped days by shape and text, the missed checkpoint.
    const organizerPage = await person('organizer', 'Europe/London');
    await organizerPage.goto(`${server.url}/sign-in`);
    await organizerPage.getByLabel('Email').fill(organizer.email);
    await organizerPage.getByLabel('Password').fill(organizer.password);
    await organizerPage.getByRole('button', { name: 'Sign in' }).click();
    await organizerPage.waitForURL(`${server.url}/`);
    await organizerPage.goto(`${server.url}/workspaces/${cohort.id}/cohort`);
    const heatmap = organizerPage.getByRole('table', { name: /Verdicts by day/ });
    const row = heatmap.getByRole('row').filter({ hasText: 'Ada Builder' });
    await row.waitFor();
    expect(await row.locator('.hm-skipped').count()).toBeGreaterThan(0);
    expect(await row.locator('.hm-showed_up, .hm-showed-up').count()).toBeGreaterThan(0);
    const missed = organizerPage.locator('section', {
      has: organizerPage.getByRole('heading', { name: /Missed checkpoints/ }),
    });
    await missed.getByRole('link', { name: second.title }).waitFor();
    const atRisk = await organizerPage.locator('main').innerText();
    expect(atRisk).toContain('Ada Builder');
    await shot(organizerPage, 'cohort');

    // The builder publishes the status page from the plan …
    await mine.goto(`${server.url}/projects/${projectId}/plan`);
    await mine.getByRole('heading', { name: 'Sprint calendar' }).waitFor();
    await mine.getByRole('button', { name: 'Publish the status page' }).click();
    const statusLink = await mine.getByLabel('Status page link').inputValue();
    expect(statusLink).toMatch(new RegExp(`^${server.url}/status/st_`));
    await shot(mine, 'plan');

    // … which anyone opens without signing in: progress, the last day shown up, hit and missed.
    const visitor = await person('visitor', 'Asia/Tokyo', true);
    await visitor.goto(statusLink);
    await visitor.getByRole('heading', { name: 'Signing service', level: 1 }).waitFor();
    const publicText = await visitor.locator('main').innerText();
    expect(publicText).toContain('Per-call credentials for the invoice signing service');
    expect(publicText).toContain('Ada Builder last showed up on Tue, Mar 3, 2026.');
    expect(publicText).not.toContain('9fceb02');
    expect(publicText).not.toContain(taskTitle);
    const states = await visitor.locator('.status-checkpoint').allInnerTexts();
    expect(states.find((text) => text.includes(first.title))).toMatch(/Approved/);
    expect(states.find((text) => text.includes(second.title))).toMatch(/Missed/);
    expect(await visitor.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await horizontalOverflow(visitor)).toEqual({ by: 0, culprits: [] });
    await shot(visitor, 'status-phone');

    // The phone layout of the builder's main pages: nothing sticks out sideways.
    const phone = await person('builder on a phone', 'America/Los_Angeles', true);
    await phone.goto(`${server.url}/sign-in`);
    await phone.getByLabel('Email').fill(builderEmail);
    await phone.getByLabel('Password').fill('correct horse battery staple');
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.waitForURL(`${server.url}/`);
    await shot(phone, 'home-phone');
    for (const [path, name, ready] of [
      [`/projects/${projectId}/today`, 'today-phone', 'next-step'],
      [`/projects/${projectId}/plan`, 'plan-phone', 'Sprint calendar'],
      [`/projects/${projectId}/checkpoints/${encodeURIComponent(first.id)}`, 'checkpoint-phone', first.title],
      [`/projects/${projectId}/contract`, 'contract-phone', 'Contract'],
      ['/inbox', 'inbox-phone', 'Inbox'],
    ] as const) {
      await phone.goto(`${server.url}${path}`);
      if (ready === 'next-step') await phone.getByTestId('next-step').waitFor();
      else await phone.getByRole('heading', { name: ready }).first().waitFor();
      expect({ path, ...(await horizontalOverflow(phone)) }).toEqual({ path, by: 0, culprits: [] });
      await shot(phone, name);
    }

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
