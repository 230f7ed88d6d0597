import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import {
  type CaseWorkflowState,
  decideClosureUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  type StepResult,
  withdrawConsentUpdate,
} from '../messages';

/** Closure proposed and decided; a closed case reopened. */
export function registerClosureSteps(ctx: CaseContext): void {
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
    proposeClosureUpdate,
    async (args) => {
      const round = state.counters.closure + 1;
      const returnTo = state.stage as StepResult['stage'];
      const r = await run('flow', () => activities.proposeClosure({ ...scope(), ...args, round }));
      state.counters.closure = round;
      state.closure = { reason: args.reason, returnTo, round };
      state.stage = 'closure';
      openTask(taskIds.closure(c, round));
      return r;
    },
    {
      validator: (args) => {
        requireStage(['assignment', 'plan', 'active', 'evaluation'], 'NOT_IN_PROGRESS');
        requireIdle();
        if (state.transfer) reject('TRANSFER_PENDING');
        if (args.reason === 'other' && blank(args.note)) reject('CLOSURE_NOTE_REQUIRED');
      },
    },
  );

  setHandler(
    decideClosureUpdate,
    async (args) => {
      const closure = state.closure as NonNullable<CaseWorkflowState['closure']>;
      const r = await run('flow', () =>
        activities.decideClosure({
          ...scope(),
          ...args,
          round: closure.round,
          returnTo: closure.returnTo,
          clock: ctx.input.clock,
        }),
      );
      closeTask(args.taskId);
      state.closure = null;
      if (args.approve) {
        leaveHelp();
        state.stage = 'closed';
      } else state.stage = closure.returnTo;
      return r;
    },
    {
      validator: (args) => {
        requireStep('closure', args.taskId, 'NOT_AT_CLOSURE');
        if (!state.closure || args.taskId !== taskIds.closure(c, state.closure.round))
          reject('NO_CLOSURE_PROPOSED');
        if (!args.approve && blank(args.comment)) reject('CLOSURE_REFUSAL_COMMENT_REQUIRED');
      },
    },
  );

  setHandler(
    reopenUpdate,
    async (args) => {
      const round = state.counters.reopen + 1;
      // Both writes under one busy key: a second reopening must not slip in between them.
      return run('flow', async () => {
        const r = await activities.reopen({ ...scope(), ...args, round, helperId: state.helperId });
        state.counters.reopen = round;
        state.era += 1;
        state.helperId = r.helperId;
        if (r.stage === 'assignment') {
          state.assignmentRound += 1;
          await activities.openAssignmentAfterReopen({
            ...scope(),
            round: state.assignmentRound,
            dueAt: Date.now() + timing.assignmentMs,
          });
          openTask(taskIds.assign(c, state.assignmentRound));
        }
        state.stage = r.stage;
        return { caseId: r.caseId, stage: r.stage, eventId: r.eventId };
      });
    },
    {
      validator: (args) => {
        requireStage(['closed'], 'NOT_CLOSED');
        requireIdle();
        if (blank(args.reason)) reject('REOPEN_REASON_REQUIRED');
      },
    },
  );

  setHandler(
    withdrawConsentUpdate,
    async (args) => {
      const r = await run('flow', () =>
        activities.withdrawConsent({ ...scope(), ...args, era: state.era, clock: ctx.input.clock }),
      );
      // Closed at once, whatever was under way: a proposed closure, an offer, a transfer.
      state.closure = null;
      leaveHelp();
      state.stage = 'closed';
      return r;
    },
    {
      validator: (_args) => {
        requireStage(
          ['identified', 'assignment', 'plan', 'active', 'evaluation', 'closure'],
          'NOT_IN_PROGRESS',
        );
        requireIdle();
      },
    },
  );
}
