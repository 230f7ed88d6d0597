import type { StepRefusal } from '@donghanh/domain';
import { ActivityFailure, ApplicationFailure, condition, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import {
  type CaseResume,
  type CaseTiming,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  DEFAULT_TIMING,
  HELPING_STAGES,
  type IdentifyResult,
  STEP_REJECTED,
} from '../messages';

/**
 * The case's state inside its workflow and the small rules every step shares: which tasks are
 * open, which step is in flight, when a step is refused. The steps (steps/<area>.ts) register
 * their handlers against one `CaseContext`; the workflow (case-workflow.ts) runs the main loop.
 */

export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

/**
 * Refuses a step before anything is written. The failure carries a stable code (its texts are in
 * the domain's catalogue, which the API reads: the bundle holds no table of messages).
 */
export function reject(refusal: StepRefusal): never {
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

export type Stage = CaseWorkflowState['stage'];
export const HELPING: readonly Stage[] = HELPING_STAGES;
export const blank = (s: string | undefined) => !s?.trim();

function initialState(input: CaseWorkflowInput): CaseWorkflowState {
  return {
    caseId: input.caseId,
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
}

/** One run's context: the state it carries to the next run, and what lives only in this run. */
export function createCaseContext(input: CaseWorkflowInput) {
  const timing: CaseTiming = { ...DEFAULT_TIMING, ...input.timing };
  const c = input.caseId;
  const resume: CaseResume | undefined = input.resume;
  const state: CaseWorkflowState = resume
    ? { ...resume.state, runs: resume.state.runs + 1 }
    : initialState(input);
  const busy = new Set<string>();

  const requireStage = (stages: readonly Stage[], refusal: StepRefusal) => {
    if (!stages.includes(state.stage)) reject(refusal);
  };
  const requireIdle = (key = 'flow') => {
    if (busy.has(key)) reject('STEP_BUSY');
  };
  const requireTask = (taskId: string) => {
    if (!state.openTaskIds.includes(taskId)) reject('TASK_STALE');
  };

  return {
    input,
    timing,
    c,
    resume,
    state,
    /** Keys of the steps being written: 'flow' for the case's main line, one per month's check-in. */
    busy,
    identified: (resume ? { caseId: c, code: input.code, eventId: resume.identifiedEventId } : undefined) as
      | IdentifyResult
      | undefined,
    offerAnswered: false,
    /** The term being lived, once planned: an early evaluation belongs to it. */
    currentTerm: null as { key: string; evaluationDueAt: number; evaluationDueOn?: string } | null,

    scope: () => ({ caseId: c, schoolUnitId: state.schoolUnitId }),
    openTask: (id: string | null) => {
      if (id && !state.openTaskIds.includes(id)) state.openTaskIds.push(id);
    },
    closeTask: (id: string) => {
      state.openTaskIds = state.openTaskIds.filter((t) => t !== id);
    },
    /** The case leaves its current help (closed, transferred): open work is gone, timers stop. */
    leaveHelp: (keepTasks: string[] = []) => {
      state.era += 1;
      state.openTaskIds = keepTasks;
      state.offer = null;
      // A transfer still waiting when the case closes dies with it; left set, it would refuse
      // every closure and transfer after a reopening.
      state.transfer = null;
      state.evaluation = null;
      for (const [key, ci] of Object.entries(state.checkIns)) if (!ci.filed) delete state.checkIns[key];
    },
    requireStage,
    requireIdle,
    requireTask,
    requireStep: (stage: Stage, taskId: string, refusal: StepRefusal) => {
      requireStage([stage], refusal);
      requireIdle();
      requireTask(taskId);
    },
    /** Runs one step's activity with its key marked busy; state changes only on success. */
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      busy.add(key);
      try {
        return await fn();
      } catch (error) {
        unwrapActivityFailure(error);
      } finally {
        busy.delete(key);
      }
    },
    /** Sleeps until `at` (epoch ms on the workflow clock) or until `stop` holds; true when stopped. */
    async until(at: number, stop: () => boolean): Promise<boolean> {
      const ms = at - Date.now();
      if (ms <= 0) return stop();
      return condition(stop, ms);
    },
  };
}

export type CaseContext = ReturnType<typeof createCaseContext>;
