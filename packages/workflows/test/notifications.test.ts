import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCheckInUpdate } from '../src/messages';
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
  // These tests run at any hour: no quiet hours for them (the quiet-hours test sets its own).
  for (const id of [LAN, UYEN, COORDINATOR, PRINCIPAL, 'u-gv-thuy', 'u-gv-duc'])
    await h.db.notificationPreference.create({ data: { userId: id, quietStart: 0, quietEnd: 0 } });
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
