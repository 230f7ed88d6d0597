import { condition, setHandler } from '@temporalio/workflow';
import { activities, type CaseContext } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import { consentRecordedUpdate } from '../messages';

const ENDED = ['closed', 'declined'];

/** The consent recorded through the API closes the task asking for the child's own, once it holds it. */
export function registerChildConsentSteps(ctx: CaseContext): void {
  const { c, state, scope, run, closeTask } = ctx;
  setHandler(consentRecordedUpdate, async () => {
    const id = taskIds.childConsent(c);
    if (!state.openTaskIds.includes(id)) return { closedTask: false };
    const given = await run('child-consent', () => activities.childConsentGiven(scope()));
    if (given) closeTask(id);
    return { closedTask: given };
  });
}

/**
 * Runs beside the main loop: when the child turns 7 during the case (on the case clock), the
 * coordinator gets a task to record the child's own consent, unless the consent on record already
 * holds it. Each run watches again; the task's key makes a second asking write nothing.
 */
export async function watchChildTurningSeven(ctx: CaseContext): Promise<void> {
  const { c, state, busy, scope, run, openTask } = ctx;
  if (state.openTaskIds.includes(taskIds.childConsent(c))) return;
  const at = await activities.childTurnsSevenAt({ caseId: c, clock: ctx.input.clock });
  if (at === null) return;
  if (await ctx.until(at, () => ENDED.includes(state.stage))) return;
  await condition(() => !busy.has('flow') && !busy.has('child-consent'));
  if (ENDED.includes(state.stage)) return;
  const id = await run('child-consent', () => activities.askChildConsent(scope()));
  if (id && !ENDED.includes(state.stage)) openTask(id);
}
