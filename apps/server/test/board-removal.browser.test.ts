import { demoCampaign } from '@donghanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { type BrowserStack, signInPage, startBrowserStack } from './support/browser';
import { recordConsent } from './support/consent';

/**
 * A helper replaced while her board is open: the card — with the child's name on it — leaves
 * her board at once, without a reload, while the coordinator's board keeps it.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
});
afterAll(() => b?.stop());

const openTaskId = async (caseId: string, type: string) =>
  (await b.stack.database.db.task.findFirstOrThrow({ where: { caseId, type, status: 'OPEN' } })).id;

describe('a card that leaves a board', () => {
  it("disappears from the replaced helper's open board", async () => {
    const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
    const { caseId } = await huong.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-04',
      categories: ['weak_results'],
    });
    await huong.case.screen.mutate({ caseId, decision: 'accept' });
    await recordConsent(huong, caseId);
    await huong.case.assignHelper.mutate({
      caseId,
      taskId: await openTaskId(caseId, 'assign_helper'),
      helperId: 'u-gv-duc',
    });
    const duc = await signedInClient(b.stack.baseUrl, 'gv.duc');
    await duc.case.respondOffer.mutate({
      caseId,
      taskId: await openTaskId(caseId, 'respond_offer'),
      accept: true,
    });

    const { page, problems } = await signInPage(b, 'gv.duc');
    // A teacher lands on his tasks (issue 14); the board is one click away.
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/board`);
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
    const card = page.locator(`[data-case-id="${caseId}"]`);
    await card.waitFor({ timeout: 5000 });
    await expect(card.textContent()).resolves.toContain('Nguyễn Thị Diệu');
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });

    await huong.case.replaceHelper.mutate({
      caseId,
      helperId: 'u-gv-uyen',
      reason: 'Thầy Đức đi học dài hạn',
    });
    await card.waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.content()).not.toContain('Nguyễn Thị Diệu');
    expect(navigations).toBe(0);
    expect(problems).toEqual([]);
  });
});
