import { listNotifications } from '@donghanh/db';
import { reportId, reportWorkflowId } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskIds } from '../src/case/task-ids';
import { assignHelperUpdate, respondOfferUpdate, screenUpdate } from '../src/messages';
import { type MailClock, SmtpChannel } from '../src/notify';
import { MailCatcher } from '../src/notify/mail-catcher';
import {
  reportStateQuery,
  reviewReportUpdate,
  signReportUpdate,
  submitReportUpdate,
} from '../src/report/report-messages';
import { startReportRounds } from '../src/report/start-rounds';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  DUC,
  LAN,
  PRINCIPAL,
  UYEN,
  waitFor,
  waitForState,
} from './support/case-harness';

/**
 * h13: the gaps of issue 13 on the real stack (Temporal dev server, embedded PostgreSQL, the real
 * SMTP catcher): the warning before an offer lapses; report rounds' deadlines as notifications;
 * quiet hours proven from the reminder's timer to the catcher.
 */
const catcher = new MailCatcher();
const h = new CaseHarness();
const OFFICER = 'u-commune';
const CAMPAIGN = 'camp-sl-2026';
const SCHOOL = 's-thcs-chiengle';
const mailOf = (userId: string) => `${userId}@truong.test`;
const mailsWith = (messageId: string) => catcher.mails.filter((m) => m.messageId === messageId);

beforeAll(async () => {
  await catcher.start();
  h.mailer = {
    channel: new SmtpChannel({
      url: catcher.smtpUrl,
      from: 'Đồng Hành <noreply@donghanh.test>',
      catcherUrl: catcher.webUrl,
      timeoutMs: 3_000,
    }),
    appUrl: 'http://app.test',
    unsubscribeSecret: 'test-unsubscribe-secret',
  };
  h.relayDelivery = { retryInitialMs: 300, attemptTimeoutMs: 5_000 };
  await h.start();
  for (const id of [LAN, UYEN, DUC, COORDINATOR, PRINCIPAL, OFFICER]) {
    await h.db.user.update({ where: { id }, data: { email: mailOf(id) } });
    // These run at any hour: no quiet hours (the quiet-hours test gives DUC the defaults back).
    await h.db.notificationPreference.upsert({
      where: { userId: id },
      create: { userId: id, quietStart: 0, quietEnd: 0 },
      update: { quietStart: 0, quietEnd: 0 },
    });
  }
}, 120_000);
afterAll(async () => {
  await h.stop();
  await catcher.stop();
});

async function offerTo(helperId: string, timing: { offerResponseMs: number; offerWarningMs: number }) {
  const { caseId, handle } = await h.startCase(
    helperId === LAN ? 'st-01' : 'st-02',
    compressed('2026-10-05', 60_000),
    timing,
  );
  await handle.executeUpdate(screenUpdate, {
    args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
  });
  await handle.executeUpdate(assignHelperUpdate, {
    args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId }],
  });
  return { caseId, handle };
}

describe('the warning before an offer lapses', () => {
  it('warns the offered teacher exactly once, by bell and e-mail, before the offer lapses', async () => {
    const { caseId, handle } = await offerTo(LAN, { offerResponseMs: 5_000, offerWarningMs: 2_500 });
    // Unanswered: warned, then lapsed back to the coordinator (round 2).
    await waitForState(handle, (s) => s.assignmentRound === 2, 30_000);
    const warned = await h.db.notification.findMany({ where: { caseId, kind: 'offer_lapsing' } });
    expect(warned.map((n) => [n.userId, n.taskId])).toEqual([[LAN, taskIds.offer(caseId, 1)]]);
    const events = await h.db.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'case.offer_lapse_warned')).toHaveLength(1);
    expect(types.indexOf('case.offer_lapse_warned')).toBeLessThan(types.indexOf('case.offer_expired'));
    const [row] = warned;
    await waitFor(
      async () => (await h.db.notification.findUnique({ where: { id: row?.id ?? '' } }))?.mail === 'SENT',
      30_000,
    );
    const mails = mailsWith(row?.messageId ?? '');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([mailOf(LAN)]);
    expect(mails[0]?.subject).toMatch(/Lời mời giúp đỡ sắp hết hạn trả lời/);
    // The bell holds it, linking to the offer.
    const bell = await listNotifications(h.db, LAN);
    expect(bell.items.find((n) => n.id === row?.id)?.path).toBe(
      `/tasks/${encodeURIComponent(taskIds.offer(caseId, 1))}`,
    );
  });

  it('warns no one when the teacher answered first', async () => {
    const { caseId, handle } = await offerTo(UYEN, { offerResponseMs: 6_000, offerWarningMs: 2_000 });
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: taskIds.offer(caseId, 1), actorId: UYEN, accept: true }],
    });
    // Past the moment the warning would have gone, and past the lapse.
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await h.db.notification.count({ where: { caseId, kind: 'offer_lapsing' } })).toBe(0);
    expect(await h.db.caseEvent.count({ where: { caseId, type: 'case.offer_lapse_warned' } })).toBe(0);
  });
});

