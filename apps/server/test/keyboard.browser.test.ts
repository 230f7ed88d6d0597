import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';

/**
 * The keyboard alone (Tab, Shift+Tab, Enter, Space, Escape): a teacher files the month's check-in
 * from the task list, a principal decides a closure, and the settings dialog keeps focus inside
 * and gives it back. At every step the focused element shows a ring, and Tab moves forward in
 * the page's order.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
}, 180_000);
afterAll(() => b?.stop());

const LAPTOP = { width: 1366, height: 768 };

interface Focused {
  /** Position of the element in document order. */
  order: number;
  tag: string;
  name: string;
  ring: boolean;
  inDialog: boolean;
}

/** What has focus: where it is in the document, its name, and whether a focus ring is drawn. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  return {
    order: [...document.querySelectorAll('*')].indexOf(el),
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 60),
    ring: el.matches(':focus-visible') && (outline || Boolean(shadow)),
    inDialog: Boolean(el.closest('[role="dialog"]')),
  };
})()`;

const focused = (page: Page) => page.evaluate(FOCUSED) as Promise<Focused | null>;
const isFocused = (page: Page, selector: string) =>
  page.evaluate(
    `document.activeElement === document.querySelector(${JSON.stringify(selector)})`,
  ) as Promise<boolean>;

/**
 * Presses Tab (or Shift+Tab) until `selector` has focus, checking every stop on the way: a ring
 * is drawn, and the order follows the document (forwards for Tab, backwards for Shift+Tab).
 */
async function tabTo(page: Page, selector: string, o: { back?: boolean; max?: number } = {}) {
  const stops: string[] = [];
  let last: number | null = null;
  for (let i = 0; i < (o.max ?? 60); i++) {
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    expect(f, `focus lost after ${stops.join(' → ')}`).not.toBeNull();
    if (!f) return;
    stops.push(`${f.tag} "${f.name}"`);
    expect(f.ring, `no visible focus on ${f.tag} "${f.name}"`).toBe(true);
    if (last !== null)
      expect(o.back ? f.order < last : f.order > last, `focus jumped: ${stops.join(' → ')}`).toBe(true);
    last = f.order;
    if (await isFocused(page, selector)) return stops;
  }
  throw new Error(`${selector} never got focus: ${stops.join(' → ')}`);
}

async function inputId(page: Page, label: string) {
  return `#${await page.getByLabel(label, { exact: true }).getAttribute('id')}`;
}

describe('the keyboard alone', () => {
  it('a teacher goes from the task list to a filed check-in', async () => {
    const user = await b.stack.database.db.user.findUniqueOrThrow({ where: { username: 'gv.son' } });
    const task = await b.stack.database.db.task.findFirstOrThrow({
      where: { assigneeUserId: user.id, type: 'file_checkin', status: 'OPEN' },
      select: { id: true },
    });
    const { page, context, problems } = await signInPage(b, 'gv.son', { viewport: LAPTOP });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/tasks`);
    await page.getByTestId('task-inbox').waitFor();

    await tabTo(page, `[data-testid="task-card"][data-task-id="${task.id}"]`);
    await page.keyboard.press('Enter');
    await page.getByTestId('checkin-form').waitFor();

    await tabTo(page, await inputId(page, 'Số buổi'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await tabTo(page, await inputId(page, 'Số giờ'), { max: 1 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6,5');
    // Back one field and forward again: Shift+Tab walks the same order in reverse.
    await tabTo(page, await inputId(page, 'Số buổi'), { back: true, max: 1 });
    await tabTo(page, await inputId(page, 'Số giờ'), { max: 1 });
    const stops = await tabTo(page, '[data-testid="task-submit"]');
    // The risk level is one stop (a radio group), and the way there is the form's own order.
    expect(stops?.join(' ')).toContain('Thêm khoản hỗ trợ');
    await page.keyboard.press('Enter');

    // Back on the list, focus is on what happened.
    const done = page.getByTestId('task-done');
    await done.waitFor({ timeout: 20_000 });
    await expect(done.textContent()).resolves.toContain('Đã gửi báo cáo tháng');
    await expect.poll(() => isFocused(page, '[data-testid="task-done"]')).toBe(true);
    const filed = await b.stack.database.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(filed.status).not.toBe('OPEN');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a principal refuses, thinks again, and approves a closure', async () => {
    const { page, context, problems } = await signInPage(b, 'ht.binh', { viewport: LAPTOP });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/sign-off`);
    const item = page.getByTestId('signoff-item').first();
    await item.getByTestId('closure').waitFor();
    const code = await item.getAttribute('data-case-code');
    const scope = `[data-testid="signoff-item"][data-case-code="${code}"]`;

    // "Không đồng ý" opens the reason in place, with the cursor in it.
    await item
      .getByRole('button', { name: 'Không đồng ý' })
      .evaluate((el) => el.setAttribute('data-kb', 'refuse'));
    await tabTo(page, `${scope} [data-kb="refuse"]`);
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, `${scope} textarea`)).toBe(true);
    // A refusal is worded as one (nothing is sent back to be redone).
    await item
      .getByRole('button', { name: 'Gửi không đồng ý' })
      .evaluate((el) => el.setAttribute('data-kb', 'send'));
    await tabTo(page, `${scope} [data-kb="send"]`, { max: 1 });
    await page.keyboard.press('Enter');
    await item.getByText('Cần ghi lý do không đồng ý kết thúc').waitFor();
    // Escape closes it and focus returns to the button that opened it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page))?.name).toBe('Không đồng ý');

    // Shift+Tab to the approve button, Space to press it.
    await page.keyboard.press('Shift+Tab');
    const approve = await focused(page);
    expect(approve).toMatchObject({ name: 'Đồng ý kết thúc', ring: true });
    await page.keyboard.press('Space');
    // Approving a closure cannot be undone: a dialog asks first, with focus inside it.
    await page.getByTestId('confirm-modal').getByTestId('confirm-action').waitFor();
    await expect.poll(() => page.evaluate(`!!document.activeElement?.closest('[role="dialog"]')`)).toBe(true);
    await tabTo(page, '[data-testid="confirm-action"]', { max: 4 });
    await page.keyboard.press('Enter');
    await page.getByTestId('signoff-results').getByText(`${code}: đã duyệt`).waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the settings dialog keeps focus inside and gives it back to the bell', async () => {
    const { page, context } = await signInPage(b, 'gv.lan', { viewport: LAPTOP });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/tasks`);
    await page.getByTestId('task-inbox').waitFor();

    await tabTo(page, '[data-testid="bell"]');
    await page.keyboard.press('Enter');
    // The bell's list takes focus; Tab reaches its settings button.
    await page.getByTestId('notification-settings').waitFor();
    for (let i = 0; i < 20 && !(await isFocused(page, '[data-testid="notification-settings"]')); i++)
      await page.keyboard.press('Tab');
    await expect(isFocused(page, '[data-testid="notification-settings"]')).resolves.toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('notification-prefs').waitFor();
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);

    // Round and round: Tab and Shift+Tab never leave the dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      const f = await focused(page);
      expect(f?.inDialog, `focus left the dialog at ${f?.tag} "${f?.name}"`).toBe(true);
      expect(f?.ring, `no visible focus on ${f?.tag} "${f?.name}"`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, '[data-testid="bell"]')).toBe(true);
    await context.close();
  });
});
