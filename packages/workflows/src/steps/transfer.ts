import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import {
  answerTransferUpdate,
  type CaseWorkflowState,
  requestTransferUpdate,
  type StepResult,
} from '../messages';

/** A transfer to another school, requested and answered by that school. */
export function registerTransferSteps(ctx: CaseContext): void {
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
    requireTask,
  } = ctx;

  setHandler(
    requestTransferUpdate,
    async (args) => {
      const round = state.counters.transfer + 1;
      const r = await run('flow', () =>
        activities.requestTransfer({ ...scope(), ...args, round, stage: state.stage as StepResult['stage'] }),
      );
      state.counters.transfer = round;
      const taskId = taskIds.transfer(c, round);
      state.transfer = { toSchoolId: args.toSchoolId, toSchoolUnitId: args.toSchoolUnitId, round, taskId };
      openTask(taskId);
      return r;
    },
    {
      validator: (args) => {
        requireStage(['assignment', 'plan', 'active', 'evaluation'], 'NOT_IN_PROGRESS');
        requireIdle();
        if (state.transfer) reject('TRANSFER_ALREADY_REQUESTED');
        if (args.toSchoolId === state.schoolId) reject('TRANSFER_SAME_SCHOOL');
      },
    },
  );

  setHandler(
    answerTransferUpdate,
    async (args) => {
      const t = state.transfer as NonNullable<CaseWorkflowState['transfer']>;
      const assignmentRound = state.assignmentRound + 1;
      const r = await run('flow', () =>
        activities.answerTransfer({
          ...scope(),
          ...args,
          round: t.round,
          toSchoolId: t.toSchoolId,
          toSchoolUnitId: t.toSchoolUnitId,
          stage: state.stage as StepResult['stage'],
          assignmentRound,
          assignmentDueAt: Date.now() + timing.assignmentMs,
        }),
      );
      state.transfer = null;
      closeTask(args.taskId);
      if (args.approve) {
        leaveHelp([taskIds.assign(c, assignmentRound)]);
        state.assignmentRound = assignmentRound;
        state.schoolId = t.toSchoolId;
        state.schoolUnitId = t.toSchoolUnitId;
        state.helperId = null;
        state.riskLevel = null;
        state.stage = 'assignment';
      }
      return r;
    },
    {
      validator: (args) => {
        requireIdle();
        if (!state.transfer || args.taskId !== state.transfer.taskId) reject('NO_TRANSFER_PENDING');
        requireTask(args.taskId);
        if (!args.approve && blank(args.comment)) reject('DECLINE_REASON_REQUIRED');
      },
    },
  );
}
