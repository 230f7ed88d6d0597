import { demoCampaign, demoStudents } from '@donghanh/db/seed';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import {
  BROWSER_CONTEXT,
  type BrowserStack,
  screenshotPath,
  signInPage,
  startBrowserStack,
} from './support/browser';

/**
 * Issue 14 in a real Chromium: the wall display (paired from the dashboard, masked after a
 * reload, nothing to navigate, live, revoked), the board on a laptop (every column reachable, one
 * school not repeated, search, filters in the address), where each role lands, the menu's
 * counts, the task naming the child, a case one may not see, and the sign-in page's help.
 */
let b: BrowserStack;
const NAMES = demoStudents.map((s) => s[2]);
const LAPTOP = { width: 1366, height: 768 };
const WALL = { width: 1920, height: 1080 };
/** st-01 … st-03 study at THCS Chiềng Lề (ct.huong's school). */
const caseIds: string[] = [];

beforeAll(async () => {
  b = await startBrowserStack();
  const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
  for (const studentId of ['st-01', 'st-02', 'st-03'])
    caseIds.push(
      (
        await huong.case.identify.mutate({
          campaignId: demoCampaign.id,
          studentId,
          categories: ['economic_hardship'],
        })
      ).caseId,
    );
}, 120_000);
afterAll(() => b?.stop());

