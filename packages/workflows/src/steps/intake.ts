import { condition, setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { type IdentifyResult, identifyUpdate, screenUpdate, stateQuery } from '../messages';

/** The case's state for readers, its identification (update-with-start), and screening. */
export function registerIntakeSteps(ctx: CaseContext): void {
  const { c, state, timing, run, openTask, closeTask, requireStep } = ctx;

  setHandler(stateQuery, () => state);
  setHandler(identifyUpdate, async () => {
    await condition(() => ctx.identified !== undefined);
    return ctx.identified as IdentifyResult;
  });

  setHandler(
    screenUpdate,
    async (args) => {
      const r = await run('flow', () =>
        activities.recordScreening({
          caseId: c,
          taskId: args.taskId,
          actorId: args.actorId,
          decision: args.decision,
          reason: args.reason,
          schoolUnitId: state.schoolUnitId,
          assignmentMs: timing.assignmentMs,
        }),
      );
      closeTask(args.taskId);
      state.stage = r.stage;
      if (r.assignTaskId) {
        state.assignmentRound = 1;
        openTask(r.assignTaskId);
      }
      return { caseId: r.caseId, stage: r.stage, eventId: r.eventId };
    },
    {
      validator: (args) => {
        requireStep('identified', args.taskId, 'NOT_AT_SCREENING');
        if (args.decision === 'decline' && blank(args.reason)) reject('DECLINE_REASON_REQUIRED');
      },
    },
  );
}
