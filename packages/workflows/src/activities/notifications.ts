import {
  claimNotificationMail,
  notificationPath,
  notificationPrefs,
  recordNotificationMailed,
  releaseNotificationMail,
  settleNotificationMail,
} from '@donghanh/db';
import {
  localDay,
  type MailItem,
  type NotificationFacts,
  nextDigestTime,
  nextMailTime,
  renderMail,
  wantsMail,
} from '@donghanh/domain';
import { ApplicationFailure } from '@temporalio/common';
import { ChannelError, type Mailer, unsubscribeToken } from '../notify/channel';
import { type ActivityDeps, clockOf } from './support';

/** `inMs`: how long the delivery workflow sleeps before it may go (the mail clock's real time). */
export type MailPlan =
  | { action: 'done'; why: string }
  | { action: 'send'; at: number; inMs?: number }
  | { action: 'digest'; at: number; userId: string; digestId: string; inMs?: number };

export type MailOutcome = 'sent' | 'confirmed' | 'skipped' | 'unconfirmed' | 'settled';

/**
 * Delivery of the outbox by e-mail (docs/notifications.md): plan (preferences, quiet hours,
 * digest), then deliver with the claim / send / record protocol that never sends a message twice.
 */
export function notificationActivities(deps: ActivityDeps) {
  const { db, mailer } = deps;
  const fallback = clockOf(deps).now;
  // The mail's clock (quiet hours, digests): the mailer's when it has one (tests speed it up).
  const now = () => mailer?.clock?.now() ?? fallback();
  const inMs = (at: number) => mailer?.clock?.realMsUntil(new Date(at)) ?? at - now().getTime();

  async function recipient(userId: string) {
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { email: true, disabledAt: true },
    });
    return user && !user.disabledAt && user.email ? user.email : null;
  }

  /** Where the mail's link leads: the task, or the school's report of the round (needs signing in). */
  async function linkOf(appUrl: string, i: { taskId: string | null; reportId: string | null }) {
    const report = i.reportId
      ? await db.schoolReport.findUnique({
          where: { id: i.reportId },
          select: { round: true, schoolId: true },
        })
      : null;
    return `${appUrl.replace(/\/$/, '')}${notificationPath(i, report ?? undefined) ?? '/'}`;
  }

  async function message(
    items: { taskId: string | null; reportId: string | null; kind: string; facts: unknown }[],
    userId: string,
    to: string,
    messageId: string,
  ) {
    const m = mailer as Mailer;
    const prefs = await notificationPrefs(db, userId);
    const unsubscribeLink = `${m.appUrl.replace(/\/$/, '')}/unsubscribe?u=${encodeURIComponent(userId)}&t=${unsubscribeToken(m.unsubscribeSecret, userId)}`;
    const mailItems: MailItem[] = [];
    for (const i of items)
      mailItems.push({ kind: i.kind, facts: i.facts as NotificationFacts, link: await linkOf(m.appUrl, i) });
    const content = renderMail(mailItems, { language: prefs.language, unsubscribeLink });
    return {
      to,
      messageId,
      ...content,
      headers: { 'List-Unsubscribe': `<${unsubscribeLink}>` },
    };
  }

  /** Whether, when and how a notification's mail goes (read again at delivery: a preference may change meanwhile). */
  async function planMail(args: { id: string }): Promise<MailPlan> {
    const row = await db.notification.findUniqueOrThrow({ where: { id: args.id } });
    if (row.mail !== 'PENDING' && row.mail !== 'SENDING') return { action: 'done', why: row.mail };
    if (!mailer) {
      await settleNotificationMail(db, row.id, 'SKIPPED', 'no mail channel');
      return { action: 'done', why: 'no mail channel' };
    }
    const prefs = await notificationPrefs(db, row.userId);
    if (!wantsMail(prefs, row.kind)) {
      await settleNotificationMail(db, row.id, 'SKIPPED', 'preference: no e-mail');
      return { action: 'done', why: 'preference' };
    }
    if (!(await recipient(row.userId))) {
      await settleNotificationMail(db, row.id, 'SKIPPED', 'no e-mail address');
      return { action: 'done', why: 'no address' };
    }
    const at = now();
    if (prefs.digestHour !== null) {
      const when = nextDigestTime(row.createdAt, prefs);
      return {
        action: 'digest',
        at: when.getTime(),
        inMs: inMs(when.getTime()),
        userId: row.userId,
        digestId: `d-${row.userId}-${localDay(when, prefs.timeZone)}`,
      };
    }
    const sendAt = nextMailTime(at, prefs).getTime();
    return { action: 'send', at: sendAt, inMs: inMs(sendAt) };
  }

  return {
    planNotificationMail: planMail,

    /**
     * Sends one notification's mail, at most once: SENDING is recorded before the send; a later
     * attempt that finds SENDING asks the channel whether the message id arrived (the catcher
     * can say, a plain SMTP server cannot — then it is never resent and stays UNCONFIRMED).
     */
    async deliverNotificationMail(args: {
      id: string;
      due?: boolean;
    }): Promise<MailOutcome | { hold: MailPlan }> {
      // Planned in the same attempt (one activity per mail in the common case): a mail that must
      // wait — quiet hours, the digest — comes back to the workflow, which sleeps and calls again.
      const plan = await planMail(args);
      if (plan.action === 'done')
        return plan.why === 'SENT' || plan.why === 'UNCONFIRMED' ? 'settled' : 'skipped';
      if (plan.action === 'digest') return { hold: plan };
      if (!args.due && plan.at > now().getTime() + 1_000) return { hold: plan };
      if (!mailer) return 'skipped';
      let claim = await claimNotificationMail(db, args.id);
      if (claim.state === 'settled') return 'settled';
      if (claim.state === 'in_doubt') {
        const held = await mailer.channel.wasAccepted(claim.row.messageId);
        if (held === true) {
          await recordNotificationMailed(db, [claim.row], {
            at: now(),
            smtpResponse: 'accepted before an interrupted attempt (confirmed by the catcher)',
          });
          return 'confirmed';
        }
        if (held === undefined) {
          await settleNotificationMail(
            db,
            claim.row.id,
            'UNCONFIRMED',
            'an attempt was interrupted mid-send',
          );
          return 'unconfirmed';
        }
        await releaseNotificationMail(db, claim.row.id, 'interrupted before the server took it');
        claim = await claimNotificationMail(db, args.id);
        if (claim.state !== 'claimed') return 'settled';
      }
      const row = claim.row;
      const to = await recipient(row.userId);
      if (!to) {
        await settleNotificationMail(db, row.id, 'SKIPPED', 'no e-mail address');
        return 'skipped';
      }
      const msg = await message([row], row.userId, to, row.messageId);
      let response: string;
      try {
        ({ response } = await mailer.channel.send(msg));
      } catch (error) {
        const e = error instanceof ChannelError ? error : new ChannelError(String(error), false);
        // Certainly not taken: back to PENDING and try again later (Temporal's backoff).
        if (e.notAccepted) await releaseNotificationMail(db, row.id, e.message);
        // Otherwise the row stays SENDING: the next attempt asks before sending.
        throw ApplicationFailure.create({ type: 'MailNotSent', message: e.message });
      }
      await recordNotificationMailed(db, [row], { at: now(), smtpResponse: response });
      return 'sent';
    },

    /**
     * The person's daily digest: every notification still pending for them, in one mail with the
     * digest's own message id (`d-<user>-<day>`), once per person per day.
     */
    async deliverDigest(args: { userId: string; digestId: string }): Promise<MailOutcome> {
      if (!mailer) return 'skipped';
      const messageId = `<${args.digestId}@donghanh>`;
      const prior = await db.notification.findMany({ where: { digestId: args.digestId } });
      if (prior.some((r) => r.mail === 'SENT')) return 'settled';
      const inDoubt = prior.filter((r) => r.mail === 'SENDING');
      if (inDoubt.length > 0) {
        const held = await mailer.channel.wasAccepted(messageId);
        if (held === true) {
          await recordNotificationMailed(db, inDoubt, {
            at: now(),
            smtpResponse: 'digest confirmed',
            digestId: args.digestId,
          });
          return 'confirmed';
        }
        if (held === undefined) {
          for (const r of inDoubt)
            await settleNotificationMail(db, r.id, 'UNCONFIRMED', 'digest interrupted');
          return 'unconfirmed';
        }
      }
      // Claim what is pending for the person; a concurrent call for the same digest waits on the
      // rows' locks and then finds them taken.
      const claimed = await db.$queryRaw<{ id: string }[]>`
        UPDATE "Notification" SET mail = 'SENDING', "digestId" = ${args.digestId}, "mailAttempts" = "mailAttempts" + 1
        WHERE "userId" = ${args.userId} AND (mail = 'PENDING' OR ("digestId" = ${args.digestId} AND mail = 'SENDING'))
        RETURNING id`;
      if (claimed.length === 0) return 'settled';
      const rows = await db.notification.findMany({
        where: { id: { in: claimed.map((c) => c.id) } },
        orderBy: { createdAt: 'asc' },
      });
      const to = await recipient(args.userId);
      if (!to) {
        for (const r of rows) await settleNotificationMail(db, r.id, 'SKIPPED', 'no e-mail address');
        return 'skipped';
      }
      const msg = await message(rows, args.userId, to, messageId);
      try {
        const { response } = await mailer.channel.send(msg);
        await recordNotificationMailed(db, rows, {
          at: now(),
          smtpResponse: response,
          digestId: args.digestId,
        });
        return 'sent';
      } catch (error) {
        const e = error instanceof ChannelError ? error : new ChannelError(String(error), false);
        if (e.notAccepted) for (const r of rows) await releaseNotificationMail(db, r.id, e.message);
        throw ApplicationFailure.create({ type: 'MailNotSent', message: e.message });
      }
    },
  };
}

export type NotificationActivities = ReturnType<typeof notificationActivities>;
