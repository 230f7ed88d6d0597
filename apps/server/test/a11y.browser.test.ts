import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../src/testing';
import { describeA11yProblems, seriousA11yProblems } from './support/axe';
import { BROWSER_CONTEXT, type BrowserStack, signInPage, startBrowserStack } from './support/browser';

/**
 * axe (WCAG 2.1 A/AA) on every screen each role can open, and on the main dialogs, on a phone and
 * a laptop: no serious or critical violation anywhere. The demo cases give every screen content.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack({ demoCases: true });
}, 180_000);
afterAll(() => b?.stop());

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
} as const;

const db = () => b.stack.database.db;

/** The page has loaded what it shows: no request in flight, no spinner, no "loading…". */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(
      `!document.querySelector('.mantine-Loader-root') &&
        !/Đang tải/.test(document.querySelector('main')?.textContent ?? '')`,
      null,
      { timeout: 15_000 },
    )
    .catch(() => {});
  // Mantine's transitions (modals, tabs) fade in over 200 ms: contrast is read after them.
  await page.waitForTimeout(350);
}

interface Step {
  name: string;
  /** A path to open, or actions on the page as it is (a dialog). */
  path?: string;
  act?: (page: Page) => Promise<void>;
}

async function auditAs(username: string, viewport: keyof typeof VIEWPORTS, steps: Step[]) {
  const { page, context } = await signInPage(b, username, { viewport: VIEWPORTS[viewport] });
  await page.locator('header').first().waitFor();
  const report: string[] = [];
  for (const step of steps) {
    if (step.path) await page.goto(`${b.stack.baseUrl}${step.path}`);
    if (step.act) await step.act(page);
    await settle(page);
    const problems = await seriousA11yProblems(page);
    if (problems.length) report.push(describeA11yProblems(`${username} ${viewport} ${step.name}`, problems));
  }
  await context.close();
  return report.join('\n');
}

async function openTaskOf(username: string, type: string) {
  const user = await db().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const t = await db().task.findFirst({
    where: { type, status: 'OPEN', assigneeUserId: user.id },
    select: { id: true },
  });
  return t?.id ?? null;
}

async function caseOf(studentId: string) {
  return (await db().case.findFirstOrThrow({ where: { studentId }, select: { id: true } })).id;
}

