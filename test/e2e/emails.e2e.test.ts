import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, horizontalOverflow, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { signUpUser } from '../helpers/users.js';

/** The verification link in the newest mail Recital wrote as an .eml file (quoted-printable decoded). */
function linkInMail(dataDir: string): string {
  const dir = join(dataDir, 'mail');
  const newest = readdirSync(dir).sort().at(-1) ?? '';
  const body = readFileSync(join(dir, newest), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const link = /(https?:\/\/\S+\/verify-email\?token=ev_[A-Za-z0-9_-]+)/.exec(body)?.[1];
  if (!link) throw new Error('no verification link in the mail');
  return link;
}

describe('web: the addresses commits are recognised by', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let webDir: string;
  let dataDir: string;

  beforeAll(async () => {
    webDir = await buildWeb();
    dataDir = mkdtempSync(join(tmpdir(), 'recital-e2e-mail-'));
    server = await startTestServer({ webDir, env: { RECITAL_DATA_DIR: dataDir } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds an address, verifies it from the mailed link, and removes it', async () => {
    const ada = await signUpUser(server.url, { displayName: 'Ada Lovelace' });
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/settings/emails`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill(ada.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Commit e-mails', level: 1 }).waitFor();
    expect(await page.locator('.list-item').first().innerText()).toContain('Your account address');

    await page.getByLabel('E-mail you commit with').fill('Ada.Work@Example.com');
    await page.getByRole('button', { name: 'Send a verification link' }).click();
    await page.getByText('A link was sent to ada.work@example.com.').waitFor();
    await page.locator('.list-item', { hasText: 'ada.work@example.com' }).getByText('Waiting').waitFor();

    // The link from the mail, opened in the same browser.
    const link = new URL(linkInMail(dataDir));
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await page.getByText('Verified ada.work@example.com: commits made with it now count as yours.').waitFor();
    await page.locator('.list-item', { hasText: 'ada.work@example.com' }).getByText('✓ Verified').waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await horizontalOverflow(page)).toEqual({ by: 0, culprits: [] });

    // Opened twice, the link says plainly that it no longer works.
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await page.getByText('This verification link is wrong or has expired.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Remove ada.work@example.com' }).click();
    await page.getByRole('button', { name: 'Remove address' }).click();
    await page.locator('.list-item', { hasText: 'ada.work@example.com' }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
