import { z } from 'zod';
import { admin } from '../access/rules';
import { createRouter, guarded } from '../trpc';

export const auditRouter = createRouter({
  /** The audit trail, newest first: admins read it; no procedure writes or edits it. */
  list: guarded(
    admin,
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
  ).query(async ({ ctx, input }) => {
    const rows = await ctx.db.auditLog.findMany({ orderBy: { id: 'desc' }, take: input.limit });
    return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
  }),
});
