import { demoCampaign } from '@donghanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signedInClient } from '../src/testing';
import { BROWSER_CONTEXT, type BrowserStack, startBrowserStack } from './support/browser';
import { recordConsent } from './support/consent';

/**
 * h13, in a real Chromium: a bell item whose task is already done opens a page that says so —
 * when, and by whom with a link to the case only for someone the identity rule still lets see
 * the case; and a page of the dashboard holds one socket.io connection, shared by the live board,
 * the bell and the reports.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 120_000);
afterAll(() => b?.stop());

const openTaskId = async (caseId: string, type: string) =>
  (await b.stack.database.db.task.findFirstOrThrow({ where: { caseId, type, status: 'OPEN' } })).id;

/** A page signed in as `username`, counting its socket.io connections from the first request on. */
async function countedPage(username: string) {
  const context = await b.browser.newContext({ ...BROWSER_CONTEXT });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const sockets = { open: new Set<string>(), created: 0, maxOpen: 0 };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketCreated', (e) => {
    if (!e.url.includes('/socket.io/')) return;
    sockets.created += 1;
    sockets.open.add(e.requestId);
    sockets.maxOpen = Math.max(sockets.maxOpen, sockets.open.size);
  });
  cdp.on('Network.webSocketClosed', (e) => {
    sockets.open.delete(e.requestId);
  });
  await page.goto(b.stack.baseUrl);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return { page, problems, sockets };
}

/** A case of the school offered to Đức by the coordinator; returns the offer's task. */
async function offerToDuc(studentId: string) {
  const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
  const { caseId } = await huong.case.identify.mutate({
    campaignId: demoCampaign.id,
    studentId,
    categories: ['weak_results'],
  });
  await huong.case.screen.mutate({ caseId, decision: 'accept' });
  await recordConsent(huong, caseId);
  await huong.case.assignHelper.mutate({
    caseId,
    taskId: await openTaskId(caseId, 'assign_helper'),
    helperId: 'u-gv-duc',
  });
  return { caseId, offer: await openTaskId(caseId, 'respond_offer') };
}

describe('a bell item whose task is done', () => {
  it('says it is done, when and by whom, with the case for a helper; without them for a teacher who declined', async () => {
    const { page, problems } = await countedPage('gv.duc');
    const bell = page.getByTestId('bell');
    await page.locator('[data-testid="bell"][data-unread="0"]').waitFor({ timeout: 15_000 });
    const duc = await signedInClient(b.stack.baseUrl, 'gv.duc');

    // Declined: Đức no longer stands in any relation to the case.
    const declined = await offerToDuc('st-02');
    await duc.case.respondOffer.mutate({
      caseId: declined.caseId,
      taskId: declined.offer,
      accept: false,
      reason: 'Đã đủ số học sinh',
    });
    // Accepted: he helps the case now.
    const accepted = await offerToDuc('st-04');
    await duc.case.respondOffer.mutate({ caseId: accepted.caseId, taskId: accepted.offer, accept: true });
    await page.locator('[data-testid="bell"][data-unread="2"]').waitFor({ timeout: 15_000 });

    const codeOf = async (caseId: string) =>
      (await b.stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).code;
    const openItem = async (caseId: string) => {
      await bell.click();
      const item = page.getByTestId('bell-item').filter({ hasText: await codeOf(caseId) });
      await item.click();
    };

    await openItem(accepted.caseId);
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/tasks/${accepted.offer}`);
    const outcome = page.getByTestId('task-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-status')).toBe('DONE');
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain('Việc này đã được hoàn thành.');
    expect(text).toContain(await codeOf(accepted.caseId));
    expect(await page.getByTestId('task-outcome-when').textContent()).toMatch(
      /^Lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} bởi Lường Văn Đức$/,
    );
    // Never the child: the code is what the notification said.
    expect(text).not.toContain('Nguyễn Thị Diệu');
    await page.getByTestId('task-outcome-case').click();
    await page.waitForURL((u) => u.pathname === `/cases/${accepted.caseId}`);

    await openItem(declined.caseId);
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/tasks/${declined.offer}`);
    await page.locator('[data-testid="task-outcome"][data-status="DONE"]').waitFor();
    expect(await page.getByTestId('task-outcome-when').textContent()).not.toContain('bởi');
    expect(await page.getByTestId('task-outcome-case').count()).toBe(0);
    expect(await page.getByTestId('task-outcome').textContent()).not.toContain('Cầm Thị Bích');

    // A task the person was never told of: still "not found".
    await page.goto(`${b.stack.baseUrl}/tasks/${encodeURIComponent(`${accepted.caseId}:plan-review:1`)}`);
    await page.getByText('Không tìm thấy việc này').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('one socket per page', () => {
  it('the board, the bell and the reports share one socket.io connection', async () => {
    const { page, problems, sockets } = await countedPage('ct.huong');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('bell').waitFor();
    await page.waitForTimeout(1_500);
    expect(sockets.open.size).toBe(1);
    expect(sockets.maxOpen).toBe(1);
    // The bell still hears of a new task live on that one connection.
    // The earlier test left the coordinator some items: the bell shows them first.
    const unread = await b.stack.database.db.notification.count({
      where: { userId: 'u-ct-cl', readAt: null },
    });
    await page.locator(`[data-testid="bell"][data-unread="${unread}"]`).waitFor({ timeout: 10_000 });
    // An outbox row for her (as a step writes it): its insert's NOTIFY reaches the page's one socket.
    const task = await b.stack.database.db.task.findFirstOrThrow({ where: { status: 'OPEN' } });
    await b.stack.database.db.notification.create({
      data: {
        id: 'n-h13-socket-test',
        userId: 'u-ct-cl',
        caseId: task.caseId,
        taskId: task.id,
        subject: task.id,
        kind: 'screening',
        round: 'socket-test',
        messageId: '<n-h13-socket-test@donghanh>',
      },
    });
    await page.locator(`[data-testid="bell"][data-unread="${unread + 1}"]`).waitFor({ timeout: 10_000 });
    // Moving to the reports (their live status listens too) keeps the one connection.
    await page
      .getByRole('link', { name: /Báo cáo/ })
      .first()
      .click();
    await page.getByTestId('reports').waitFor();
    await page.waitForTimeout(1_500);
    expect(sockets.open.size).toBe(1);
    expect(sockets.maxOpen).toBe(1);
    expect(problems).toEqual([]);
  });
});
