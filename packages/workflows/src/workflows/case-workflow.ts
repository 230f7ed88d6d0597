import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities/case-activities';
import {
  assignHelperUpdate,
  type CaseTiming,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  DEFAULT_TIMING,
  type IdentifyResult,
  identifyUpdate,
  respondOfferUpdate,
  reviewPlanUpdate,
  STEP_REJECTED,
  type StepResult,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../messages';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

function reject(message: string): never {
  throw ApplicationFailure.create({ type: STEP_REJECTED, message, nonRetryable: true });
}

/** A rule refused by an activity fails the update (not the case) with the activity's own failure. */
function unwrapActivityFailure(error: unknown): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
  throw error;
}

/**
 * One workflow per case (id `case-<caseId>`), the single writer of its state. Human steps are
 * updates whose validators reject a stale, foreign or already-completed task before anything is
 * written; `busy` closes the window between two updates racing for the same step.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  const timing: CaseTiming = { ...DEFAULT_TIMING, ...input.timing };
  const state: CaseWorkflowState = {
    caseId: input.caseId,
    stage: 'starting',
    openTaskIds: [],
    helperId: null,
    offer: null,
    assignmentRound: 0,
    planVersion: 0,
  };
  let identified: IdentifyResult | undefined;
  let busy: string | null = null;
  let offerAnswered = false;

  const openTask = (id: string | null) => {
    if (id && !state.openTaskIds.includes(id)) state.openTaskIds.push(id);
  };
  const closeTask = (id: string) => {
    state.openTaskIds = state.openTaskIds.filter((t) => t !== id);
  };
  const requireStep = (stage: CaseWorkflowState['stage'], taskId: string, what: string) => {
    if (state.stage !== stage) reject(`Hồ sơ không ở bước ${what}`);
    if (busy) reject('Bước này đang được xử lý');
    if (!state.openTaskIds.includes(taskId)) reject('Nhiệm vụ không còn hiệu lực');
  };
  /** Runs one step's activity with the step marked busy; state changes only on success. */
  async function run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    busy = name;
    try {
      return await fn();
    } catch (error) {
      unwrapActivityFailure(error);
    } finally {
      busy = null;
    }
  }

  setHandler(stateQuery, () => state);
  setHandler(identifyUpdate, async () => {
    await condition(() => identified !== undefined);
    return identified as IdentifyResult;
  });

  setHandler(
    screenUpdate,
    async (args) => {
      const r = await run('screen', () =>
        activities.recordScreening({
          caseId: input.caseId,
          taskId: args.taskId,
          actorId: args.actorId,
          decision: args.decision,
          reason: args.reason,
          schoolUnitId: input.schoolUnitId,
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
        requireStep('identified', args.taskId, 'sàng lọc');
        if (args.decision === 'decline' && !args.reason?.trim()) reject('Cần nêu lý do không tiếp nhận');
      },
    },
  );

  setHandler(
    assignHelperUpdate,
    async (args) => {
      const round = state.assignmentRound;
      const r = await run('assign', () =>
        activities.recordOffer({
          ...args,
          caseId: input.caseId,
          round,
          schoolUnitId: input.schoolUnitId,
          offerResponseMs: timing.offerResponseMs,
        }),
      );
      closeTask(args.taskId);
      openTask(r.offerTaskId);
      offerAnswered = false;
      state.offer = { round, taskId: r.offerTaskId, helperId: args.helperId };
      return { caseId: r.caseId, stage: r.stage, eventId: r.eventId };
    },
    {
      validator: (args) => {
        requireStep('assignment', args.taskId, 'phân công');
        if (state.offer) reject('Đang chờ giáo viên trả lời lời mời trước');
        if (args.coHelperIds?.includes(args.helperId))
          reject('Giáo viên phụ trách không thể đồng thời là người hỗ trợ');
        if (new Set(args.coHelperIds ?? []).size !== (args.coHelperIds ?? []).length)
          reject('Danh sách người hỗ trợ bị trùng');
      },
    },
  );

  setHandler(
    respondOfferUpdate,
    async (args): Promise<StepResult> => {
      const offer = state.offer as NonNullable<CaseWorkflowState['offer']>;
      offerAnswered = true;
      try {
        const r = await run('respond', () =>
          activities.recordOfferAnswer({
            caseId: input.caseId,
            round: offer.round,
            taskId: args.taskId,
            actorId: args.actorId,
            accept: args.accept,
            reason: args.reason,
            schoolUnitId: input.schoolUnitId,
            nextMs: args.accept ? timing.planMs : timing.assignmentMs,
          }),
        );
        closeTask(args.taskId);
        state.offer = null;
        if (args.accept) {
          state.helperId = args.actorId;
          state.stage = 'plan';
          state.planVersion = 1;
          openTask(`${input.caseId}:plan:1`);
        } else {
          state.assignmentRound = offer.round + 1;
          openTask(`${input.caseId}:assign:${state.assignmentRound}`);
        }
        return r;
      } catch (error) {
        offerAnswered = false;
        throw error;
      }
    },
    {
      validator: (args) => {
        requireStep('assignment', args.taskId, 'phân công');
        if (!state.offer || state.offer.taskId !== args.taskId) reject('Lời mời không còn hiệu lực');
        if (state.offer.helperId !== args.actorId) reject('Chỉ giáo viên được mời mới trả lời được');
        if (!args.accept && !args.reason?.trim()) reject('Cần nêu lý do từ chối');
      },
    },
  );

  setHandler(
    submitPlanUpdate,
    async (args) => {
      const version = state.planVersion;
      const r = await run('plan', () =>
        activities.recordPlanSubmitted({
          caseId: input.caseId,
          version,
          taskId: args.taskId,
          actorId: args.actorId,
          goals: args.goals,
          kinds: args.kinds,
          schoolUnitId: input.schoolUnitId,
          planReviewMs: timing.planReviewMs,
        }),
      );
      closeTask(args.taskId);
      openTask(`${input.caseId}:plan-review:${version}`);
      return r;
    },
    {
      validator: (args) => {
        requireStep('plan', args.taskId, 'lập kế hoạch');
        if (args.taskId !== `${input.caseId}:plan:${state.planVersion}`) reject('Kế hoạch đang chờ duyệt');
        if (args.actorId !== state.helperId) reject('Chỉ giáo viên phụ trách mới lập kế hoạch');
        if (args.kinds.length === 0) reject('Chọn ít nhất một hình thức giúp đỡ');
      },
    },
  );

  setHandler(
    reviewPlanUpdate,
    async (args) => {
      const version = state.planVersion;
      const r = await run('review', () =>
        activities.recordPlanReviewed({
          caseId: input.caseId,
          version,
          taskId: args.taskId,
          actorId: args.actorId,
          approve: args.approve,
          comment: args.comment,
          helperId: state.helperId as string,
          planMs: timing.planMs,
        }),
      );
      closeTask(args.taskId);
      if (args.approve) {
        state.stage = 'active';
      } else {
        state.planVersion = version + 1;
        openTask(`${input.caseId}:plan:${state.planVersion}`);
      }
      return r;
    },
    {
      validator: (args) => {
        requireStep('plan', args.taskId, 'lập kế hoạch');
        if (args.taskId !== `${input.caseId}:plan-review:${state.planVersion}`)
          reject('Không có kế hoạch chờ duyệt');
        if (args.actorId === state.helperId) reject('Người lập kế hoạch không tự duyệt kế hoạch của mình');
        if (!args.approve && !args.comment?.trim()) reject('Cần ghi nhận xét khi trả lại kế hoạch');
      },
    },
  );

  const recorded = await activities.recordIdentified({ ...input, screeningMs: timing.screeningMs });
  identified = { caseId: input.caseId, code: input.code, eventId: recorded.eventId };
  state.stage = 'identified';
  openTask(recorded.screeningTaskId);

  await condition(() => state.stage !== 'identified');
  if ((state.stage as string) === 'declined') return state;

  // Assignment: an unanswered offer lapses after the campaign's delay and returns to the coordinator.
  while ((state.stage as string) === 'assignment') {
    await condition(() => state.offer !== null || state.stage !== 'assignment');
    const offer = state.offer;
    if (!offer) continue;
    const answered = await condition(() => offerAnswered || state.offer !== offer, timing.offerResponseMs);
    if (answered) {
      await condition(() => state.offer !== offer || !offerAnswered); // the answer was written, or failed
      continue;
    }
    state.offer = null; // from here a late answer is rejected by the validator
    closeTask(offer.taskId);
    await activities.recordOfferExpired({
      caseId: input.caseId,
      round: offer.round,
      taskId: offer.taskId,
      schoolUnitId: input.schoolUnitId,
      assignmentMs: timing.assignmentMs,
    });
    state.assignmentRound = offer.round + 1;
    openTask(`${input.caseId}:assign:${state.assignmentRound}`);
  }

  // Check-ins, evaluation and closure come next; until then the case waits in `active`.
  await condition(() => (state.stage as string) === 'closed');
  return state;
}
