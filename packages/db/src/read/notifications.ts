import {
  DEFAULT_NOTIFICATION_PREFS,
  type NotificationFacts,
  type NotificationLanguage,
  type NotificationPrefs,
} from '@donghanh/domain';
import type { Db } from '../client';

/** The bell: a person's latest notifications (allow-listed facts only) and how many are unread. */
export async function listNotifications(db: Db, userId: string, limit = 50) {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        caseId: true,
        taskId: true,
        reportId: true,
        kind: true,
        facts: true,
        createdAt: true,
        readAt: true,
        mail: true,
        mailSentAt: true,
      },
    }),
    unreadNotificationCount(db, userId),
  ]);
  const reportIds = [...new Set(rows.flatMap((r) => (r.reportId ? [r.reportId] : [])))];
  const reports =
    reportIds.length === 0
      ? []
      : await db.schoolReport.findMany({
          where: { id: { in: reportIds } },
          select: { id: true, round: true, schoolId: true },
        });
  const byId = new Map(reports.map((r) => [r.id, r]));
  return {
    unread,
    items: rows.map((r) => ({
      ...r,
      facts: r.facts as unknown as NotificationFacts,
      read: r.readAt !== null,
      path: notificationPath(r, r.reportId ? byId.get(r.reportId) : undefined),
    })),
  };
}

/**
 * Where a notification leads in the dashboard (needs signing in): the task's page, or the
 * school's report of the round (h13). Null when what it was about is gone.
 */
export function notificationPath(
  n: { taskId: string | null; reportId: string | null },
  report?: { round: number; schoolId: string },
): string | null {
  if (n.taskId) return `/tasks/${encodeURIComponent(n.taskId)}`;
  if (n.reportId && report)
    return `/reports?round=${report.round}&school=${encodeURIComponent(report.schoolId)}`;
  return null;
}

export async function unreadNotificationCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the person's own notifications read (the given ones, or all); returns the unread count. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | 'all', at: Date) {
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: ids } }) },
    data: { readAt: at },
  });
  return unreadNotificationCount(db, userId);
}

/** A person's preferences, the defaults filled in. */
export async function notificationPrefs(db: Db, userId: string): Promise<NotificationPrefs> {
  const row = await db.notificationPreference.findUnique({ where: { userId } });
  if (!row) return { ...DEFAULT_NOTIFICATION_PREFS };
  return {
    mailOff: row.mailOff,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    timeZone: row.timeZone,
    language: row.language as NotificationLanguage,
    digestHour: row.digestHour,
    unsubscribed: row.unsubscribed,
  };
}

export async function saveNotificationPrefs(db: Db, userId: string, prefs: NotificationPrefs): Promise<void> {
  await db.notificationPreference.upsert({ where: { userId }, create: { userId, ...prefs }, update: prefs });
}

/**
 * h13: a task the person was notified of, as it stands now (a bell item may outlive its task):
 * its status, when it was finished and by whom. Null unless a notification told them of it.
 */
export async function notifiedTask(db: Db, userId: string, taskId: string) {
  const told = await db.notification.findFirst({ where: { userId, taskId }, select: { id: true } });
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      assigneeUserId: true,
      id: true,
      type: true,
      status: true,
      completedAt: true,
      completedById: true,
      caseId: true,
      case: { select: { code: true } },
    },
  });
  // Told of it by the bell, or it was the person's own task (a teacher back on the task she just
  // finished): anyone else learns nothing, not even that the task exists.
  if (!task || (!told && task.assigneeUserId !== userId && task.completedById !== userId)) return null;
  const by = task.completedById
    ? await db.user.findUnique({ where: { id: task.completedById }, select: { displayName: true } })
    : null;
  return { ...task, completedByName: by?.displayName ?? null };
}
