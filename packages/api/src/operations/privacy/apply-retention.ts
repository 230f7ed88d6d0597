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
 * "Apply retention to closed cases without it": the closed cases with no erase-on day (closed
 * before retention existed; applying it sets the day, so a case is asked once) and data not
 * erased, by id, a batch per call: `afterCaseId` continues after the previous batch, so a case
 * whose workflow no longer runs (counted in `failed`: it needs `erasePersonalData` by hand) does
 * not hold the next ones back. `nextAfterCaseId` is null once there is nothing further.
 */
export async function applyRetentionToClosed(ctx: Ctx, input: { afterCaseId?: string | undefined } = {}) {
  const closed = await ctx.db.case.findMany({
    where: {
      stage: 'closed',
      personalDataErasedAt: null,
      personalDataEraseOn: null,
      ...(input.afterCaseId ? { id: { gt: input.afterCaseId } } : {}),
    },
    select: { id: true, code: true },
    orderBy: { id: 'asc' },
    take: APPLY_RETENTION_BATCH,
  });
  const out = {
    asked: closed.length,
    started: 0,
    alreadyWaiting: 0,
    failed: [] as { code: string; error: string }[],
    nextAfterCaseId: closed.length === APPLY_RETENTION_BATCH ? (closed.at(-1)?.id ?? null) : null,
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
