import { BOARD_STAGES } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserStack, screenshotPath, signInPage, startBrowserStack } from './support/browser';

/**
 * The demo as a newcomer meets it: every demo case loads, on whatever day DONGHANH_TODAY pins
 * (npm start can be told any day), and the board shows them by stage.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true, followPinnedDay: true });
});
afterAll(() => b?.stop());

describe('demo data in the browser', () => {
  it('shows the coordinator of THCS Chiềng Lề her school’s demo cases on the board', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
    const counts = await page.locator('[data-testid="case-card"]').count();
    const expected = await b.stack.database.db.case.count({
      where: { schoolId: 's-thcs-chiengle', stage: { in: [...BOARD_STAGES] } },
    });
    expect(counts).toBe(expected);
    expect(expected).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    // The README's picture of the board.
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.screenshot({ path: screenshotPath('board') });
    await context.close();
  });
});
