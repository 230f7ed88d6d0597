import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';

/**
 * Forms on a phone (390×844): after an invalid submit the first field in error is in view and
 * focused; material rows one field a line, the value optional for rice and the quantity read
 * back with its unit; every button and link on the teacher's pages at least 44 px each way.
 */
const PHONE = { width: 390, height: 844 };
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
}, 180_000);
afterAll(() => b?.stop());

const db = () => b.stack.database.db;

async function openCheckIn(page: Page) {
  const c = await db().case.findFirstOrThrow({ where: { studentId: 'st-18' }, select: { id: true } });
  const task = await db().task.findFirstOrThrow({
    where: { caseId: c.id, type: 'file_checkin', status: 'OPEN' },
    select: { id: true },
  });
  await page.locator('header').first().waitFor();
  await page.goto(`${b.stack.baseUrl}/tasks/${task.id}`);
  await page.getByTestId('checkin-form').waitFor();
}

/** Visible buttons and links smaller than 44 px either way, described for the failure message. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const small = [];
    for (const el of document.querySelectorAll('button, a[href], [role="button"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // A link inside a sentence is exempt (WCAG 2.5.5).
      if (el.tagName === 'A' && el.closest('p')) continue;
      if (r.width < 44 || r.height < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        small.push(el.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
      }
    }
    return small;
  })()`);
}

/** Whether the element is the one with the keyboard focus. */
const focused = (l: Locator) => l.evaluate((el) => el === el.ownerDocument.activeElement);

describe('forms on a phone', () => {
  it('brings the first field in error into view and focuses it after an invalid submit', async () => {
    const { page, problems } = await signInPage(b, 'gv.thuy', { viewport: PHONE });
    await openCheckIn(page);
    // Two errors: one at the top of the form, one far below it.
    await page.getByLabel('Số buổi', { exact: true }).fill('200');
    await page.getByLabel('Số ngày nghỉ học trong tháng').fill('40');
    const submit = page.getByTestId('task-submit');
    await submit.scrollIntoViewIfNeeded();
    const sessions = page.getByLabel('Số buổi', { exact: true });
    // Scrolled out of view by the time the button is tapped.
    const before = await sessions.boundingBox();
    expect(before && before.y + before.height <= 0).toBe(true);
    await submit.click();
    await page.getByTestId('form-invalid').waitFor();

    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('aria-invalid')"))
      .toBe('true');
    await expect(focused(sessions)).resolves.toBe(true);
    const box = await sessions.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    await expect(page.getByText('Số buổi dạy kèm tối đa 100').isVisible()).resolves.toBe(true);

    // Corrected at the top: the next submit brings the remaining one (far below) into view.
    await sessions.fill('4');
    await page.getByTestId('task-submit').click();
    const absent = page.getByLabel('Số ngày nghỉ học trong tháng');
    await expect.poll(() => focused(absent)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('material rows: full width, rice without a value, the quantity read back with its unit', async () => {
    const { page } = await signInPage(b, 'gv.thuy', { viewport: PHONE });
    await openCheckIn(page);
    await page.getByTestId('add-material').click();
    const row = page.getByTestId('material-row').nth(0);
    const rowBox = await row.boundingBox();
    for (const label of ['Loại', 'Mô tả', 'Số lượng (kg)', 'Trị giá (₫)']) {
      const box = await row.getByLabel(label).boundingBox();
      // One field a line: each input nearly as wide as its card.
      expect(box?.width ?? 0, label).toBeGreaterThan((rowBox?.width ?? 0) * 0.85);
    }
    await expect(row.textContent()).resolves.toContain('Không bắt buộc với hàng tính theo kg');
    await row.getByLabel('Số lượng (kg)').fill('15');
    await expect(row.getByTestId('material-summary').textContent()).resolves.toContain('15 kg gạo');
    await row.getByLabel('Mô tả').fill('Gạo tẻ');
    await expect(row.getByTestId('material-summary').textContent()).resolves.toContain('15 kg gạo tẻ');

    // Clothes need their value; rice does not.
    await page.getByTestId('add-material').click();
    const clothes = page.getByTestId('material-row').nth(1);
    await clothes.getByLabel('Loại').selectOption('clothes');
    await clothes.getByLabel('Số lượng (bộ)').fill('2');
    await page.getByTestId('task-submit').click();
    await clothes.getByText('Nhập trị giá (đồng)').waitFor();
    await expect(row.getByText('Nhập trị giá (đồng)').count()).resolves.toBe(0);
    // The clothes' value, the only field in error, is focused.
    await expect.poll(() => focused(clothes.getByLabel('Trị giá (₫)'))).toBe(true);
  });

  it('every button and link on the teacher’s pages is at least 44 px each way', async () => {
    const { page } = await signInPage(b, 'gv.thuy', { viewport: PHONE });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/tasks`);
    await page.getByTestId('task-inbox').waitFor();
    await page.getByTestId('task-card').first().waitFor();
    await expect(smallTargets(page)).resolves.toEqual([]);
    await openCheckIn(page);
    await page.getByTestId('add-material').click();
    await expect(smallTargets(page)).resolves.toEqual([]);
    const c = await db().case.findFirstOrThrow({ where: { studentId: 'st-18' }, select: { id: true } });
    await page.goto(`${b.stack.baseUrl}/cases/${c.id}`);
    await page.getByTestId('case-page').waitFor();
    await expect(smallTargets(page)).resolves.toEqual([]);
  });
});