describe("report rounds' deadlines notify the school and the office", () => {
  it('opening, reminder, lateness, submission, return and acceptance each notify the right people once', async () => {
    const ID = reportId(CAMPAIGN, 1, SCHOOL);
    // Round 1 is due 25/12: it opens 11/12, reminds 22/12, escalates 29/12; 250 ms a day from 10/12.
    await startReportRounds(h.db, h.env.client, {
      campaignId: CAMPAIGN,
      clock: compressed('2026-12-10', 250, 200),
      taskQueue: h.taskQueue,
      rounds: [1],
    });
    const handle = h.env.client.workflow.getHandle(reportWorkflowId(CAMPAIGN, 1, SCHOOL));
    await waitFor(async () => (await handle.query(reportStateQuery)).escalated, 30_000);
    await handle.executeUpdate(signReportUpdate, { args: [{ actorId: PRINCIPAL, version: 1 }] });
    await handle.executeUpdate(submitReportUpdate, { args: [{ actorId: COORDINATOR }] });
    await handle.executeUpdate(reviewReportUpdate, {
      args: [{ actorId: OFFICER, decision: 'return', comment: 'Thiếu số buổi dạy kèm tháng 12' }],
    });
    await handle.executeUpdate(signReportUpdate, { args: [{ actorId: PRINCIPAL, version: 1 }] });
    await handle.executeUpdate(submitReportUpdate, { args: [{ actorId: PRINCIPAL }] });
    await handle.executeUpdate(reviewReportUpdate, { args: [{ actorId: OFFICER, decision: 'accept' }] });
    await handle.result();

    const rows = await h.db.notification.findMany({ where: { reportId: ID } });
    const seen = rows.map((r) => `${r.kind}→${r.userId}`).sort();
    expect(seen).toEqual(
      [
        `report_opened→${COORDINATOR}`,
        `report_opened→${PRINCIPAL}`,
        `report_reminder→${COORDINATOR}`,
        `report_reminder→${PRINCIPAL}`,
        `report_overdue→${COORDINATOR}`,
        `report_overdue→${PRINCIPAL}`,
        `report_overdue→${OFFICER}`,
        // Two submissions (the coordinator's, then the principal's): the office hears of each.
        `report_submitted→${OFFICER}`,
        `report_submitted→${OFFICER}`,
        `report_returned→${COORDINATOR}`,
        `report_returned→${PRINCIPAL}`,
        `report_accepted→${COORDINATOR}`,
        `report_accepted→${PRINCIPAL}`,
      ].sort(),
    );
    expect(rows.every((r) => r.caseId === null && r.taskId === null && r.subject === `report:${ID}`)).toBe(
      true,
    );
    // Every one mailed exactly once, linking to the school's report of the round, with no free text.
    await waitFor(
      async () => (await h.db.notification.count({ where: { reportId: ID, mail: { not: 'SENT' } } })) === 0,
      30_000,
    );
    for (const r of rows) {
      const mails = mailsWith(r.messageId);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([mailOf(r.userId)]);
      expect(mails[0]?.text).toContain(`http://app.test/reports?round=1&school=${SCHOOL}`);
      expect(mails[0]?.text).toContain('THCS Chiềng Lề');
      expect(mails[0]?.text).not.toContain('Thiếu số buổi');
      expect(mails[0]?.html).not.toContain('Thiếu số buổi');
    }
    const overdue = mailsWith(rows.find((r) => r.kind === 'report_overdue')?.messageId ?? '')[0];
    expect(overdue?.subject).toMatch(/Báo cáo của trường bị trễ hạn/);
    expect(overdue?.text).toMatch(/Đợt báo cáo: 1/);
    expect(overdue?.text).toMatch(/Hạn: 25\/12\/2026/);
    // The bell links to the report page.
    const bell = await listNotifications(h.db, PRINCIPAL);
    const item = bell.items.find((n) => n.kind === 'report_accepted');
    expect(item?.path).toBe(`/reports?round=1&school=${SCHOOL}`);
    expect(item?.facts).toMatchObject({
      caseCode: null,
      reportRound: 1,
      schoolName: 'Trường THCS Chiềng Lề',
    });
  }, 90_000);
});

