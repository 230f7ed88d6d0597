import {
  listNotifications,
  markNotificationsRead,
  notificationPrefs,
  saveNotificationPrefs,
  systemNow,
} from '@donghanh/db';
import { DEFAULT_NOTIFICATION_PREFS } from '@donghanh/domain';
import { z } from 'zod';
import { signedIn } from '../access/rules';
import { taskOutcome } from '../operations/notification/task-outcome';
import { createRouter, guarded } from '../trpc';
import { markReadInput, preferencesInput, taskOutcomeInput } from './notification.schema';

/** The bell (issue 13): a person's own notifications, read state and mail preferences only. */
export const notificationRouter = createRouter({
  list: guarded(signedIn, z.object({}).default({})).query(({ ctx }) =>
    listNotifications(ctx.db, ctx.user.id),
  ),
  // The calendar's now, as every other stamp outside a workflow (a pinned demo day included).
  markRead: guarded(signedIn, markReadInput).mutation(async ({ ctx, input }) => ({
    unread: await markNotificationsRead(ctx.db, ctx.user.id, input.ids, systemNow()),
  })),
  preferences: guarded(signedIn, z.object({}).default({})).query(({ ctx }) =>
    notificationPrefs(ctx.db, ctx.user.id),
  ),
  setPreferences: guarded(signedIn, preferencesInput).mutation(async ({ ctx, input }) => {
    await saveNotificationPrefs(ctx.db, ctx.user.id, {
      ...input,
      timeZone: DEFAULT_NOTIFICATION_PREFS.timeZone,
    });
    return notificationPrefs(ctx.db, ctx.user.id);
  }),
  /** h13: a bell item's task that is no longer open (done, expired, cancelled): what became of it. */
  taskOutcome: guarded(signedIn, taskOutcomeInput).query(({ ctx, input }) => taskOutcome(ctx, input.taskId)),
});
