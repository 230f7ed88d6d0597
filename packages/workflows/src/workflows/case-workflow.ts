import type { StepRefusal } from '@donghanh/domain';
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { isFollowUpTask, isReturnCheckTask, taskIds } from '../case/task-ids';
import {
  acknowledgeUpdate,
  addNoteUpdate,
  answerTransferUpdate,
  assignHelperUpdate,
  type CaseResume,
  type CaseTiming,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type CheckInTimes,
  confirmReturnUpdate,
  DEFAULT_TIMING,
  type DecideArgs,
  decideClosureUpdate,
  fileCheckInUpdate,
  HELPING_STAGES,
  type IdentifyResult,
  identifyUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  replaceHelperUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewEvaluationUpdate,
  reviewPlanUpdate,
  STEP_REJECTED,
  type StepResult,
  screenUpdate,
  signOffEvaluationUpdate,
  startEvaluationUpdate,
  stateQuery,
  submitEvaluationUpdate,
  submitPlanUpdate,
} from '../messages';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

/**
 * Refuses a step before anything is written. The failure carries a stable code (its texts are in
 * the domain's catalogue, which the API reads: the bundle holds no table of messages).
 */
function reject(refusal: StepRefusal): never {
  throw ApplicationFailure.create({
    type: STEP_REJECTED,
    message: refusal,
    nonRetryable: true,
    details: [{ refusal }],
  });
}

/** A rule refused by an activity fails the update (not the case) with the activity's own failure. */
function unwrapActivityFailure(error: unknown): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
  throw error;
}

type Stage = CaseWorkflowState['stage'];
const HELPING: readonly Stage[] = HELPING_STAGES;
const blank = (s: string | undefined) => !s?.trim();

