import { AppError } from '@donghanh/domain';
import { type ApplyRetentionResult, applyRetentionUpdate } from '@donghanh/workflows/messages';
import type { Context, SessionUser } from '../../context';
import { forwardStep } from '../case/forward-step';

type Ctx = Context & { user: SessionUser };

/**
 * Brings one closed case under the retention rule (admin): its workflow sets the erase-on day if
 * missing and, when its run was closed before retention existed, starts waiting for that day.
 */
export function applyRetention(ctx: Ctx, caseId: string): Promise<ApplyRetentionResult> {
  return forwardStep(ctx, caseId, applyRetentionUpdate, {});
}

/** How many closed cases one bulk call asks at most: the admin repeats it for more. */
export const APPLY_RETENTION_BATCH = 200;

/**
 * "Apply retention to closed cases without it": every closed case whose data is not erased is
 * asked, oldest closure first; a run already waiting for its day answers `started: false`. A
 * case whose workflow no longer runs is counted apart (it needs `erasePersonalData` by hand).
 */
export async function applyRetentionToClosed(ctx: Ctx) {
  const closed = await ctx.db.case.findMany({
    where: { stage: 'closed', personalDataErasedAt: null },
    select: { id: true, code: true },
    orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
    take: APPLY_RETENTION_BATCH,
  });
  const out = {
    asked: closed.length,
    started: 0,
    alreadyWaiting: 0,
    failed: [] as { code: string; error: string }[],
  };
  for (const c of closed) {
    try {
      const r = await applyRetention(ctx, c.id);
      if (r.started) out.started += 1;
      else out.alreadyWaiting += 1;
    } catch (error) {
      out.failed.push({ code: c.code, error: error instanceof AppError ? error.code : 'INTERNAL' });
    }
  }
  return out;
}