/** On a busy machine a screen can take seconds: wait up to 15 s for what should appear. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const nameOf = (id: string) => demoStudents.find((s) => s[0] === id)?.[2] ?? '';
const noNames = async (page: Page) => {
  const text = (await page.content()) + (await page.locator('body').innerText());
  return NAMES.filter((n) => text.includes(n));
};

describe('the wall display', () => {
  it('is paired from the dashboard, stays masked after a reload, cannot navigate, stays live, and stops when revoked', async () => {
    const { page: staff } = await signInPage(b, 'ct.huong', { viewport: LAPTOP });
    await staff.getByRole('link', { name: 'Màn hình treo tường' }).click();
    await staff.getByLabel('Tên màn hình').fill('Phòng hội đồng');
    await staff.getByRole('button', { name: 'Tạo màn hình' }).click();
    const url = (await staff.getByTestId('pair-url').textContent()) ?? '';
    expect(url).toMatch(/\/wall#pair=[A-Za-z0-9_-]{43}$/);

    // The staff-room screen: its own browser, nobody signed in.
    const context = await b.browser.newContext({ ...BROWSER_CONTEXT, viewport: WALL });
    const wall = await context.newPage();
    const problems: string[] = [];
    wall.on('pageerror', (e) => problems.push(e.message));
    await wall.goto(url);
    await wall.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
    await poll(() => wall.url()).toBe(`${b.stack.baseUrl}/wall`);
    await poll(() => wall.getByTestId('case-card').count()).toBe(3);
    expect(await noNames(wall)).toEqual([]);
    // Nothing to click through: no link, no menu, no sign-out.
    expect(await wall.locator('a').count()).toBe(0);
    expect(await wall.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    expect(await wall.locator('nav, [aria-label="Menu"]').count()).toBe(0);
    // Readable across a room: the case code in large type, the seven columns on one 1920×1080 screen.
    const codeSize = await wall
      .getByTestId('case-card')
      .first()
      .locator('strong')
      .evaluate((el) =>
        Number.parseFloat(
          (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(
            el,
          ).fontSize,
        ),
      );
    expect(codeSize).toBeGreaterThanOrEqual(24);
    const overflow = await wall.evaluate(() => {
      const g = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return g.document.documentElement.scrollWidth - g.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await wall.screenshot({ path: screenshotPath('wall-display') });

    // A reload (or a power cut) brings back the same masked board.
    await wall.reload();
    await wall.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
    await poll(() => wall.getByTestId('case-card').count()).toBe(3);
    expect(await noNames(wall)).toEqual([]);

    // Live: a new case appears without a reload, still masked.
    const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
    const fresh = await huong.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-04',
      categories: ['weak_results'],
    });
    caseIds.push(fresh.caseId);
    await poll(() => wall.getByTestId('case-card').count()).toBe(4);
    expect(await noNames(wall)).toEqual([]);

    // Typing another page's address gets the sign-in form, never a board or a case.
    for (const path of ['/board', '/tasks', `/cases/${caseIds[0]}`]) {
      await wall.goto(`${b.stack.baseUrl}${path}`);
      await wall.getByLabel('Tên đăng nhập hoặc email').waitFor();
      expect(await wall.getByTestId('case-card').count()).toBe(0);
      expect(await noNames(wall)).toEqual([]);
    }
    await wall.goto(`${b.stack.baseUrl}/wall`);
    await poll(() => wall.getByTestId('case-card').count()).toBe(4);

    // Listed with when it was last seen; revoked from the dashboard, the wall goes dark at once.
    await staff.reload();
    const row = staff.getByTestId('display-row').filter({ hasText: 'Phòng hội đồng' });
    await poll(() => row.getAttribute('data-state')).toBe('active');
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await staff.getByText('Đã thu hồi “Phòng hội đồng”').waitFor();
    await wall.getByTestId('wall-not-paired').waitFor({ timeout: 10_000 });
    expect(await wall.getByTestId('case-card').count()).toBe(0);
    await wall.reload();
    await wall.getByTestId('wall-not-paired').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the board on a laptop', () => {
  it('keeps every column reachable, names the school once, finds a child, and keeps filters in the address', async () => {
    const { page } = await signInPage(b, 'ct.huong', { viewport: LAPTOP });
    // The coordinator lands on the board.
    await page.waitForURL(`${b.stack.baseUrl}/board`);
    await poll(() => page.getByTestId('case-card').count()).toBe(caseIds.length);
    const board = page.getByTestId('board');
    const box = await board.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { scroll: el.scrollWidth, client: el.clientWidth, bottom: r.bottom, right: r.right };
    });
    // Wider than the screen: it scrolls sideways, with its scrollbar inside the window.
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.bottom).toBeLessThanOrEqual(LAPTOP.height);
    expect(box.right).toBeLessThanOrEqual(LAPTOP.width);
    await board.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const last = await page
      .locator('section[data-stage="closed"]')
      .evaluate((el) => el.getBoundingClientRect().right);
    expect(last).toBeLessThanOrEqual(LAPTOP.width);
    // One school: its name is not on every card.
    expect(await page.getByTestId('case-card').first().textContent()).not.toContain('Chiềng Lề');

    // Search by the child's name, without accents.
    const target = nameOf('st-02');
    const plain = target.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    await page.getByTestId('board-search').fill(plain.toLowerCase());
    await poll(() => page.getByTestId('case-card').count()).toBe(1);
    expect(await page.getByTestId('student-name').textContent()).toBe(target);
    expect(page.url()).not.toContain('search');
    await page.getByTestId('board-search').fill('');

    // A filter goes into the address and survives a reload.
    await page.getByLabel('Chỉ hồ sơ quá hạn').click();
    await poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('1');
    await page.reload();
    await poll(() => page.getByLabel('Chỉ hồ sơ quá hạn').isChecked()).toBe(true);
    expect(await page.getByTestId('case-card').count()).toBe(0);
    // A shared link opens with its filter set.
    await page.goto(`${b.stack.baseUrl}/board?category=economic_hardship`);
    await poll(() => page.getByTestId('case-card').count()).toBe(3);
    expect(await page.getByLabel('Chỉ hồ sơ quá hạn').isChecked()).toBe(false);
  });

  it('lets an office find a case by its code, never by a name it may not see', async () => {
    const { page } = await signInPage(b, 'cv.ha', { viewport: LAPTOP });
    await page.waitForURL(`${b.stack.baseUrl}/board`);
    await poll(() => page.getByTestId('case-card').count()).toBe(caseIds.length);
    await page.getByTestId('board-search').fill(nameOf('st-02'));
    await poll(() => page.getByTestId('case-card').count()).toBe(0);
    const code = await b.stack.database.db.case.findUniqueOrThrow({ where: { id: caseIds[1] } });
    await page.getByTestId('board-search').fill(code.code.toLowerCase());
    await poll(() => page.getByTestId('case-card').count()).toBe(1);
    expect(await noNames(page)).toEqual([]);
  });
});

describe('where each role lands, and what waits for it', () => {
  it('sends each role to its work, with counts in the menu and the child named on the task', async () => {
    for (const [user, path] of [
      ['gv.lan', '/tasks'],
      ['ht.binh', '/sign-off'],
      ['quantri', '/admin'],
      ['cv.ha', '/board'],
    ] as const) {
      const { page, context } = await signInPage(b, user, { viewport: LAPTOP });
      await page.waitForURL(`${b.stack.baseUrl}${path}`, { timeout: 15_000 });
      await context.close();
    }
    // The coordinator has every case to screen: counted beside "Điều phối" and "Việc của tôi".
    const { page } = await signInPage(b, 'ct.huong', { viewport: LAPTOP });
    await page.waitForURL(`${b.stack.baseUrl}/board`);
    const n = String(caseIds.length);
    await poll(() => page.getByTestId('nav-count-coordination').textContent()).toBe(n);
    await poll(() => page.getByTestId('nav-count-tasks').textContent()).toBe(n);
    await page.getByRole('link', { name: 'Việc của tôi' }).click();
    await page.getByTestId('task-inbox').waitFor();
    await poll(() => page.getByTestId('task-student').allTextContents()).toContain(nameOf('st-01'));
  });

  it('reads a made-up case and a case of another school alike: not found', async () => {
    const { page } = await signInPage(b, 'ct.thao', { viewport: LAPTOP });
    await page.locator('header').first().waitFor();
    const texts: string[] = [];
    for (const id of ['c-khong-co-that', caseIds[0]]) {
      await page.goto(`${b.stack.baseUrl}/cases/${id}`);
      texts.push((await page.getByTestId('case-error').textContent()) ?? '');
    }
    expect(texts[0]).toContain('Không tìm thấy hồ sơ');
    expect(texts[1]).toBe(texts[0]);
  });
});

describe('the sign-in page', () => {
  it('says who resets a forgotten password and can show what was typed', async () => {
    const context = await b.browser.newContext(BROWSER_CONTEXT);
    const page = await context.newPage();
    await page.goto(b.stack.baseUrl);
    await page.getByRole('button', { name: 'Quên mật khẩu?' }).click();
    expect(await page.getByTestId('forgot-help').textContent()).toContain('quản trị hệ thống');
    const password = page.getByLabel('Mật khẩu');
    await password.fill('bi-mat-1234');
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Hiện các ký tự đã gõ' }).click();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Ẩn các ký tự đã gõ' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await context.close();
  });
});
