import { condition, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { activities, type CaseContext } from '../case/case-state';
import type { RetentionFlag } from './apply-retention';

/** Temporal deletes asynchronously: the deletion waits for it, longer than a step's write. */
const histories = proxyActivities<CaseActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * A closed case waits for its erase-on day (set at closure from the campaign's retention), then
 * its personal data is erased. A reopening before then ends the wait; a legal hold answers
 * 'held' and the erasure is tried again after `erasureRetryMs` until the hold is lifted.
 * 'erased' ends the case's workflow: nothing is left to do, and the erasure activity has started
 * the deletion of its histories (workflows/history-erasure.ts, docs/data-protection.md). A case
 * closed by a withdrawal first deletes the runs before this one: they hold the free text the
 * withdrawal erased at once.
 */
export async function retentionPhase(
  ctx: CaseContext,
  retention: RetentionFlag,
): Promise<'erased' | 'reopened'> {
  const { c, state, timing, busy } = ctx;
  // Closed runs recorded before this existed replay without it.
  if (patched('withdrawal-deletes-earlier-runs'))
    await histories.deleteRunsBeforeWithdrawal({ caseId: c, keepRunId: workflowInfo().runId });
  const closed = () => state.stage === 'closed';
  let at = await activities.personalDataEraseAt({ caseId: c, clock: ctx.input.clock });
  for (;;) {
    if (at === null) {
      // No erase-on day (a closure recorded before the closure step set one): wait for a
      // reopening, or for an admin to apply retention, which sets the day; then read it again.
      const seen = retention.applications;
      await condition(() => !closed() || retention.applications > seen);
      if (!closed()) return 'reopened';
      at = await activities.personalDataEraseAt({ caseId: c, clock: ctx.input.clock });
      continue;
    }
    if (await ctx.until(at, () => !closed())) return 'reopened';
    // A reopening being written goes first; the erasure then finds the case open and waits no more.
    await condition(() => !busy.has('flow'));
    if (!closed()) return 'reopened';
    const outcome = await ctx.run('flow', () => activities.erasePersonalDataOf({ caseId: c }));
    if (outcome !== 'held') return 'erased';
    at = Date.now() + timing.erasureRetryMs;
  }
}
