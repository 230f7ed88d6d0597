import { createHash } from 'node:crypto';
import { isNotificationKind, type NotificationFacts, notificationFacts } from '@donghanh/domain';
import type { Db } from '../client';
import type { Prisma, RoleName } from '../generated/prisma/client';
import type { TaskSpec } from './case-step';
import { type Tx, withCaseEvent } from './record-case-event';

/**
 * The delivery's key: one notification per (subject, kind, recipient, round), whoever retries.
 * The subject is the task's id, or `report:<id>` for a report round.
 */
export function notificationId(subject: string, kind: string, userId: string, round: string): string {
  return `n-${createHash('sha256').update(`${subject}\u0000${kind}\u0000${userId}\u0000${round}`).digest('hex').slice(0, 32)}`;
}

/** The subject of a notification about a school's report round (h13). */
export const reportSubject = (reportId: string) => `report:${reportId}`;

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

interface TaskFacts {
  id: string;
  type: string;
  assigneeUserId: string | null;
  assigneeRole: RoleName | null;
  scopeUnitId: string | null;
  dueOn: string | null;
  payload: unknown;
}

interface Holder {
  role: RoleName;
  unitId: string;
  userId: string;
}

/**
 * Writes the outbox rows for a step, inside the step's transaction: nothing is notified unless
 * the step commits, and a retried step (same key) writes nothing. `round` is the step's
 * idempotency key, so a task reopened later is notified again. The actor is never notified of
 * the task their own step opened.
 *
 * Two statements at most on the step's hot path (h13): one read — the case's code and school,
 * the tasks the step did not just open, and every holder of the roles concerned — and one insert.
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
  // The tasks this step opened are known as written; only the others are read.
  const known = new Map<string, TaskFacts>();
  for (const t of o.opened ?? [])
    known.set(t.id, {
      id: t.id,
      type: t.type,
      assigneeUserId: t.assigneeUserId ?? null,
      assigneeRole: t.assigneeRole ?? null,
      scopeUnitId: t.scopeUnitId ?? null,
      dueOn: t.dueOn ?? null,
      payload: t.payload ?? {},
    });
  const toRead = [...new Set(specs.map((s) => s.taskId).filter((id) => !known.has(id)))];
  // Role holders wanted: (role, unit) pairs of known tasks, plus every role asked on the units of
  // the tasks read (filtered below once the task is known).
  const pairRoles: string[] = [];
  const pairUnits: string[] = [];
  const extraRoles = new Set<string>();
  for (const spec of specs) {
    if (spec.userIds) continue;
    for (const r of spec.alsoRoles ?? []) extraRoles.add(r);
    const t = known.get(spec.taskId);
    if (!t?.scopeUnitId) continue;
    for (const r of [...(t.assigneeRole ? [t.assigneeRole] : []), ...(spec.alsoRoles ?? [])]) {
      pairRoles.push(r);
      pairUnits.push(t.scopeUnitId);
    }
  }
  const [found] = await tx.$queryRaw<
    { code: string; school: string; tasks: TaskFacts[]; holders: Holder[] }[]
  >`
    WITH read AS (
      SELECT id, type, "assigneeUserId", "assigneeRole"::text AS "assigneeRole", "scopeUnitId",
             to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", payload
      FROM "Task" WHERE id = ANY(${toRead}::text[])
    ), wanted AS (
      SELECT * FROM unnest(${pairRoles}::text[], ${pairUnits}::text[]) AS w(role, "unitId")
      UNION
      SELECT r.role, read."scopeUnitId" FROM read,
        LATERAL unnest(array_append(${[...extraRoles]}::text[], read."assigneeRole")) AS r(role)
      WHERE read."scopeUnitId" IS NOT NULL AND r.role IS NOT NULL
    )
    SELECT c.code, s.name AS school,
      (SELECT coalesce(json_agg(read), '[]'::json) FROM read) AS tasks,
      (SELECT coalesce(json_agg(json_build_object('role', ra.role, 'unitId', ra."unitId", 'userId', ra."userId")), '[]'::json)
         FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" AND u."disabledAt" IS NULL
         JOIN wanted w ON w.role = ra.role::text AND w."unitId" = ra."unitId") AS holders
    FROM "Case" c JOIN "School" s ON s.id = c."schoolId" WHERE c.id = ${o.caseId}`;
  if (!found) return 0;
  for (const t of found.tasks) known.set(t.id, t);
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const spec of specs) {
    const task = known.get(spec.taskId);
    if (!task) continue;
    const userIds = new Set(spec.userIds ?? []);
    if (!spec.userIds) {
      if (task.assigneeUserId) userIds.add(task.assigneeUserId);
      const roles = [...(task.assigneeRole ? [task.assigneeRole] : []), ...(spec.alsoRoles ?? [])];
      for (const h of found.holders)
        if (h.unitId === task.scopeUnitId && roles.includes(h.role)) userIds.add(h.userId);
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
      caseCode: found.code,
      taskType: task.type,
      dueOn: task.dueOn,
      schoolName: found.school,
      period,
    });
    for (const userId of [...userIds].sort()) {
      const id = notificationId(spec.taskId, spec.kind, userId, o.round);
      rows.push({
        id,
        userId,
        caseId: o.caseId,
        taskId: spec.taskId,
        subject: spec.taskId,
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

/** A notification about a school's report round: to every holder of these roles on these units. */
export interface ReportNotifySpec {
  kind: string;
  to: { role: RoleName; unitId: string }[];
}

