import { countInboxTasks } from '@donghanh/db';
import { z } from 'zod';
import { signedIn } from '../access/rules';
import { listInbox } from '../operations/task/list-inbox';
import { createRouter, guarded } from '../trpc';

export const taskRouter = createRouter({
  /** My open tasks: named for me, or for a role I hold on the task's unit. */
  inbox: guarded(signedIn, z.object({}).default({})).query(({ ctx }) => listInbox(ctx)),
  // wall (issue 14): the menu's badges — the same tasks as the inbox, counted by type.
  counts: guarded(signedIn, z.object({}).default({})).query(({ ctx }) =>
    countInboxTasks(ctx.db, { userId: ctx.user.id, roles: ctx.user.roles }),
  ),
});
