import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import { reviewPlanUpdate, submitPlanUpdate } from '../messages';

/** The helper writes the plan; the coordinator approves it or returns it. */
export function registerPlanSteps(ctx: CaseContext): void {
  const { c, state, timing, run, openTask, closeTask, requireStep } = ctx;

  setHandler(
    submitPlanUpdate,
    async (args) => {
      const version = state.planVersion;
      const r = await run('flow', () =>
        activities.recordPlanSubmitted({
          caseId: c,
          version,
          taskId: args.taskId,
          actorId: args.actorId,
          goals: args.goals,
          kinds: args.kinds,
          schoolUnitId: state.schoolUnitId,
          planReviewMs: timing.planReviewMs,
        }),
      );
      closeTask(args.taskId);
      openTask(taskIds.planReview(c, version));
      return r;
    },
    {
      validator: (args) => {
        requireStep('plan', args.taskId, 'NOT_AT_PLAN');
        if (args.taskId !== taskIds.plan(c, state.planVersion)) reject('PLAN_UNDER_REVIEW');
        if (args.actorId !== state.helperId) reject('ONLY_HELPER_PLANS');
        if (args.kinds.length === 0) reject('PLAN_KIND_REQUIRED');
      },
    },
  );

  setHandler(
    reviewPlanUpdate,
    async (args) => {
      const version = state.planVersion;
      const r = await run('flow', () =>
        activities.recordPlanReviewed({
          caseId: c,
          version,
          taskId: args.taskId,
          actorId: args.actorId,
          approve: args.approve,
          comment: args.comment,
          helperId: state.helperId as string,
          planMs: timing.planMs,
          schoolUnitId: state.schoolUnitId,
        }),
      );
      closeTask(args.taskId);
      if (args.approve) {
        state.stage = 'active';
      } else {
        state.planVersion = version + 1;
        openTask(taskIds.plan(c, state.planVersion));
      }
      return r;
    },
    {
      validator: (args) => {
        requireStep('plan', args.taskId, 'NOT_AT_PLAN');
        if (args.taskId !== taskIds.planReview(c, state.planVersion)) reject('NO_PLAN_TO_REVIEW');
        if (args.actorId === state.helperId) reject('PLAN_SELF_REVIEW');
        if (!args.approve && blank(args.comment)) reject('PLAN_RETURN_COMMENT_REQUIRED');
      },
    },
  );
}
