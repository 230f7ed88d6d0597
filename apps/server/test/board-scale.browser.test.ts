import { demoCampaign } from '@donghanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/app';
import { signedInClient } from '../src/testing';
import { type BrowserStack, signInPage, startBrowserStack, WEB_DIST } from './support/browser';

/**
 * The board at the size of a province (2,000 cases on one school's board) and through a server
 * restart: it renders without freezing, takes live events, and catches up after reconnecting.
 */
let b: BrowserStack;
const CASES = 2000;

beforeAll(async () => {
  b = await startBrowserStack();
  const db = b.stack.database.db;
  const students = Array.from({ length: CASES }, (_, i) => ({
    id: `st-scale-${i}`,
    schoolId: 's-thcs-chiengle',
    classId: ['cl-cl-6a', 'cl-cl-7b', 'cl-cl-8a', 'cl-cl-9a'][i % 4] as string,
    fullName: `Học Sinh ${i}`,
    searchName: `hoc sinh ${i}`,
  }));
  await db.student.createMany({ data: students });
  const stages = ['identified', 'assignment', 'plan', 'active', 'evaluation', 'closure'] as const;
  await db.case.createMany({
    data: students.map((s, i) => ({
      id: `c-scale-${i}`,
      code: `HS26-S${String(i).padStart(5, '0')}`,
      campaignId: demoCampaign.id,
      studentId: s.id,
      schoolId: s.schoolId,
      stage: stages[i % stages.length] as (typeof stages)[number],
      categories: ['weak_results'],
      source: 'staff_proposal',
      riskLevel: i % 17 === 0 ? 'high' : null,
    })),
  });
}, 180_000);
afterAll(() => b?.stop());

/** Records long tasks (main thread blocked > 50 ms) from the first script on. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

describe('board at scale, and across a restart', () => {
  it(`renders ${CASES} cards without freezing and still takes live events within a second`, async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong');
    await page.addInitScript(LONG_TASKS);
    const started = Date.now();
    await page.getByTestId('signed-in-as').waitFor({ timeout: 20_000 });
    await page.reload();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await page
      .getByTestId('board-count')
      .filter({ hasText: `${CASES}/${CASES}` })
      .waitFor();
    const rendered = Date.now() - started;
    const inDom = await page.locator('[data-testid="case-card"]').count();
    const longest = await page.evaluate(() =>
      Math.max(0, ...(globalThis as unknown as { __longTasks: number[] }).__longTasks),
    );
    console.log(
      `board: ${CASES} cards ready ${rendered} ms after load; ${inDom} card elements in the DOM; longest main-thread task ${Math.round(longest)} ms`,
    );
    expect(inDom).toBeLessThan(400); // virtualised: only what is on screen
    expect(rendered).toBeLessThan(10_000);

    // Scrolling a long column reaches its last card.
    const column = page.locator('[data-stage="identified"] [data-testid="virtual-column"]');
    await column.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('[data-stage="identified"] [data-code="HS26-S01998"]').waitFor({ timeout: 5000 });

    const api = await signedInClient(b.stack.baseUrl, 'ct.huong');
    const sent = Date.now();
    const created = await api.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-05',
      categories: ['dropout_risk'],
    });
    await page
      .getByTestId('board-count')
      .filter({ hasText: `${CASES + 1}/${CASES + 1}` })
      .waitFor({ timeout: 5000 });
    const latency = Date.now() - sent;
    console.log(`board: live event on a ${CASES}-card board shown ${latency} ms after the mutation was sent`);
    expect(latency).toBeLessThan(3000);
    expect(created.created).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reconnects after the server restarts and catches up on what it missed', async () => {
    const { page, context, problems } = await signInPage(b, 'ct.huong');
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    // The identified column is virtualised (2,000 cases): count the board instead of finding the card.
    const total = await b.stack.database.db.case.count({ where: { schoolId: 's-thcs-chiengle' } });
    await page
      .getByTestId('board-count')
      .filter({ hasText: `${total}/${total}` })
      .waitFor();
    const port = b.stack.server.port;
    const config = {
      HOST: '127.0.0.1',
      DATABASE_URL: b.stack.database.url,
      TEMPORAL_ADDRESS: b.stack.temporal.address,
      TEMPORAL_NAMESPACE: b.stack.temporal.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: b.stack.taskQueue,
      TEMPORAL_TIMEOUT_MS: 10_000,
      WEB_DIST,
      DATA_KEY: b.stack.dataKey,
    };
    // A second server on another port stays up: the case is created there while ours is down.
    const other = await startServer({ ...config, PORT: 0 });
    try {
      await b.stack.server.close();
      await page.locator('[data-testid="live-status"][data-status="paused"]').waitFor({ timeout: 10_000 });
      const api = await signedInClient(`http://127.0.0.1:${other.port}`, 'ct.huong');
      const missed = await api.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId: 'st-09',
        categories: ['weak_results'],
      });
      b.stack.server = await startServer({ ...config, PORT: port });
      await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
      await page
        .getByTestId('board-count')
        .filter({ hasText: `${total + 1}/${total + 1}` })
        .waitFor({ timeout: 5000 });
      expect(missed.created).toBe(true);
      expect(
        problems.filter((p) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)),
      ).toEqual([]);
    } finally {
      await other.close();
      await context.close();
    }
  });
});
