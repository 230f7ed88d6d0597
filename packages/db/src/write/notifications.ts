import { createHash } from 'node:crypto';
import { isNotificationKind, type NotificationFacts, notificationFacts } from '@donghanh/domain';
import type { Db } from '../client';
import type { Prisma, RoleName } from '../generated/prisma/client';
import type { TaskSpec } from './case-step';
import { type Tx, withCaseEvent } from './record-case-event';

/** The delivery's key: one notification per (task, kind, recipient, round), whoever retries. */
export function notificationId(taskId: string, kind: string, userId: string, round: string): string {
  return `n-${createHash('sha256').update(`${taskId}\u0000${kind}\u0000${userId}\u0000${round}`).digest('hex').slice(0, 32)}`;
}

/** The Message-ID every attempt of a notification's mail carries (and the catcher is asked by). */
export const mailMessageId = (id: string) => `<${id}@donghanh>`;

/** A notification a step decides: about a task, to its assignees or to named people. */
export interface NotifySpec {
  taskId: string;
  kind: string;
  /** Named recipients; otherwise the task's assignee (a user, or everyone holding the role there). */
  userIds?: string[];
  /** Roles on the task's unit notified besides its assignee (a risk alert reaches the principal). */
  alsoRoles?: RoleName[];
}

/**
 * Writes the outbox rows for a step, inside the step's transaction: nothing is notified unless
 * the step commits, and a retried step (same key) writes nothing. `round` is the step's
 * idempotency key, so a task reopened later is notified again. The actor is never notified of
 * the task their own step opened.
 */
export async function queueNotifications(
  tx: Tx,
  o: { caseId: string; round: string; actorId?: string | null; specs: NotifySpec[]; opened?: TaskSpec[] },
): Promise<number> {
  const specs: NotifySpec[] = [
    ...o.specs,
    ...(o.opened ?? [])
      .filter((t) => isNotificationKind(t.type))
      .map((t) => ({
        taskId: t.id,
        kind: t.type,
        ...(t.type === 'risk_alert' ? { alsoRoles: ['PRINCIPAL' as RoleName] } : {}),
      })),
  ];
  if (specs.length === 0) return 0;
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: o.caseId },
    select: { code: true, school: { select: { name: true } } },
  });
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const spec of specs) {
    const task = await tx.task.findUnique({
      where: { id: spec.taskId },
      select: {
        type: true,
        assigneeUserId: true,
        assigneeRole: true,
        scopeUnitId: true,
        dueOn: true,
        payload: true,
      },
    });
    if (!task) continue;
    const userIds = new Set(spec.userIds ?? []);
    if (!spec.userIds) {
      if (task.assigneeUserId) userIds.add(task.assigneeUserId);
      const roles = [...(task.assigneeRole ? [task.assigneeRole] : []), ...(spec.alsoRoles ?? [])];
      if (roles.length > 0 && task.scopeUnitId) {
        const holders = await tx.roleAssignment.findMany({
          where: { role: { in: roles }, unitId: task.scopeUnitId, user: { disabledAt: null } },
          select: { userId: true },
        });
        for (const h of holders) userIds.add(h.userId);
      }
    }
    if (o.actorId) userIds.delete(o.actorId);
    const payload = (task.payload ?? {}) as { month?: unknown; term?: unknown };
    const period =
      typeof payload.month === 'string'
        ? payload.month
        : typeof payload.term === 'string'
          ? payload.term
          : null;
    const facts: NotificationFacts = notificationFacts({
      caseCode: kase.code,
      taskType: task.type,
      dueOn: task.dueOn ? task.dueOn.toISOString().slice(0, 10) : null,
      schoolName: kase.school.name,
      period,
    });
    for (const userId of userIds) {
      const id = notificationId(spec.taskId, spec.kind, userId, o.round);
      rows.push({
        id,
        userId,
        caseId: o.caseId,
        taskId: spec.taskId,
        kind: spec.kind,
        round: o.round,
        facts: facts as unknown as Prisma.InputJsonObject,
        messageId: mailMessageId(id),
      });
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

export type NotificationRow = Prisma.NotificationGetPayload<object>;

/** What an attempt to mail a notification found. */
export type MailClaim =
  /** Ours to send: the row is now SENDING. */
  | { state: 'claimed'; row: NotificationRow }
  /** Already settled (sent, skipped, unconfirmed): nothing to do. */
  | { state: 'settled'; row: NotificationRow }
  /** A previous attempt was SENDING and never recorded its outcome: ask before sending. */
  | { state: 'in_doubt'; row: NotificationRow };

/**
 * Marks the row SENDING before any byte goes to the SMTP server, so an attempt that dies after
 * the server accepted the mail leaves a trace the next attempt sees.
 */
export async function claimNotificationMail(db: Db, id: string): Promise<MailClaim> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET mail = 'SENDING', "mailAttempts" = "mailAttempts" + 1
    WHERE id = ${id} AND mail = 'PENDING' RETURNING id`;
  const row = await db.notification.findUniqueOrThrow({ where: { id } });
  if (claimed.length > 0) return { state: 'claimed', row };
  return row.mail === 'SENDING' ? { state: 'in_doubt', row } : { state: 'settled', row };
}

/** The SMTP server refused or could not be reached before accepting: safe to try again. */
export async function releaseNotificationMail(db: Db, id: string, error: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, mail: 'SENDING' },
    data: { mail: 'PENDING', mailError: error.slice(0, 500) },
  });
}

/** The mail will not go: a preference, no address, a digest took it, or the outcome is unknown. */
export async function settleNotificationMail(
  db: Db,
  id: string,
  mail: 'SKIPPED' | 'UNCONFIRMED',
  note: string,
  digestId?: string,
): Promise<void> {
  await db.notification.updateMany({
    where: { id, mail: { in: ['PENDING', 'SENDING'] } },
    data: { mail, mailError: note.slice(0, 500), ...(digestId ? { digestId } : {}) },
  });
}

/**
 * The SMTP server accepted the mail: the row becomes SENT and the case's timeline says so, in one
 * transaction (keyed, so recording twice writes once). Only this writes "sent by e-mail".
 */
export async function recordNotificationMailed(
  db: Db,
  rows: Pick<NotificationRow, 'id' | 'caseId' | 'taskId' | 'kind' | 'userId'>[],
  o: { at: Date; smtpResponse: string; digestId?: string },
): Promise<void> {
  for (const row of rows) {
    await withCaseEvent(
      db,
      {
        caseId: row.caseId,
        type: 'case.notification_mailed',
        payload: {
          kind: row.kind,
          taskId: row.taskId,
          recipientId: row.userId,
          ...(o.digestId ? { digest: true } : {}),
        },
        idempotencyKey: `mail:${row.id}`,
      },
      async (tx) => {
        await tx.notification.update({
          where: { id: row.id },
          data: {
            mail: 'SENT',
            mailSentAt: o.at,
            smtpResponse: o.smtpResponse.slice(0, 300),
            mailError: null,
            ...(o.digestId ? { digestId: o.digestId } : {}),
          },
        });
      },
    );
  }
}

/** A person's preferences row (or null: the defaults). */
export async function notificationPrefsRow(db: Db | Tx, userId: string) {
  return db.notificationPreference.findUnique({ where: { userId } });
}