const preferences: Step = {
  name: 'notification preferences',
  act: async (page) => {
    await page.getByTestId('bell').click();
    await page.getByTestId('notification-settings').click();
    await page.getByTestId('notification-prefs').waitFor();
  },
};

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
  'axe on a %s',
  { timeout: 400_000 },
  (viewport) => {
    it('teachers: board, tasks and each task form, propose, case, preferences', async () => {
      const steps: Step[] = [
        { name: 'board', path: '/' },
        { name: 'tasks', path: '/tasks' },
      ];
      for (const [user, type] of [
        ['gv.son', 'file_checkin'],
        ['gv.duc', 'respond_offer'],
        ['gv.uyen', 'write_plan'],
      ] as const) {
        const id = await openTaskOf(user, type);
        expect(id, `${user} has a ${type} task in the demo`).not.toBeNull();
      }
      const report = [
        await auditAs('gv.lan', viewport, [
          ...steps,
          { name: 'identify', path: '/identify' },
          {
            name: 'propose form',
            act: async (page) => {
              await page.getByTestId('student-search').fill('cam thi bich');
              await page.getByRole('button', { name: 'Chọn Cầm Thị Bích' }).click();
              await page.getByTestId('propose-form').waitFor();
              // Sent empty: the errors are on screen too.
              await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
              await page.getByText('Chọn ít nhất một diện').waitFor();
            },
          },
          { name: 'case', path: `/cases/${await caseOf('st-01')}` },
          { name: 'tasks', path: '/tasks' },
          preferences,
        ]),
        await auditAs('gv.son', viewport, [
          { name: 'check-in form', path: `/tasks/${await openTaskOf('gv.son', 'file_checkin')}` },
          {
            name: 'check-in form with errors',
            act: async (page) => {
              await page.getByRole('button', { name: 'Thêm khoản hỗ trợ' }).click();
              await page.getByRole('button', { name: 'Gửi', exact: true }).click();
            },
          },
        ]),
        await auditAs('gv.duc', viewport, [
          { name: 'offer form', path: `/tasks/${await openTaskOf('gv.duc', 'respond_offer')}` },
        ]),
        await auditAs('gv.uyen', viewport, [
          { name: 'plan form', path: `/tasks/${await openTaskOf('gv.uyen', 'write_plan')}` },
        ]),
      ]
        .filter(Boolean)
        .join('\n');
      expect(report).toBe('');
    });

    it('school coordinator: coordination tabs, case, privacy pages, overview, reports, students', async () => {
      const caseId = await caseOf('st-01');
      const report = await auditAs('ct.huong', viewport, [
        { name: 'board', path: '/' },
        { name: 'tasks', path: '/tasks' },
        ...['screening', 'assignment', 'volunteers', 'reviews', 'watch'].map((tab) => ({
          name: `coordination ${tab}`,
          path: `/coordination/${tab}`,
        })),
        { name: 'case', path: `/cases/${caseId}` },
        { name: 'consent form', path: `/cases/${caseId}/consent-form` },
        { name: 'requests', path: `/cases/${caseId}/requests` },
        { name: 'overview', path: '/overview' },
        { name: 'reports', path: '/reports' },
        { name: 'students', path: '/students' },
        {
          name: 'students new year',
          act: async (page) => {
            await page.getByTestId('tab-new-year').click();
          },
        },
        preferences,
      ]);
      expect(report).toBe('');
    });

    it('principal: sign-off, coordination, overview, reports, students, case', async () => {
      const report = await auditAs('ht.binh', viewport, [
        { name: 'board', path: '/' },
        { name: 'sign-off', path: '/sign-off' },
        {
          name: 'sign-off refusing',
          act: async (page) => {
            await page.getByRole('button', { name: 'Không đồng ý' }).first().click();
          },
        },
        { name: 'coordination', path: '/coordination' },
        { name: 'overview', path: '/overview' },
        { name: 'reports', path: '/reports' },
        { name: 'students', path: '/students' },
        { name: 'case', path: `/cases/${await caseOf('st-04')}` },
      ]);
      expect(report).toBe('');
    });

    it('office staff: masked board and case, overview, reports, campaigns', async () => {
      const report = await auditAs('cv.ha', viewport, [
        { name: 'board', path: '/' },
        { name: 'tasks', path: '/tasks' },
        { name: 'case (masked)', path: `/cases/${await caseOf('st-01')}` },
        { name: 'overview', path: '/overview' },
        { name: 'reports', path: '/reports' },
        { name: 'campaigns', path: '/admin/campaigns' },
        { name: 'campaign', path: '/admin/campaigns/camp-sl-2026' },
      ]);
      expect(report).toBe('');
    });

    it('admin: users, units, privacy, campaigns, reports, students, the new-user dialog', async () => {
      const report = await auditAs('quantri', viewport, [
        { name: 'tasks', path: '/tasks' },
        { name: 'users', path: '/admin/users' },
        {
          name: 'new user dialog',
          act: async (page) => {
            await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
            await page.getByRole('dialog').waitFor();
          },
        },
        { name: 'units', path: '/admin/units' },
        { name: 'privacy', path: '/admin/privacy' },
        { name: 'campaigns', path: '/admin/campaigns' },
        { name: 'campaign', path: '/admin/campaigns/camp-sl-2026' },
        { name: 'reports', path: '/reports' },
        { name: 'students', path: '/students' },
      ]);
      expect(report).toBe('');
    });
  },
);

