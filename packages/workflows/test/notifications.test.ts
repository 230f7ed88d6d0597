import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { queueNotifications } from '@donghanh/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationActivities } from '../src/activities/notifications';
import { taskIds } from '../src/case/task-ids';
import { assignHelperUpdate, caseWorkflowId, fileCheckInUpdate, screenUpdate } from '../src/messages';
import { type NotificationChannel, type OutgoingMessage, SmtpChannel } from '../src/notify';
import { MailCatcher } from '../src/notify/mail-catcher';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  LAN,
  PRINCIPAL,
  report,
  UYEN,
  waitFor,
} from './support/case-harness';

/**
 * Notifications on the real stack (Temporal dev server, embedded PostgreSQL, a real SMTP catcher):
 * the check-in reminder reaches the helper exactly once by mail and once in the bell; the
 * escalation reaches the coordinator; an SMTP outage is retried and delivered once; an attempt
 * that dies after the server accepted the mail does not send it again; a preference off sends
 * nothing; no mail carries the child's name or anything the school wrote.
 */

/** The real SMTP channel, with a fault injected on demand: the attempt dies after the server took the mail. */
class DyingChannel implements NotificationChannel {
  readonly name = 'email';
  /** The next message matching this dies after acceptance. */
  dieAfterAccept: ((m: OutgoingMessage) => boolean) | null = null;
  died: string[] = [];
  constructor(private readonly inner: SmtpChannel) {}
  async send(m: OutgoingMessage) {
    const r = await this.inner.send(m);
    if (this.dieAfterAccept?.(m)) {
      this.dieAfterAccept = null;
      this.died.push(m.messageId);
      // Never returns to record the send, like a worker killed at that instant; Temporal times the
      // attempt out and retries it. (It throws long after, once the retry has settled the row.)
      return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('attempt died')), 8_000));
    }
    return r;
  }
  wasAccepted(id: string) {
    return this.inner.wasAccepted(id);
  }
}

const catcher = new MailCatcher();
const h = new CaseHarness();
let channel: DyingChannel;
const mailOf = (userId: string) => `${userId}@truong.test`;

beforeAll(async () => {
  await catcher.start();
  channel = new DyingChannel(
    new SmtpChannel({
      url: catcher.smtpUrl,
      from: 'Đồng Hành <noreply@donghanh.test>',
      catcherUrl: catcher.webUrl,
      timeoutMs: 3_000,
    }),
  );
  h.mailer = { channel, appUrl: 'http://app.test', unsubscribeSecret: 'test-unsubscribe-secret' };
  h.relayDelivery = { retryInitialMs: 300, attemptTimeoutMs: 2_000 };
  await h.start();
  for (const id of [LAN, UYEN, COORDINATOR, PRINCIPAL, 'u-gv-thuy', 'u-gv-duc'])
    await h.db.user.update({ where: { id }, data: { email: mailOf(id) } });
  // These tests run at any hour: no quiet hours for them (the demo's accounts have none either;
  // the quiet-hours test sets the defaults back for its person).
  for (const id of [LAN, UYEN, COORDINATOR, PRINCIPAL, 'u-gv-thuy', 'u-gv-duc'])
    await h.db.notificationPreference.upsert({
      where: { userId: id },
      create: { userId: id, quietStart: 0, quietEnd: 0 },
      update: { quietStart: 0, quietEnd: 0 },
    });
}, 120_000);
afterAll(async () => {
  await h.stop();
  await catcher.stop();
});

const reminderOf = async (caseId: string, userId: string) =>
  h.db.notification.findMany({ where: { caseId, userId, kind: 'checkin_reminder' } });
const mailsWith = (messageId: string) => catcher.mails.filter((m) => m.messageId === messageId);