/**
 * The outbox rows of a report round's step (h13), in the step's transaction: one read (the
 * report's school and round, and the holders of the roles) and one insert, keyed like a case's
 * by (subject, kind, recipient, round) with the subject `report:<id>`. The facts carry no case:
 * the school, the round's number, its due day — a report holds no child anyway.
 */
export async function queueReportNotifications(
  tx: Tx,
  o: { reportId: string; round: string; actorId?: string | null; specs: ReportNotifySpec[] },
): Promise<number> {
  if (o.specs.length === 0) return 0;
  const roles = o.specs.flatMap((s) => s.to.map((t) => t.role as string));
  const units = o.specs.flatMap((s) => s.to.map((t) => t.unitId));
  const [found] = await tx.$queryRaw<{ school: string; round: number; dueOn: string; holders: Holder[] }[]>`
    SELECT s.name AS school, r.round, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn",
      (SELECT coalesce(json_agg(json_build_object('role', ra.role, 'unitId', ra."unitId", 'userId', ra."userId")), '[]'::json)
         FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" AND u."disabledAt" IS NULL
         JOIN unnest(${roles}::text[], ${units}::text[]) AS w(role, "unitId")
           ON w.role = ra.role::text AND w."unitId" = ra."unitId") AS holders
    FROM "SchoolReport" r JOIN "School" s ON s.id = r."schoolId" WHERE r.id = ${o.reportId}`;
  if (!found) return 0;
  const subject = reportSubject(o.reportId);
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const spec of o.specs) {
    const userIds = new Set<string>();
    for (const h of found.holders)
      if (spec.to.some((t) => t.role === h.role && t.unitId === h.unitId)) userIds.add(h.userId);
    if (o.actorId) userIds.delete(o.actorId);
    const facts = notificationFacts({
      caseCode: null,
      taskType: spec.kind,
      dueOn: found.dueOn,
      schoolName: found.school,
      period: null,
      reportRound: found.round,
    });
    for (const userId of [...userIds].sort()) {
      const id = notificationId(subject, spec.kind, userId, o.round);
      rows.push({
        id,
        userId,
        subject,
        reportId: o.reportId,
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
  rows: Pick<NotificationRow, 'id' | 'caseId' | 'taskId' | 'reportId' | 'kind' | 'userId'>[],
  o: { at: Date; smtpResponse: string; digestId?: string },
): Promise<void> {
  for (const row of rows) {
    const mark = async (tx: Tx) => {
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
    };
    const payload = {
      kind: row.kind,
      recipientId: row.userId,
      ...(o.digestId ? { digest: true } : {}),
    };
    if (row.caseId) {
      await withCaseEvent(
        db,
        {
          caseId: row.caseId,
          type: 'case.notification_mailed',
          payload: { ...payload, taskId: row.taskId },
          idempotencyKey: `mail:${row.id}`,
        },
        mark,
      );
      continue;
    }
    // A report round's notification (h13): the row says it was mailed (a report's events are
    // its steps, read by the office's live view; a mail is not one of them).
    await db.$transaction(mark);
  }
}

/** A person's preferences row (or null: the defaults). */
export async function notificationPrefsRow(db: Db | Tx, userId: string) {
  return db.notificationPreference.findUnique({ where: { userId } });
}
