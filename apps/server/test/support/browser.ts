import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@donghanh/db';
import { DEMO_TODAY, loadDemoOrganisation } from '@donghanh/db/seed';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadDemoData } from '../../../../infra/start-steps';
import { DEMO_PASSWORD, startTestStack, type TestStack } from '../../src/testing';

/** What every browser test shares: the real stack with the demo organisation, and Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `npm test` builds apps/web/dist first; DONGHANH_WEB_DIST points elsewhere (a parallel build). */
export const WEB_DIST = process.env.DONGHANH_WEB_DIST ?? join(repoRoot(), 'apps/web/dist');

/** Every page is a Vietnamese school's: its language and its time zone (CI machines run in UTC). */
export const BROWSER_CONTEXT = { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' } as const;

export interface BrowserStack {
  stack: TestStack;
  browser: Browser;
  stop(): Promise<void>;
}

export interface BrowserStackOptions {
  liveSessionCheckMs?: number;
  /**
   * Also drive the 16 demo cases through the API as `npm start` does (one per stage: an
   * evaluation for ht.minh to sign off, a closure for ht.binh, check-ins due…); about 10 s.
   */
  demoCases?: boolean;
  /**
   * The demo tells its story on DEMO_TODAY (23/11/2026: November's check-ins filed or due), and a
   * test that checks the story runs on that day whatever DONGHANH_TODAY says. A test that derives
   * its expectations from the pinned day sets this, so `npm run test:days` moves it.
   */
  followPinnedDay?: boolean;
}

export async function startBrowserStack(o: BrowserStackOptions = {}): Promise<BrowserStack> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error(`${WEB_DIST} missing: npm test builds it first`);
  // This file's process only (one fork per test file): the in-process server and the demo loader
  // read the day through systemClock().
  if (o.demoCases && !o.followPinnedDay) process.env.DONGHANH_TODAY = DEMO_TODAY;
  const stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
    webDist: WEB_DIST,
    ...(o.liveSessionCheckMs ? { liveSessionCheckMs: o.liveSessionCheckMs } : {}),
  });
  if (o.demoCases)
    await loadDemoData(
      stack.database.db,
      stack.baseUrl,
      { address: stack.temporal.address, dataKey: stack.dataKey },
      () => {},
      stack.taskQueue,
    );
  else await loadDemoOrganisation(stack.database.db);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    stack,
    browser,
    async stop() {
      await browser.close();
      await stack.stop();
    },
  };
}

/**
 * A new browser context (its own cookies: one person) signed in through the form, in
 * Vietnamese and Vietnam's time zone. Console errors and CSP violations are collected in `problems`.
 */
export async function signInPage(
  b: BrowserStack,
  username: string,
  o: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await b.browser.newContext({
    // A school's browser, not the CI machine's UTC: a due day shown from an instant is a day off here.
    ...BROWSER_CONTEXT,
    ...(o.viewport ? { viewport: o.viewport } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(b.stack.baseUrl);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(o.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return { page, context, problems };
}

/**
 * Where a test saves a screenshot: test-results/screenshots (git-ignored) on every run; with
 * DONGHANH_SCREENSHOTS=docs, the documentation's copies in docs/screenshots are refreshed instead.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.DONGHANH_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots';
  return join(repoRoot(), dir, `${name}.png`);
}

/** Demo names and birth dates, for "no identity on this page" checks. */
export { demoStudents } from '@donghanh/db/seed';