describe('notifications by e-mail and in the bell', () => {
  it('the check-in reminder gives exactly one mail and one bell item; the escalation reaches the coordinator', async () => {
    const { caseId } = await h.startActiveCase('st-01', LAN, compressed('2026-12-08', 200));
    await waitFor(async () => (await reminderOf(caseId, LAN)).some((n) => n.mail === 'SENT'), 30_000);
    const [reminder, ...more] = await reminderOf(caseId, LAN);
    expect(more).toEqual([]);
    expect(mailsWith(reminder?.messageId ?? '')).toHaveLength(1);
    const mail = mailsWith(reminder?.messageId ?? '')[0];
    expect(mail?.to).toEqual([mailOf(LAN)]);
    expect(mail?.subject).toMatch(/Nhắc nộp cập nhật hằng tháng/);
    expect(mail?.text).toContain(`http://app.test/tasks/${encodeURIComponent(`${caseId}:checkin:2026-12`)}`);
    expect(mail?.text).toMatch(/unsubscribe\?u=u-gv-lan&t=/);
    // The timeline says it was mailed only because the server accepted it.
    const mailed = await h.db.caseEvent.findMany({ where: { caseId, type: 'case.notification_mailed' } });
    expect(mailed.filter((e) => (e.payload as { kind: string }).kind === 'checkin_reminder')).toHaveLength(1);

    // The escalation after the due day: the school's coordinator gets the follow-up by mail.
    await waitFor(
      async () =>
        (await h.db.notification.count({
          where: { caseId, userId: COORDINATOR, kind: 'follow_up_overdue', mail: 'SENT' },
        })) === 1,
      30_000,
    );
    const followUp = await h.db.notification.findFirstOrThrow({
      where: { caseId, userId: COORDINATOR, kind: 'follow_up_overdue' },
    });
    expect(mailsWith(followUp.messageId)).toHaveLength(1);
    // Nothing is sent twice, even after every workflow had time to retry.
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = catcher.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await h.db.notification.count({ where: { caseId, userId: LAN, kind: 'checkin_reminder' } })).toBe(
      1,
    );
  });

  it('SMTP down: the delivery is retried with backoff and delivered once when the server returns', async () => {
    await catcher.smtpDown();
    try {
      const { caseId } = await h.startActiveCase('st-02', UYEN, compressed('2026-12-08', 200));
      // Two refused attempts, each put back to PENDING (the server certainly took nothing).
      await waitFor(
        async () => (await reminderOf(caseId, UYEN)).some((n) => n.mailAttempts >= 2 && n.mail === 'PENDING'),
        30_000,
      );
      const [row] = await reminderOf(caseId, UYEN);
      expect(row?.mailError).toMatch(/ECONNREFUSED|connect/i);
      await catcher.smtpUp();
      await waitFor(async () => (await reminderOf(caseId, UYEN)).some((n) => n.mail === 'SENT'), 30_000);
      const [sent] = await reminderOf(caseId, UYEN);
      expect(mailsWith(sent?.messageId ?? '')).toHaveLength(1);
    } finally {
      await catcher.smtpUp().catch(() => undefined);
    }
  });

  it('an attempt killed after the server accepted the mail does not send it again', async () => {
    // The next reminder mail to this helper dies after the server accepted it.
    const thuy = 'u-gv-thuy';
    channel.dieAfterAccept = (m) => m.to === mailOf(thuy) && /Nhắc nộp/.test(m.subject);
    const { caseId } = await h.startActiveCase('st-03', thuy, compressed('2026-12-08', 200));
    await waitFor(async () => (await reminderOf(caseId, thuy)).some((n) => n.mail === 'SENT'), 30_000);
    const [row] = await reminderOf(caseId, thuy);
    expect(channel.died).toEqual([row?.messageId]);
    expect(mailsWith(row?.messageId ?? '')).toHaveLength(1);
    // The retry found the row SENDING, asked the catcher, and recorded what the server had taken.
    expect(row?.smtpResponse).toMatch(/confirmed by the catcher/);
    // The dead attempt finally fails too: still one mail, still SENT.
    await new Promise((r) => setTimeout(r, 8_500));
    expect(mailsWith(row?.messageId ?? '')).toHaveLength(1);
    expect((await reminderOf(caseId, thuy))[0]?.mail).toBe('SENT');
  }, 60_000);

  it('a worker process killed (SIGKILL) right after the SMTP server accepted the mail: still one mail', async () => {
    const son = 'u-gv-uyen';
    let restarted = false;
    await h.stopWorker();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'support', 'dying-worker.ts')],
      {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: h.env.address,
          TEMPORAL_NAMESPACE: h.env.namespace ?? 'default',
          TASK_QUEUE: h.taskQueue,
          DATA_KEY: h.dataKey,
          DATABASE_URL: h.database.url,
          SMTP_URL: catcher.smtpUrl,
          CATCHER_URL: catcher.webUrl,
          DIE_ON_TO: mailOf(son),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (d: Buffer) => {
          if (String(d).includes('ready')) resolve();
        });
        child.once('exit', () => reject(new Error('the worker process exited before it was ready')));
      });
      // The first mail to this helper (the offer) kills the worker process after acceptance.
      const { caseId } = await h.startCase('st-08', compressed('2026-12-08', 60_000));
      // The raw handle: no invariant check (its queries would wait for a worker while it is dead).
      const handle = h.env.client.workflow.getHandle(caseWorkflowId(caseId));
      await handle.executeUpdate(screenUpdate, {
        args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
      });
      await h.recordConsent(caseId);
      await handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId: son }],
      });
      expect(await exited).toBe('SIGKILL');
      const offer = await h.db.notification.findFirstOrThrow({
        where: { caseId, userId: son, kind: 'respond_offer' },
      });
      // Killed between the server's acceptance and the record: the row still says SENDING.
      expect(offer.mail).toBe('SENDING');
      expect(mailsWith(offer.messageId)).toHaveLength(1);
      // A new worker takes over: the attempt times out, the retry asks the catcher, sends nothing.
      await h.startWorker();
      restarted = true;
      await waitFor(
        async () => (await h.db.notification.findUniqueOrThrow({ where: { id: offer.id } })).mail === 'SENT',
        30_000,
      );
      const after = await h.db.notification.findUniqueOrThrow({ where: { id: offer.id } });
      expect(after.smtpResponse).toMatch(/confirmed by the catcher/);
      expect(mailsWith(offer.messageId)).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      if (!restarted) await h.startWorker();
    }
  }, 90_000);

  it('a preference off sends nothing; the bell still holds the item', async () => {
    const duc = 'u-gv-duc';
    await h.db.notificationPreference.update({
      where: { userId: duc },
      data: { mailOff: ['checkin_reminder'] },
    });
    const { caseId } = await h.startActiveCase('st-04', duc, compressed('2026-12-08', 200));
    await waitFor(async () => (await reminderOf(caseId, duc)).some((n) => n.mail === 'SKIPPED'), 30_000);
    const [row] = await reminderOf(caseId, duc);
    expect(row?.mailError).toMatch(/preference/);
    expect(row?.readAt).toBeNull();
    expect(mailsWith(row?.messageId ?? '')).toHaveLength(0);
  });

  it("no mail carries a child's name or anything the school wrote", async () => {
    // A high-risk late check-in with notes, so the alert is mailed to the coordinator and principal.
    const { caseId, handle } = await h.startActiveCase('st-05', LAN, compressed('2026-12-08', 200));
    const checkIn = `${caseId}:checkin:2026-12`;
    await waitFor(async () => (await h.taskStatus(checkIn)) === 'OPEN', 30_000);
    const notes = 'Ghi chú riêng tư: gia đình đang gặp khó khăn';
    await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: LAN, report: report({ riskLevel: 'high', notes }) }],
    });
    await waitFor(async () => {
      const alerts = await h.db.notification.findMany({ where: { caseId, kind: 'risk_alert' } });
      return alerts.length > 0 && alerts.every((a) => a.mail === 'SENT');
    }, 30_000);
    // At once, to the coordinator and the principal.
    const alerted = await h.db.notification.findMany({
      where: { caseId, kind: 'risk_alert' },
      select: { userId: true },
    });
    expect(alerted.map((a) => a.userId)).toEqual(expect.arrayContaining([COORDINATOR, PRINCIPAL]));
    const students = await h.db.student.findMany({ select: { fullName: true } });
    const plans = await h.db.helpPlan.findMany({ select: { goals: true } });
    const secrets = [
      ...students.map((s) => s.fullName),
      notes,
      ...plans.flatMap((p) => Object.values((p.goals ?? {}) as Record<string, string>)),
    ].filter((s) => typeof s === 'string' && s.length > 3);
    expect(catcher.mails.length).toBeGreaterThanOrEqual(5);
    for (const m of catcher.mails) {
      const whole = `${m.subject}\n${m.text}\n${m.html}\n${JSON.stringify(m.headers)}`;
      for (const s of secrets) expect(whole, `mail ${m.subject}`).not.toContain(s);
    }
  });
});

