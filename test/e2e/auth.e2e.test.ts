import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(tmpdir(), `recital-e2e-${name}.png`), fullPage: true });
}

describe('web: sign-up, sign-out, sign-in', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;

  beforeAll(async () => {
    webDir = await buildWeb();
    server = await startTestServer({ webDir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('creates an account and a workspace, signs out, and signs back in', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const email = `ada-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';

    // Sign up: the time zone defaults to the browser's.
    await page.goto(`${server.url}/sign-up`);
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId('account-name').getByText('Ada Lovelace').waitFor();

    // Create a workspace; it opens and becomes the current one.
    await page.getByLabel('Workspace name').fill('Spring build');
    await page.getByLabel('Cohort').check();
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Spring build', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/workspaces\/[A-Za-z0-9_-]+$/);
    await screenshot(page, 'workspace-desktop');

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/sign-in`);

    // A wrong password is explained in words, not codes.
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The email or password is wrong.');

    // Sign in again and find the workspace.
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: 'Spring build' }).waitFor();
    await screenshot(page, 'home-desktop');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'home-375');

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
