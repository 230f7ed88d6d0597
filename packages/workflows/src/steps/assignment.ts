import { condition, patched, setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import { assignHelperUpdate, type CaseWorkflowState, respondOfferUpdate, type StepResult } from '../messages';

/** The coordinator offers the case to a teacher; the teacher accepts or declines. */
export function registerAssignmentSteps(ctx: CaseContext): void {
  const { c, state, timing, run, openTask, closeTask, requireStep } = ctx;

  setHandler(
    assignHelperUpdate,
    async (args) => {
      const round = state.assignmentRound;
      const r = await run('flow', () =>
        activities.recordOffer({
          ...args,
          caseId: c,
          round,
          schoolUnitId: state.schoolUnitId,
          offerResponseMs: timing.offerResponseMs,
        }),
      );
      closeTask(args.taskId);
      openTask(r.offerTaskId);
      ctx.offerAnswered = false;
      state.offer = { round, taskId: r.offerTaskId, helperId: args.helperId };
      return { caseId: r.caseId, stage: r.stage, eventId: r.eventId };
    },
    {
      validator: (args) => {
        requireStep('assignment', args.taskId, 'NOT_AT_ASSIGNMENT');
        if (state.offer) reject('OFFER_PENDING');
        if (args.coHelperIds?.includes(args.helperId)) reject('HELPER_ALSO_CO_HELPER');
        if (new Set(args.coHelperIds ?? []).size !== (args.coHelperIds ?? []).length)
          reject('CO_HELPERS_DUPLICATED');
      },
    },
  );

  setHandler(
    respondOfferUpdate,
    async (args): Promise<StepResult> => {
      const offer = state.offer as NonNullable<CaseWorkflowState['offer']>;
      ctx.offerAnswered = true;
      try {
        const r = await run('flow', () =>
          activities.recordOfferAnswer({
            caseId: c,
            round: offer.round,
            taskId: args.taskId,
            actorId: args.actorId,
            accept: args.accept,
            reason: args.reason,
            schoolUnitId: state.schoolUnitId,
            nextMs: args.accept ? timing.planMs : timing.assignmentMs,
            planVersion: state.planVersion + 1,
          }),
        );
        closeTask(args.taskId);
        state.offer = null;
        if (args.accept) {
          state.helperId = args.actorId;
          state.stage = 'plan';
          state.planVersion += 1;
          openTask(taskIds.plan(c, state.planVersion));
        } else {
          state.assignmentRound = offer.round + 1;
          openTask(taskIds.assign(c, state.assignmentRound));
        }
        return r;
      } catch (error) {
        ctx.offerAnswered = false;
        throw error;
      }
    },
    {
      validator: (args) => {
        requireStep('assignment', args.taskId, 'NOT_AT_ASSIGNMENT');
        if (!state.offer || state.offer.taskId !== args.taskId) reject('OFFER_STALE');
        if (state.offer.helperId !== args.actorId) reject('NOT_OFFERED_TEACHER');
        if (!args.accept && blank(args.reason)) reject('REFUSAL_REASON_REQUIRED');
      },
    },
  );
}

/** h13: the warning before an offer lapses (docs/notifications.md). */
const OFFER_LAPSE_WARNING = 'offer-lapse-warning-2026-12';

// ── the phases ──────────────────────────────────────────────────────────────────────────
export async function assignmentPhase(ctx: CaseContext): Promise<void> {
  const { c, state, timing, openTask, closeTask } = ctx;
  // An unanswered offer lapses after the campaign's delay and returns to the coordinator.
  while (state.stage === 'assignment') {
    await condition(() => state.offer !== null || state.stage !== 'assignment');
    const offer = state.offer;
    if (!offer) continue;
    const isAnswered = () => ctx.offerAnswered || state.offer !== offer;
    // h13: the teacher is warned `offerWarningMs` before the offer lapses, unless they answered
    // first. Histories recorded before the warning replay on the single wait below.
    const warnAfter = timing.offerResponseMs - timing.offerWarningMs;
    let answered: boolean;
    if (timing.offerWarningMs > 0 && warnAfter > 0 && patched(OFFER_LAPSE_WARNING)) {
      answered = await condition(isAnswered, warnAfter);
      if (!answered) {
        await activities.warnOfferLapsing({
          caseId: c,
          round: offer.round,
          taskId: offer.taskId,
          helperId: offer.helperId,
        });
        answered = await condition(isAnswered, timing.offerWarningMs);
      }
    } else {
      answered = await condition(isAnswered, timing.offerResponseMs);
    }
    if (answered) {
      await condition(() => state.offer !== offer || !ctx.offerAnswered); // the answer was written, or failed
      continue;
    }
    state.offer = null; // from here a late answer is rejected by the validator
    closeTask(offer.taskId);
    await activities.recordOfferExpired({
      caseId: c,
      round: offer.round,
      taskId: offer.taskId,
      schoolUnitId: state.schoolUnitId,
      assignmentMs: timing.assignmentMs,
    });
    state.assignmentRound = offer.round + 1;
    openTask(taskIds.assign(c, state.assignmentRound));
  }
}