describe('quiet hours, end to end', () => {
  const vn = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).getTime();
  /** The mail clock: `speed` times real time, reading `at` at the real instant `realAt`. */
  const fastClock = (at: number, realAt: number, speed: number): MailClock => ({
    now: () => new Date(at + (Date.now() - realAt) * speed),
    realMsUntil: (t) => Math.max(0, (t.getTime() - (at + (Date.now() - realAt) * speed)) / speed),
  });

  it('a reminder falling at 22:00 in Asia/Ho_Chi_Minh reaches the catcher once, after 06:00 and not before', async () => {
    // DUC keeps the defaults: no mail 21:00–06:00, Asia/Ho_Chi_Minh.
    await h.db.notificationPreference.deleteMany({ where: { userId: DUC } });
    const { caseId } = await h.startActiveCase('st-03', DUC, compressed('2026-12-08', 1_000, 500));
    const task = taskIds.checkIn(caseId, '2026-12');
    await waitFor(async () => (await h.db.task.count({ where: { id: task } })) === 1, 30_000);
    const { remindAt } = await h.db.task.findUniqueOrThrow({ where: { id: task } });
    if (!remindAt) throw new Error('the check-in has no reminder');
    // The mail clock reads 22:00 on 21/12 when the reminder's timer fires; 1 real second = 20 minutes.
    const SPEED = 1_200;
    const clock = fastClock(vn('2026-12-21', '22:00'), remindAt.getTime(), SPEED);
    (h.mailer as NonNullable<typeof h.mailer>).clock = clock;
    try {
      await waitFor(
        async () =>
          (await h.db.notification.count({ where: { caseId, userId: DUC, kind: 'checkin_reminder' } })) === 1,
        30_000,
      );
      const row = await h.db.notification.findFirstOrThrow({
        where: { caseId, userId: DUC, kind: 'checkin_reminder' },
      });
      const decided = clock.now().getTime();
      // Decided inside the quiet hours (22:00 plus the machine's delay), well before 06:00.
      expect(decided).toBeGreaterThanOrEqual(vn('2026-12-21', '22:00'));
      expect(decided).toBeLessThan(vn('2026-12-22', '04:00'));
      // At 05:30 on the mail clock: nothing has reached the catcher.
      await waitFor(async () => clock.now().getTime() >= vn('2026-12-22', '05:30'), 60_000);
      expect(mailsWith(row.messageId)).toHaveLength(0);
      expect((await h.db.notification.findUniqueOrThrow({ where: { id: row.id } })).mail).toBe('PENDING');
      // After 06:00: exactly one, accepted at or after 06:00 local.
      await waitFor(async () => mailsWith(row.messageId).length > 0, 60_000);
      const [mail] = mailsWith(row.messageId);
      const receivedOnClock =
        vn('2026-12-21', '22:00') + (Date.parse(mail?.receivedAt ?? '') - remindAt.getTime()) * SPEED;
      expect(receivedOnClock).toBeGreaterThanOrEqual(vn('2026-12-22', '06:00'));
      await new Promise((r) => setTimeout(r, 2_000));
      expect(mailsWith(row.messageId)).toHaveLength(1);
      expect(mail?.to).toEqual([mailOf(DUC)]);
      expect((await h.db.notification.findUniqueOrThrow({ where: { id: row.id } })).mail).toBe('SENT');
    } finally {
      delete (h.mailer as NonNullable<typeof h.mailer>).clock;
    }
  }, 120_000);
});
