import { listInboxTasks } from '@donghanh/db';
import { z } from 'zod';
import { signedIn } from '../access/rules';
import { createRouter, guarded } from '../trpc';

export const taskRouter = createRouter({
  /** My open tasks: named for me, or for a role I hold on the task's unit. */
  inbox: guarded(signedIn, z.object({}).default({})).query(({ ctx }) =>
    listInboxTasks(ctx.db, { userId: ctx.user.id, roles: ctx.user.roles }),
  ),
});