// a11y: the words people read, as the browser shows them
describe('words and small things', () => {
  it('the case page writes material help, hours, visits and the term in words', async () => {
    const { page, context } = await signInPage(b, 'gv.lan', { viewport: VIEWPORTS.laptop });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/cases/${await caseOf('st-01')}`);
    const row = page.getByTestId('checkin-row').first();
    await row.waitFor();
    const text = (await row.textContent())?.replace(/\u00a0/g, ' ');
    expect(text).toContain('15 kg gạo · 285.000 ₫');
    expect(text).toContain('Tiền mặt · 200.000 ₫');
    expect(text).toContain('8 buổi, 12 giờ');
    expect(text).toContain('1 lần thăm, 4 lần liên lạc');
    expect(text).not.toMatch(/Gạo 15|\d h\b/);
    await expect(page.getByTestId('total-hours-value').textContent()).resolves.toBe('12 giờ');
    await page.getByText('Học kỳ I, năm học 2026–2027').first().waitFor();
    await expect(page.getByText('2026-2027-HK1').count()).resolves.toBe(0);

    // In English, one visit is a visit.
    await page.getByText('EN', { exact: true }).click();
    await expect
      .poll(async () => (await row.textContent())?.replace(/\u00a0/g, ' '))
      .toContain('1 visit, 4 calls');
    await expect(row.textContent()).resolves.toContain('8 sessions, 12 hours');
    await page.getByText('VI', { exact: true }).click();
    await context.close();
  });

  it('thanks teachers as "thầy cô", and no one else; coordination dates say what they are', async () => {
    const admin = await signInPage(b, 'quantri', { viewport: VIEWPORTS.laptop });
    await admin.page.locator('header').first().waitFor();
    await admin.page.goto(`${b.stack.baseUrl}/tasks`);
    await expect(admin.page.getByTestId('tasks-empty').textContent()).resolves.toBe(
      'Bạn không có việc nào đang chờ.',
    );
    await admin.context.close();

    const coord = await signInPage(b, 'ct.huong', { viewport: VIEWPORTS.laptop });
    await coord.page.locator('header').first().waitFor();
    await coord.page.goto(`${b.stack.baseUrl}/coordination/screening`);
    const card = coord.page.getByTestId('coord-task').first();
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/Hạn \d{2}\/\d{2}\/\d{4}/);
    await coord.context.close();
  });

  it('a principal reads the evaluation’s term in words and badges in normal case, not cut off', async () => {
    const { page, context } = await signInPage(b, 'ht.minh', { viewport: VIEWPORTS.phone });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/sign-off`);
    const item = page.getByTestId('signoff-item').first();
    await item.getByTestId('evaluation').waitFor();
    await item.getByText('Học kỳ I, năm học 2026–2027').first().waitFor();
    const badges = (await page.evaluate(`[...document.querySelectorAll('.mantine-Badge-root')].map((b) => {
      const cs = getComputedStyle(b);
      const label = b.querySelector('.mantine-Badge-label');
      return { transform: cs.textTransform, size: parseFloat(cs.fontSize),
        cut: label ? label.scrollWidth > label.clientWidth + 1 : false, text: b.textContent };
    })`)) as { transform: string; size: number; cut: boolean; text: string }[];
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      expect(badge.transform, badge.text).toBe('none');
      expect(badge.size, badge.text).toBeGreaterThanOrEqual(12);
      expect(badge.cut, badge.text).toBe(false);
    }
    await context.close();
  });
});

// fix2: the wall display (paired, at 1920×1080, large type included) and the displays page
describe('axe on the wall display and the displays page', () => {
  it('a coordinator’s displays page, and the paired wall across a room', { timeout: 200_000 }, async () => {
    const report = [await auditAs('ct.huong', 'laptop', [{ name: 'displays', path: '/displays' }])];
    const huong = await signedInClient(b.stack.baseUrl, 'ct.huong');
    const made = await huong.display.create.mutate({ unitId: 'u-thcs-chiengle', label: 'Phòng hội đồng' });
    const context = await b.browser.newContext({
      ...BROWSER_CONTEXT,
      viewport: { width: 1920, height: 1080 },
    });
    const wall = await context.newPage();
    await wall.goto(`${b.stack.baseUrl}/wall#pair=${made.pairCode}`);
    await wall.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
    await wall.getByTestId('case-card').first().waitFor({ timeout: 15_000 });
    await settle(wall);
    const problems = await seriousA11yProblems(wall);
    if (problems.length) report.push(describeA11yProblems('wall 1920×1080', problems));
    await context.close();
    expect(report.filter(Boolean).join('\n')).toBe('');
  });

  it('the board has one <main>: the shell’s', { timeout: 60_000 }, async () => {
    const { page, context } = await signInPage(b, 'ct.huong', { viewport: VIEWPORTS.laptop });
    await page.locator('header').first().waitFor();
    await page.goto(`${b.stack.baseUrl}/board`);
    await page.getByTestId('board').waitFor();
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Các cột theo giai đoạn hồ sơ' }).count()).toBe(1);
    await context.close();
  });
});
