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
  return {
    unread,
    items: rows.map((r) => ({
      ...r,
      facts: r.facts as unknown as NotificationFacts,
      read: r.readAt !== null,
    })),
  };
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