/**
 * One workflow per case (id `case-<caseId>`), the single writer of its state. Human steps are
 * updates whose validators reject a stale, foreign or already-completed task before anything is
 * written; a step in flight marks its key busy so two updates racing for it cannot both pass.
 * Each semester the run continues as new, carrying its state, so history stays bounded.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  const timing: CaseTiming = { ...DEFAULT_TIMING, ...input.timing };
  const c = input.caseId;
  const resume: CaseResume | undefined = input.resume;
  const state: CaseWorkflowState = resume
    ? { ...resume.state, runs: resume.state.runs + 1 }
    : {
        caseId: c,
        stage: 'starting',
        openTaskIds: [],
        helperId: null,
        offer: null,
        assignmentRound: 0,
        planVersion: 0,
        term: null,
        evaluationVersion: 0,
        closure: null,
        transfer: null,
        schoolId: input.schoolId,
        schoolUnitId: input.schoolUnitId,
        runs: 1,
        riskLevel: null,
        checkIns: {},
        evaluation: null,
        era: 0,
        counters: { closure: 0, transfer: 0, replace: 0, reopen: 0, note: 0 },
      };
  let identified: IdentifyResult | undefined = resume
    ? { caseId: c, code: input.code, eventId: resume.identifiedEventId }
    : undefined;
  const busy = new Set<string>();
  let offerAnswered = false;
  /** The term being lived, once planned: an early evaluation belongs to it. */
  let currentTerm: { key: string; evaluationDueAt: number; evaluationDueOn?: string } | null = null;

  const scope = () => ({ caseId: c, schoolUnitId: state.schoolUnitId });
  const openTask = (id: string | null) => {
    if (id && !state.openTaskIds.includes(id)) state.openTaskIds.push(id);
  };
  const closeTask = (id: string) => {
    state.openTaskIds = state.openTaskIds.filter((t) => t !== id);
  };
  /** The case leaves its current help (closed, transferred): open work is gone, timers stop. */
  const leaveHelp = (keepTasks: string[] = []) => {
    state.era += 1;
    state.openTaskIds = keepTasks;
    state.offer = null;
    // A transfer still waiting when the case closes dies with it; left set, it would refuse
    // every closure and transfer after a reopening.
    state.transfer = null;
    state.evaluation = null;
    for (const [key, ci] of Object.entries(state.checkIns)) if (!ci.filed) delete state.checkIns[key];
  };
  const requireStage = (stages: readonly Stage[], refusal: StepRefusal) => {
    if (!stages.includes(state.stage)) reject(refusal);
  };
  const requireIdle = (key = 'flow') => {
    if (busy.has(key)) reject('STEP_BUSY');
  };
  const requireTask = (taskId: string) => {
    if (!state.openTaskIds.includes(taskId)) reject('TASK_STALE');
  };
  const requireStep = (stage: Stage, taskId: string, refusal: StepRefusal) => {
    requireStage([stage], refusal);
    requireIdle();
    requireTask(taskId);
  };
  /** Runs one step's activity with its key marked busy; state changes only on success. */
  async function run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    busy.add(key);
    try {
      return await fn();
    } catch (error) {
      unwrapActivityFailure(error);
    } finally {
      busy.delete(key);
    }
  }
  /** Sleeps until `at` (epoch ms on the workflow clock) or until `stop` holds; true when stopped. */
  async function until(at: number, stop: () => boolean): Promise<boolean> {
    const ms = at - Date.now();
    if (ms <= 0) return stop();
    return condition(stop, ms);
  }

  setHandler(stateQuery, () => state);
  setHandler(identifyUpdate, async () => {
    await condition(() => identified !== undefined);
    return identified as IdentifyResult;
  });

  // ── screening and assignment ────────────────────────────────────────────────────────────
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
      offerAnswered = false;
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
      offerAnswered = true;
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
        offerAnswered = false;
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

  // ── the help plan ───────────────────────────────────────────────────────────────────────
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

  // ── monthly check-ins and follow-ups ────────────────────────────────────────────────────
  const checkInOf = (taskId: string) => Object.values(state.checkIns).find((ci) => ci.taskId === taskId);

  setHandler(
    fileCheckInUpdate,
    async (args) => {
      const ci = checkInOf(args.taskId) as NonNullable<ReturnType<typeof checkInOf>>;
      const late = Date.now() > ci.window.dueAt;
      const turnsHigh = args.report.riskLevel === 'high' && state.riskLevel !== 'high';
      const alertTaskId = turnsHigh ? taskIds.risk(c, ci.window.key) : null;
      const followUpTaskId = taskIds.overdue(c, ci.window.key);
      const era = state.era;
      const r = await run(`checkin:${ci.window.key}`, () =>
        activities.recordCheckIn({
          ...scope(),
          ...args,
          era,
          month: ci.window.key,
          term: ci.term,
          dueAt: ci.window.dueAt,
          late,
          alertTaskId,
          followUpTaskId,
          stage: state.stage as StepResult['stage'],
        }),
      );
      ci.filed = true;
      state.riskLevel = args.report.riskLevel;
      closeTask(args.taskId);
      closeTask(followUpTaskId);
      // The activity refuses a filing that lost the race to a closure or transfer; this guards
      // the order in which the two results reach the workflow.
      if (state.era === era) openTask(alertTaskId);
      return { ...r, late };
    },
    {
      validator: (args) => {
        requireStage(HELPING, 'NOT_IN_HELP');
        const ci = checkInOf(args.taskId);
        if (!ci || ci.filed) reject('NO_CHECKIN_PENDING');
        requireTask(args.taskId);
        requireIdle(`checkin:${ci.window.key}`);
        if (args.actorId !== state.helperId) reject('ONLY_HELPER_FILES_CHECKIN');
      },
    },
  );

  setHandler(
    acknowledgeUpdate,
    async (args) => {
      const r = await run(`task:${args.taskId}`, () =>
        activities.acknowledge({
          ...scope(),
          ...args,
          era: state.era,
          stage: state.stage as StepResult['stage'],
        }),
      );
      closeTask(args.taskId);
      return r;
    },
    {
      validator: (args) => {
        requireTask(args.taskId);
        requireIdle(`task:${args.taskId}`);
        if (!isFollowUpTask(args.taskId)) reject('NOT_A_FOLLOW_UP');
      },
    },
  );

  async function checkInRound(window: CheckInTimes, term: string, era: number): Promise<void> {
    const gone = () => state.era !== era || !HELPING.includes(state.stage);
    const taskId = taskIds.checkIn(c, window.key);
    if (state.checkIns[window.key]?.filed) return;
    if (await until(window.opensAt, gone)) return;
    if (!state.checkIns[window.key]) {
      await activities.openCheckIn({
        ...scope(),
        era,
        helperId: state.helperId as string,
        term,
        window,
        taskId,
      });
      if (gone()) return;
      state.checkIns[window.key] = { window, taskId, term, filed: false, reminded: false, escalated: false };
      openTask(taskId);
    }
    const ci = state.checkIns[window.key];
    if (!ci) return;
    const settled = () => ci.filed || gone();
    if (!ci.reminded) {
      if (await until(window.remindAt, settled)) return;
      await activities.remindCheckIn({
        ...scope(),
        era,
        taskId,
        month: window.key,
        helperId: state.helperId as string,
      });
      ci.reminded = true;
    }
    if (!ci.escalated) {
      if (await until(window.escalateAt, settled)) return;
      const followUpTaskId = taskIds.overdue(c, window.key);
      await activities.escalateCheckIn({
        ...scope(),
        era,
        taskId,
        month: window.key,
        followUpTaskId,
        dueAt: window.dueAt,
      });
      ci.escalated = true;
      // Filed while the escalation was being written: the activity opened no follow-up.
      if (!gone() && !ci.filed) openTask(followUpTaskId);
    }
    // Still open: the helper may file it late; it is marked late then.
  }

  // ── the semester evaluation ─────────────────────────────────────────────────────────────
  async function openEvaluation(
    term: string,
    dueAt: number,
    dueOn: string | undefined,
    early?: { actorId: string; reason: string },
  ) {
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

  setHandler(
    startEvaluationUpdate,
    async (args) => {
      const term = currentTerm as NonNullable<typeof currentTerm>;
      return openEvaluation(term.key, term.evaluationDueAt, term.evaluationDueOn, args);
    },
    {
      validator: (args) => {
        requireStage(['active'], 'NOT_IN_HELP');
        requireIdle();
        if (!currentTerm) reject('TERM_BEING_PLANNED');
        if (state.evaluation?.term === currentTerm.key) reject('TERM_ALREADY_EVALUATED');
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

  // ── closure and reopening ───────────────────────────────────────────────────────────────
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
        activities.decideClosure({ ...scope(), ...args, round: closure.round, returnTo: closure.returnTo }),
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

  // ── transfer, helper replacement, return after summer, notes ────────────────────────────
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

  setHandler(
    replaceHelperUpdate,
    async (args) => {
      const round = state.counters.replace + 1;
      const r = await run('flow', () =>
        activities.replaceHelper({
          ...scope(),
          ...args,
          previousId: state.helperId as string,
          round,
          stage: state.stage as StepResult['stage'],
        }),
      );
      state.counters.replace = round;
      state.helperId = args.helperId;
      return r;
    },
    {
      validator: (args) => {
        requireStage(['plan', 'active', 'evaluation'], 'NOT_BEING_HELPED');
        requireIdle();
        if (args.helperId === state.helperId) reject('ALREADY_THE_HELPER');
        if (blank(args.reason)) reject('REPLACE_REASON_REQUIRED');
      },
    },
  );

  setHandler(
    confirmReturnUpdate,
    async (args) => {
      const round = state.counters.closure + 1;
      const returnTo = state.stage as StepResult['stage'];
      const r = await run('flow', () =>
        activities.recordReturn({
          ...scope(),
          ...args,
          era: state.era,
          closureRound: round,
          stage: returnTo,
        }),
      );
      closeTask(args.taskId);
      if (!args.returned) {
        state.counters.closure = round;
        state.closure = { reason: 'dropped_out', returnTo, round };
        state.stage = 'closure';
        openTask(taskIds.closure(c, round));
      }
      return r;
    },
    {
      validator: (args) => {
        requireStage(['active', 'evaluation'], 'NOT_IN_HELP');
        requireIdle();
        requireTask(args.taskId);
        if (!isReturnCheckTask(c, args.taskId)) reject('NO_RETURN_CHECK_PENDING');
        if (args.actorId !== state.helperId) reject('ONLY_HELPER_CONFIRMS_RETURN');
        if (!args.returned && blank(args.note)) reject('NOT_RETURNED_NOTE_REQUIRED');
      },
    },
  );

  setHandler(
    addNoteUpdate,
    async (args) => {
      state.counters.note += 1;
      return activities.addNote({
        ...scope(),
        ...args,
        seq: state.counters.note,
        stage: state.stage as StepResult['stage'],
      });
    },
    {
      validator: (args) => {
        if (state.stage === 'starting') reject('CASE_NOT_STARTED');
        if (blank(args.text) || args.text.length > 2000) reject('NOTE_LENGTH');
      },
    },
  );

  // ── the phases ──────────────────────────────────────────────────────────────────────────
  async function assignmentPhase(): Promise<void> {
    // An unanswered offer lapses after the campaign's delay and returns to the coordinator.
    while (state.stage === 'assignment') {
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

  /**
   * One semester of help: its check-ins, a back-to-school confirmation after summer, and the
   * evaluation. Returns the next run's starting point once the evaluation is signed off and the
   * semester is over, or null when the case left help (closed, transferred) on the way.
   */
  async function termPhase(fromDate: string | undefined, confirmReturn: boolean) {
    const era = state.era;
    const gone = () => state.era !== era || !HELPING.includes(state.stage);
    const term = await activities.planTerm({ campaignId: input.campaignId, clock: input.clock, fromDate });
    currentTerm = {
      key: term.key,
      evaluationDueAt: term.evaluationDueAt,
      evaluationDueOn: term.evaluationDueOn,
    };
    if (state.term !== term.key) {
      await activities.beginTerm({
        ...scope(),
        era,
        term: term.key,
        fromDate: term.fromDate,
        assumedCalendar: term.assumedCalendar,
      });
      state.term = term.key;
      if (state.evaluation?.step === 'done') state.evaluation = null;
    }
    const carried = Object.values(state.checkIns).filter(
      (ci) => !ci.filed && !term.checkIns.some((w) => w.key === ci.window.key),
    );
    for (const ci of carried) void checkInRound(ci.window, ci.term, era);
    for (const w of term.checkIns) void checkInRound(w, term.key, era);
    if (confirmReturn && term.backToSchoolAt !== null) {
      const backAt = term.backToSchoolAt;
      void (async () => {
        if (await until(backAt, gone)) return;
        const taskId = taskIds.returnCheck(c, term.schoolYear);
        await activities.openReturnConfirmation({
          ...scope(),
          era,
          taskId,
          helperId: state.helperId as string,
          schoolYear: term.schoolYear,
          dueAt: backAt + 7 * input.clock.msPerDay,
        });
        if (!gone()) openTask(taskId);
      })();
    }

    const evaluated = () => state.evaluation?.term === term.key;
    await until(term.evaluationOpensAt, () => gone() || evaluated());
    if (gone()) return null;
    if (!evaluated()) {
      // Not during a pending closure or while another step is being written.
      await condition(() => (state.stage === 'active' && !busy.has('flow')) || gone() || evaluated());
      if (gone()) return null;
      if (!evaluated()) await openEvaluation(term.key, term.evaluationDueAt, term.evaluationDueOn);
    }
    await condition(() => gone() || state.evaluation?.step === 'done');
    if (gone()) return null;
    if (await until(term.semesterEndsAt, gone)) return null;
    return { fromDate: term.nextFromDate, confirmReturn: term.semester === 2 };
  }

  if (!resume) {
    const recorded = await activities.recordIdentified({ ...input, screeningMs: timing.screeningMs });
    identified = { caseId: c, code: input.code, eventId: recorded.eventId };
    state.stage = 'identified';
    openTask(recorded.screeningTaskId);
  }

  let next: { fromDate: string | undefined; confirmReturn: boolean } = {
    fromDate: resume?.fromDate,
    confirmReturn: resume?.confirmReturn ?? false,
  };
  for (;;) {
    const stage = state.stage;
    if (stage === 'declined') return state;
    if (stage === 'assignment') {
      await assignmentPhase();
    } else if (stage === 'active' || stage === 'evaluation') {
      const after = await termPhase(next.fromDate, next.confirmReturn);
      if (after) {
        // Semester over: continue as new so the history of one run stays one semester long.
        await condition(allHandlersFinished);
        // Filed check-ins are in the database; only unfiled ones travel to the next run.
        for (const [key, ci] of Object.entries(state.checkIns)) if (ci.filed) delete state.checkIns[key];
        await continueAsNew<typeof caseWorkflow>({
          ...input,
          resume: {
            state,
            identifiedEventId: (identified as IdentifyResult).eventId,
            fromDate: after.fromDate,
            confirmReturn: after.confirmReturn,
          },
        });
      }
      // Left help on the way (closed, transferred): a reopening plans from its own day.
      next = { fromDate: undefined, confirmReturn: false };
    } else if (stage === 'closed' && !(resume?.state.stage === 'closed' && resume.state.era === state.era)) {
      // A closed case may wait years for a reopening: it waits in a fresh run with a short
      // history, on whatever workflow code is deployed by then.
      await condition(allHandlersFinished);
      await continueAsNew<typeof caseWorkflow>({
        ...input,
        resume: { state, identifiedEventId: (identified as IdentifyResult).eventId, confirmReturn: false },
      });
    } else if (stage === 'closure') {
      // A refused closure goes back to where it was: the term phase resumes from today.
      await condition(() => state.stage !== 'closure');
      next = { fromDate: undefined, confirmReturn: false };
    } else {
      await condition(() => state.stage !== stage);
    }
  }
}