describe('quiet hours and the digest', () => {
  const HOA = 'u-gv-hoa';
  /** Vietnam is UTC+7 all year. */
  const vn = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
  const queue = async (caseId: string, taskId: string, kind: string, round: string) => {
    await h.db.$transaction((tx) =>
      queueNotifications(tx, { caseId, round, specs: [{ taskId, kind, userIds: [HOA] }] }),
    );
    return h.db.notification.findFirstOrThrow({ where: { taskId, kind, round, userId: HOA } });
  };

  it('a mail decided at 22:15 (default quiet hours) waits until 06:00', async () => {
    await h.db.user.update({ where: { id: HOA }, data: { email: mailOf(HOA) } });
    // The defaults: no mail 21:00–06:00 in Asia/Ho_Chi_Minh.
    await h.db.notificationPreference.deleteMany({ where: { userId: HOA } });
    const { caseId } = await h.startCase('st-06', compressed('2026-12-08', 60_000));
    const screening = `${caseId}:screening`;
    const row = await queue(caseId, screening, 'screening', 'quiet-test');
    const acts = notificationActivities({
      db: h.db,
      mailer: h.mailer as NonNullable<typeof h.mailer>,
      now: () => vn('2026-12-07', '22:15'),
    });
    expect(await acts.planNotificationMail({ id: row.id })).toMatchObject({
      action: 'send',
      at: vn('2026-12-08', '06:00').getTime(),
    });
    const morning = notificationActivities({
      db: h.db,
      mailer: h.mailer as NonNullable<typeof h.mailer>,
      now: () => vn('2026-12-08', '06:00'),
    });
    expect(await morning.planNotificationMail({ id: row.id })).toMatchObject({
      action: 'send',
      at: vn('2026-12-08', '06:00').getTime(),
    });
  });

  it("a digest holds the day's items and is sent once per person per day", async () => {
    await h.db.notificationPreference.upsert({
      where: { userId: HOA },
      create: { userId: HOA, digestHour: 7 },
      update: { digestHour: 7 },
    });
    const { caseId } = await h.startCase('st-07', compressed('2026-12-08', 60_000));
    const screening = `${caseId}:screening`;
    const a = await queue(caseId, screening, 'screening', 'digest-1');
    const b2 = await queue(caseId, screening, 'risk_alert', 'digest-2');
    const acts = notificationActivities({ db: h.db, mailer: h.mailer as NonNullable<typeof h.mailer> });
    const plan = await acts.planNotificationMail({ id: a.id });
    expect(plan.action).toBe('digest');
    if (plan.action !== 'digest') return;
    expect(plan.digestId).toMatch(/^d-u-gv-hoa-\d{4}-\d{2}-\d{2}$/);
    // Both notifications' workflows reach the digest at its hour: the first sends, the second finds it done.
    expect(await acts.deliverDigest({ userId: HOA, digestId: plan.digestId })).toBe('sent');
    expect(await acts.deliverDigest({ userId: HOA, digestId: plan.digestId })).toBe('settled');
    const mails = mailsWith(`<${plan.digestId}@donghanh>`);
    expect(mails).toHaveLength(1);
    // Every item still waiting for the person (the quiet-hours test's held mail too) is in it.
    const inDigest = await h.db.notification.findMany({ where: { digestId: plan.digestId } });
    expect(inDigest.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b2.id]));
    expect(mails[0]?.subject).toBe(`[Đồng Hành] ${inDigest.length} việc cần làm hôm nay`);
    expect(mails[0]?.text).toContain('Sàng lọc hồ sơ mới');
    expect(mails[0]?.text).toContain('Cảnh báo nguy cơ cao');
    const rows = await h.db.notification.findMany({ where: { id: { in: [a.id, b2.id] } } });
    expect(rows.map((r) => [r.mail, r.digestId])).toEqual([
      ['SENT', plan.digestId],
      ['SENT', plan.digestId],
    ]);
  });
});
