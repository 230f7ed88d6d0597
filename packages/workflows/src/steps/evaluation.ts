import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import {
  type CaseWorkflowState,
  type DecideArgs,
  reviewEvaluationUpdate,
  signOffEvaluationUpdate,
  startEvaluationUpdate,
  submitEvaluationUpdate,
} from '../messages';

/** The semester evaluation: drafted by the helper, reviewed, signed off (or returned). */
export function registerEvaluationSteps(ctx: CaseContext): void {
  const {
    scope,
    c,
    state,
    timing,
    run,
    openTask,
    closeTask,
    leaveHelp,
    requireStage,
    requireIdle,
    requireStep,
  } = ctx;

  setHandler(
    startEvaluationUpdate,
    async (args) => {
      const term = ctx.currentTerm as NonNullable<typeof ctx.currentTerm>;
      return openEvaluation(ctx, term.key, term.evaluationDueAt, term.evaluationDueOn, args);
    },
    {
      validator: (args) => {
        requireStage(['active'], 'NOT_IN_HELP');
        requireIdle();
        if (!ctx.currentTerm) reject('TERM_BEING_PLANNED');
        if (state.evaluation?.term === ctx.currentTerm.key) reject('TERM_ALREADY_EVALUATED');
        if (blank(args.reason)) reject('EARLY_EVALUATION_REASON_REQUIRED');
      },
    },
  );

  const evalTask = (kind: 'evaluation' | 'evaluationReview' | 'evaluationSignOff') => {
    const e = state.evaluation;
    return e ? taskIds[kind](c, e.term, e.version) : '';
  };

  setHandler(
    submitEvaluationUpdate,
    async (args) => {
      const e = state.evaluation as NonNullable<CaseWorkflowState['evaluation']>;
      const r = await run('flow', () =>
        activities.recordEvaluationDraft({
          ...scope(),
          ...args,
          term: e.term,
          version: e.version,
          dueAt: Date.now() + timing.planReviewMs,
        }),
      );
      closeTask(args.taskId);
      e.step = 'review';
      openTask(evalTask('evaluationReview'));
      return r;
    },
    {
      validator: (args) => {
        requireStep('evaluation', args.taskId, 'NOT_AT_EVALUATION');
        if (state.evaluation?.step !== 'draft' || args.taskId !== evalTask('evaluation'))
          reject('NO_EVALUATION_DRAFT_PENDING');
        if (args.actorId !== state.helperId) reject('ONLY_HELPER_DRAFTS_EVALUATION');
      },
    },
  );

  /** What the coordinator's review and the principal's sign-off both record. */
  const decision = (args: DecideArgs, e: NonNullable<CaseWorkflowState['evaluation']>) => ({
    ...scope(),
    ...args,
    term: e.term,
    version: e.version,
    helperId: state.helperId as string,
    dueAt: Date.now() + timing.planReviewMs,
  });

  /** A returned evaluation goes back to the helper as a new version. */
  function returnEvaluation() {
    const e = state.evaluation as NonNullable<CaseWorkflowState['evaluation']>;
    state.evaluationVersion = e.version + 1;
    state.evaluation = { ...e, version: e.version + 1, step: 'draft' };
    openTask(evalTask('evaluation'));
  }

  setHandler(
    reviewEvaluationUpdate,
    async (args) => {
      const e = state.evaluation as NonNullable<CaseWorkflowState['evaluation']>;
      const r = await run('flow', () => activities.recordEvaluationReview(decision(args, e)));
      closeTask(args.taskId);
      if (args.approve) {
        e.step = 'signoff';
        openTask(evalTask('evaluationSignOff'));
      } else returnEvaluation();
      return r;
    },
    {
      validator: (args) => {
        requireStep('evaluation', args.taskId, 'NOT_AT_EVALUATION');
        if (state.evaluation?.step !== 'review' || args.taskId !== evalTask('evaluationReview'))
          reject('NO_EVALUATION_TO_REVIEW');
        if (args.actorId === state.helperId) reject('EVALUATION_SELF_REVIEW');
        if (!args.approve && blank(args.comment)) reject('EVALUATION_RETURN_COMMENT_REQUIRED');
      },
    },
  );

  setHandler(
    signOffEvaluationUpdate,
    async (args) => {
      const e = state.evaluation as NonNullable<CaseWorkflowState['evaluation']>;
      const r = await run('flow', () => activities.recordEvaluationSignOff(decision(args, e)));
      closeTask(args.taskId);
      if (!args.approve) returnEvaluation();
      else if (r.closes) {
        leaveHelp();
        state.stage = 'closed';
      } else {
        e.step = 'done';
        state.stage = 'active';
      }
      return { caseId: r.caseId, stage: r.stage, eventId: r.eventId };
    },
    {
      validator: (args) => {
        requireStep('evaluation', args.taskId, 'NOT_AT_EVALUATION');
        if (state.evaluation?.step !== 'signoff' || args.taskId !== evalTask('evaluationSignOff'))
          reject('NO_EVALUATION_TO_SIGN_OFF');
        if (args.actorId === state.helperId) reject('EVALUATION_SELF_SIGN_OFF');
        if (!args.approve && blank(args.comment)) reject('EVALUATION_RETURN_COMMENT_REQUIRED');
      },
    },
  );
}

// ── the semester evaluation ─────────────────────────────────────────────────────────────
export async function openEvaluation(
  ctx: CaseContext,
  term: string,
  dueAt: number,
  dueOn: string | undefined,
  early?: { actorId: string; reason: string },
) {
  const { scope, c, state, run, openTask } = ctx;
  const version = state.evaluationVersion + 1;
  const r = await run('flow', () =>
    activities.openEvaluation({
      ...scope(),
      term,
      version,
      helperId: state.helperId as string,
      dueAt,
      dueOn,
      early,
    }),
  );
  state.evaluationVersion = version;
  state.evaluation = { term, version, step: 'draft', dueAt };
  state.stage = 'evaluation';
  openTask(taskIds.evaluation(c, term, version));
  return r;
}
