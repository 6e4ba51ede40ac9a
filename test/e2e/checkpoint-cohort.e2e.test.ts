import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  createApiClient,
  createInvitation,
  getContract,
  listNotifications,
  setTestClock,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject } from '../helpers/commitment.js';
import {
  buildWeb,
  horizontalOverflow,
  launchChromium,
  markPage,
  naturalWidth,
  signInThroughPage,
  stillSamePage,
} from '../helpers/browser.js';
import { png } from '../helpers/png.js';
import { startTestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = join(root, 'docs', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

describe('web: checkpoint proof, witness review, cohort console', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let files: string;
  let local: http.Server;
  let liveUrl: string;
  let world: Awaited<ReturnType<typeof committedProject>>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webDir = await buildWeb();
    files = mkdtempSync(join(tmpdir(), 'recital-e2e-files-'));
    mkdirSync(screenshots, { recursive: true });
    // The builder's live site: a local page, reachable because loopback is allowed for pre-checks here.
    local = http.createServer((_request, response) => response.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    liveUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}/app`;
    // Monday 2 March 2026, 09:00 in Los Angeles.
    server = await startTestServer({
      webDir,
      env: { RECITAL_TEST_CLOCK: '1', RECITAL_OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
      clock: fixedClock(new Date('2026-03-02T17:00:00Z')),
    });
    world = await committedProject(server.url, {
      builderZone: 'America/Los_Angeles',
      witnessZone: 'Asia/Kolkata',
      dueDates: { 'cp-week-1': '2026-03-06', 'cp-week-2': '2026-03-13' },
    });
    // Wednesday: Tuesday, the first judged day, went by without work; today the builder checks in.
    const clock = createApiClient({ baseUrl: server.url });
    await clock.call(setTestClock, { body: { now: '2026-03-04T17:00:00Z' } });
    await clock.call(setTestClock, { body: { now: '2026-03-04T17:05:00Z' } });
    await world.builder.client.call(checkIn, {
      params: { projectId: world.projectId },
      body: { text: 'Sign-in form with validation', minutes: 50 },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    local?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** A person in their own browser, signed in through the sign-in page and landed on `path`. */
  const signedIn = (who: { email: string; password: string }, timezoneId: string, path: string) =>
    signInThroughPage(browser, { baseUrl: server.url, who, path, timezoneId, contexts, pageErrors });

  it('walks proof → rejection → resubmission → approval, live on the builder’s open page', async () => {
    const { builder, witness, projectId } = world;
    const checkpointPath = `/projects/${projectId}/checkpoints/cp-week-1`;

    // The builder opens the checkpoint: due date in their zone, criteria as a checklist, the proof form.
    const mine = await signedIn(builder, 'America/Los_Angeles', checkpointPath);
    await mine.getByRole('heading', { name: 'Week 1: Foundations', level: 1 }).waitFor();
    const status = mine.locator('.cp-status-line');
    expect(await status.innerText()).toContain('Pending');
    expect(await mine.locator('.facts').innerText()).toContain(
      'Fri, Mar 6, 2026, end of the day in America/Los_Angeles',
    );
    await mine.getByRole('checkbox', { name: 'a user can sign in on the live site' }).check();

    // A real PNG, previewed as a thumbnail once chosen, uploaded at once.
    const shotFile = join(files, 'sign-in.png');
    writeFileSync(shotFile, png());
    await mine.getByLabel('Files (optional)').setInputFiles(shotFile);
    const preview = mine.getByRole('img', { name: 'Preview of sign-in.png' });
    await preview.waitFor();
    expect(await naturalWidth(preview)).toBe(96);
    await mine.getByText('Uploaded', { exact: false }).first().waitFor();

    // A file that is not an image or a PDF is refused in words (415), and nothing breaks.
    const textFile = join(files, 'notes.txt');
    writeFileSync(textFile, 'I did it, honestly.\n');
    await mine.getByLabel('Files (optional)').setInputFiles(textFile);
    await mine
      .locator('.cp-upload-failed')
      .getByText('"notes.txt" is not a PNG, JPEG, GIF or WebP image or a PDF')
      .waitFor();
    await mine.getByRole('button', { name: 'Remove notes.txt' }).click();

    // The kind of link is read from its shape: a pull request, or the live page.
    const link = mine.getByLabel('Link 1');
    await link.fill('https://github.com/ada/launch/pull/7');
    await mine.getByText('Pull request: your witness sees the code change.').waitFor();
    await link.fill(liveUrl);
    await mine.getByText('Live page: your witness opens it to try the result.').waitFor();
    await mine.getByLabel('Note to your witness').fill('Sign-in works on the live site.');
    await shot(mine, 'checkpoint-proof');
    await mine.getByRole('button', { name: 'Submit proof' }).click();
    await mine.getByText('Proof submitted').waitFor();
    await status.getByText('Waiting for review').waitFor();
    // Pre-checks per proof item: the link answered, the file's type was read from its content.
    const submissions = mine.locator('.cp-submissions');
    await submissions.getByText('answered 200').waitFor();
    expect(await submissions.innerText()).toContain('image/png');
    await markPage(mine);

    // The witness finds it in their queue, with what the builder did since committing.
    const theirs = await signedIn(witness, 'Asia/Kolkata', '/reviews');
    const item = theirs.locator('.cp-queue-item').filter({ hasText: 'Week 1: Foundations' });
    await item.waitFor();
    const evidence = await item.locator('.cp-evidence').innerText();
    expect(evidence).toMatch(/Days skipped\s+1/);
    expect(evidence).toMatch(/Check-ins\s+1/);
    expect(evidence).toMatch(/Time logged\s+50 min/);
    expect(await item.innerText()).toContain('Sign-in works on the live site.');
    await theirs.locator('#witnessed-heading').waitFor();
    await theirs.locator('.cp-witnessed').first().waitFor();
    await shot(theirs, 'reviews');
    await theirs.setViewportSize({ width: 375, height: 812 });
    expect(await horizontalOverflow(theirs)).toEqual({ by: 0, culprits: [] });
    await theirs.setViewportSize({ width: 1280, height: 900 });

    // … opens it, and rejects it with a reason and a comment.
    await item.getByRole('link', { name: 'Week 1: Foundations', exact: true }).click();
    await theirs.getByRole('heading', { name: 'Review the submission' }).waitFor();
    await theirs.getByRole('button', { name: 'Send review' }).click();
    await theirs.getByText('Choose whether you approve or reject it.').waitFor();
    await theirs.getByRole('radio', { name: /^Reject/ }).check();
    await theirs.getByRole('radio', { name: 'Cannot verify it from this proof' }).check();
    await theirs.getByRole('button', { name: 'Reject submission' }).click();
    await theirs.getByText('Add a comment saying what is missing').first().waitFor();
    await theirs
      .getByRole('textbox', { name: /^Comment/ })
      .fill('Show the sign-in on the live site, with a test account.');
    await shot(theirs, 'checkpoint-review');
    await theirs.getByRole('button', { name: 'Reject submission' }).click();
    await theirs.getByText('Rejected. The builder has been told').waitFor();

    // The builder's page shows it without a reload.
    await status.getByText('Rejected').waitFor();
    await mine.getByText('Show the sign-in on the live site, with a test account.').first().waitFor();
    expect(await mine.locator('.cp-banner-rejected').innerText()).toContain('cannot verify');
    expect(await stillSamePage(mine)).toBe(true);

    // The builder resubmits with written proof.
    await mine.getByRole('heading', { name: 'Submit new proof' }).waitFor();
    await mine
      .getByLabel('Written proof')
      .fill('Deployed; test account ada@example.com, walkthrough in the README.');
    await mine.getByLabel('Commits').fill('abc1234 def5678');
    await mine.getByRole('button', { name: 'Submit proof' }).click();
    await status.getByText('Waiting for review').waitFor();

    // The witness approves from the queue's quick review.
    await theirs.goto(`${server.url}/reviews`);
    const again = theirs.locator('.cp-queue-item').filter({ hasText: 'Week 1: Foundations' });
    await again.getByText('Deployed; test account').waitFor();
    await again.getByText('Quick review').click();
    await again.getByRole('radio', { name: /^Approve/ }).check();
    await again.getByRole('textbox', { name: /^Comment/ }).fill('Works for me. Great job.');
    await again.getByRole('button', { name: 'Approve submission' }).click();
    await theirs.getByText('Approved “Week 1: Foundations”').waitFor();
    await theirs.getByText('Nothing is waiting for your review.').waitFor();

    // … and the builder sees "approved" live, with the whole history.
    await status.getByText('Approved').waitFor();
    await mine.locator('.cp-banner-approved').waitFor();
    expect(await stillSamePage(mine)).toBe(true);
    expect(await mine.locator('.cp-submission').count()).toBe(2);
    expect(await mine.locator('.cp-timeline li').count()).toBe(4);
    await mine.getByRole('img', { name: 'Proof image sign-in.png' }).waitFor();
    expect(await naturalWidth(mine.getByRole('img', { name: 'Proof image sign-in.png' }))).toBe(96);
    await shot(mine, 'checkpoint');
    await mine.setViewportSize({ width: 375, height: 812 });
    expect(await horizontalOverflow(mine)).toEqual({ by: 0, culprits: [] });
    await shot(mine, 'checkpoint-phone');
  }, 120_000);

  it('shows organizers the cohort, nudges and exports it, and keeps it from others', async () => {
    const { organizer, builder, witness, workspaceId } = world;
    // Past the end of Friday 13 March in Los Angeles: the second checkpoint is missed, days are skipped.
    const clock = createApiClient({ baseUrl: server.url });
    await clock.call(setTestClock, { body: { now: '2026-03-14T09:00:00Z' } });
    await clock.call(setTestClock, { body: { now: '2026-03-14T09:05:00Z' } });

    const cohortPath = `/workspaces/${workspaceId}/cohort`;
    const page = await signedIn(organizer, 'Europe/London', cohortPath);
    await page.getByRole('heading', { name: 'Cohort console', level: 1 }).waitFor();

    // The heatmap is a table whose cells say what the shapes show.
    const heatmap = page.getByRole('table', { name: /Verdicts by day/ });
    await heatmap.waitFor();
    const row = heatmap.getByRole('row').filter({ hasText: builder.user.displayName });
    expect(await row.locator('.hm-skipped').count()).toBeGreaterThan(0);
    expect(await row.getByText('Skipped', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.hm-legend').innerText()).toMatch(
      /Shown up[\s\S]*Skipped[\s\S]*Paused[\s\S]*Grace/,
    );

    // The missed checkpoint, and who reviews how much.
    const missed = page.locator('section', {
      has: page.getByRole('heading', { name: /Missed checkpoints/ }),
    });
    await missed.getByRole('link', { name: 'Week 2: Payments' }).waitFor();
    expect(await missed.innerText()).toContain('Missed');
    const load = page.getByRole('table').filter({ hasText: 'Oldest waiting since' });
    expect(await load.getByRole('row').filter({ hasText: witness.user.displayName }).innerText()).toMatch(
      new RegExp(`${witness.user.displayName}\\s+1\\s+0`),
    );

    // Assign a second witness, chosen among the members with the witness role; adding one applies at once.
    const invite = await organizer.client.call(createInvitation, {
      params: { workspaceId },
      body: { role: 'witness' },
    });
    const second = await signUpUser(server.url, {
      invitationToken: invite.token,
      displayName: 'Grace Hopper',
    });
    await page.reload();
    await page.getByText(`Change witnesses for ${builder.user.displayName}`).click();
    const assign = page.getByRole('form', { name: `Witnesses for ${builder.user.displayName}` });
    expect(
      await assign.getByRole('checkbox', { name: new RegExp(witness.user.displayName) }).isChecked(),
    ).toBe(true);
    await assign.getByRole('checkbox', { name: /Grace Hopper/ }).check();
    await assign.getByRole('button', { name: 'Save witnesses' }).click();
    await assign.getByText('Say why, for the builder and the witnesses.').waitFor();
    await assign.getByLabel('Reason').fill('A second pair of eyes for the payments work');
    await assign.getByRole('button', { name: 'Save witnesses' }).click();
    await page.getByText(`Witnesses for ${builder.user.displayName} changed.`).waitFor();
    await load.getByRole('row').filter({ hasText: 'Grace Hopper' }).waitFor();
    const contract = await builder.client.call(getContract, { params: { projectId: world.projectId } });
    expect(contract.inForce?.witnesses).toEqual([witness.user.id, second.user.id]);

    // Nudge the builder; it lands in their inbox.
    await page.getByRole('button', { name: 'Send nudge' }).click();
    await page.getByText('Select at least one builder above.').waitFor();
    await page.getByRole('checkbox', { name: new RegExp(builder.user.displayName) }).check();
    await page.getByLabel('Message').fill('Two days without a check-in: what is blocking you?');
    await page.getByRole('button', { name: 'Send nudge' }).click();
    await page.getByText('Nudge sent to 1 builder.').waitFor();
    const inbox = await builder.client.call(listNotifications, {});
    const nudge = inbox.items.find((n) => n.kind === 'cohort.nudge');
    expect(nudge?.body).toBe('Two days without a check-in: what is blocking you?');

    // The CSV export downloads with the session.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'builder,email,project,health,replan_required,streak,showed_up,skipped,paused,grace,last_evidence_at,days_since_evidence,missed_checkpoints,next_checkpoint,next_checkpoint_due,witnesses',
    );
    expect(csv).toContain(builder.email);

    await page.reload();
    await heatmap.waitFor();
    await shot(page, 'cohort');
    // On a phone the heatmap scrolls inside its own region, opened at the latest days.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await heatmap.waitFor();
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });
    expect(await page.locator('.hm-scroll').evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await shot(page, 'cohort-phone');

    // A witness is told plainly that the console is for organizers.
    const theirs = await signedIn(witness, 'Asia/Kolkata', cohortPath);
    await theirs.getByRole('heading', { name: 'Only organizers can open the cohort console' }).waitFor();

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
