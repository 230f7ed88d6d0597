import { condition } from '@temporalio/workflow';
import { activities, type CaseContext } from '../case/case-state';

/**
 * A closed case waits for its erase-on day (set at closure from the campaign's retention), then
 * its personal data is erased. A reopening before then ends the wait; a legal hold answers
 * 'held' and the erasure is tried again after `erasureRetryMs` until the hold is lifted.
 * 'erased' ends the case's workflow: nothing is left to do, and its histories go with the
 * namespace's retention (docs/data-protection.md).
 */
export async function retentionPhase(ctx: CaseContext): Promise<'erased' | 'reopened'> {
  const { c, state, timing, busy } = ctx;
  const closed = () => state.stage === 'closed';
  let at = await activities.personalDataEraseAt({ caseId: c, clock: ctx.input.clock });
  for (;;) {
    if (at === null) {
      await condition(() => !closed());
      return 'reopened';
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
