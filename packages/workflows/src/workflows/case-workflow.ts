import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/case-activities';
import {
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type IdentifyResult,
  identifyUpdate,
  type ScreenArgs,
  STEP_REJECTED,
  screenUpdate,
  stateQuery,
} from '../messages';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

function reject(message: string): never {
  throw ApplicationFailure.create({ type: STEP_REJECTED, message, nonRetryable: true });
}

/**
 * One workflow per case (id `case-<caseId>`), the single writer of its state. This first
 * slice covers identification and screening; later stages extend the same workflow.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  const state: CaseWorkflowState = { caseId: input.caseId, stage: 'starting', openTaskIds: [] };
  let identified: IdentifyResult | undefined;
  let screening: ScreenArgs | undefined;

  setHandler(stateQuery, () => state);
  setHandler(identifyUpdate, async () => {
    await condition(() => identified !== undefined);
    return identified as IdentifyResult;
  });
  setHandler(
    screenUpdate,
    async (args) => {
      screening = args;
      const result = await activities.recordScreening({
        caseId: input.caseId,
        taskId: args.taskId,
        actorId: args.actorId,
        decision: args.decision,
        reason: args.reason,
      });
      state.stage = result.stage;
      state.openTaskIds = state.openTaskIds.filter((id) => id !== args.taskId);
      return result;
    },
    {
      validator: (args) => {
        if (state.stage !== 'identified' || screening) reject('Hồ sơ không ở bước sàng lọc');
        if (!state.openTaskIds.includes(args.taskId)) reject('Nhiệm vụ không còn hiệu lực');
        if (args.decision === 'decline' && !args.reason?.trim()) reject('Cần nêu lý do không tiếp nhận');
      },
    },
  );

  const recorded = await activities.recordIdentified(input);
  identified = { caseId: input.caseId, code: input.code, eventId: recorded.eventId };
  state.stage = 'identified';
  state.openTaskIds = [recorded.screeningTaskId];

  await condition(() => state.stage !== 'identified');
  if ((state.stage as string) === 'declined') return state;

  // Assignment, plan, check-ins, evaluation and closure come with the full lifecycle.
  await condition(() => (state.stage as string) === 'closed');
  return state;
}
