import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's chromium, headless, with nothing that reaches the network on its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Build the web app from the current sources into a folder of this run, so a stale dist/web is never tested. */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'recital-web-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** The real browser the web tests drive (playwright-core with /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The few browser globals the page functions below touch (this project type-checks tests without the DOM lib). */
interface Box {
  parentElement: Box | null;
  tagName: string;
  className: string;
  getBoundingClientRect(): { right: number };
}
interface BrowserGlobals {
  innerWidth: number;
  document: {
    body: Box;
    documentElement: { scrollWidth: number };
    querySelectorAll(selector: string): ArrayLike<Box>;
  };
  getComputedStyle(element: Box): { overflowX: string };
  /** Set by the test: still there later means the page was never reloaded. */
  stayed?: boolean;
}

/** How far the page sticks out sideways, and the elements that do (for the failure message). */
export async function horizontalOverflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const { document, innerWidth: width, getComputedStyle } = globalThis as unknown as BrowserGlobals;
    const scrolls = (element: Box): boolean => {
      for (let at = element.parentElement; at && at !== document.body; at = at.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(at).overflowX)) return true;
      return false;
    };
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !scrolls(element))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { by: document.documentElement.scrollWidth - width, culprits };
  });
}

/** The width of a loaded image; 0 while it is not (or cannot be) loaded. */
export function naturalWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => {
    const img = element as unknown as { complete: boolean; naturalWidth: number };
    return img.complete ? img.naturalWidth : 0;
  });
}

export function markPage(page: Page): Promise<unknown> {
  return page.evaluate(() => ((globalThis as unknown as BrowserGlobals).stayed = true));
}

export function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).stayed === true);
}

/**
 * A person in a browser context of their own, signed in through the sign-in page (asked for by
 * opening `path`) and landed on `path`. The context goes into `contexts` for the caller to close;
 * page errors go to `pageErrors`, prefixed with the person's e-mail.
 */
export async function signInThroughPage(
  browser: Browser,
  options: {
    baseUrl: string;
    who: { email: string; password: string };
    path: string;
    timezoneId: string;
    contexts: BrowserContext[];
    pageErrors: string[];
  },
): Promise<Page> {
  const { baseUrl, who, path } = options;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: options.timezoneId,
    locale: 'en-US',
    acceptDownloads: true,
  });
  options.contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => options.pageErrors.push(`${who.email}: ${error.message}`));
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
  return page;
}
