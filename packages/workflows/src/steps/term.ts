import { condition, setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, HELPING, reject } from '../case/case-state';
import { isReturnCheckTask, taskIds } from '../case/task-ids';
import { confirmReturnUpdate, type StepResult } from '../messages';
import { checkInRound } from './checkins';
import { openEvaluation } from './evaluation';

/** The back-to-school confirmation after summer. */
export function registerTermSteps(ctx: CaseContext): void {
  const { scope, c, state, run, openTask, closeTask, requireStage, requireIdle, requireTask } = ctx;

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
}

/**
 * One semester of help: its check-ins, a back-to-school confirmation after summer, and the
 * evaluation. Returns the next run's starting point once the evaluation is signed off and the
 * semester is over, or null when the case left help (closed, transferred) on the way.
 */
export async function termPhase(ctx: CaseContext, fromDate: string | undefined, confirmReturn: boolean) {
  const { scope, c, state, input, until, openTask, busy } = ctx;
  const era = state.era;
  const gone = () => state.era !== era || !HELPING.includes(state.stage);
  const term = await activities.planTerm({ campaignId: input.campaignId, clock: input.clock, fromDate });
  ctx.currentTerm = {
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
  for (const ci of carried) void checkInRound(ctx, ci.window, ci.term, era);
  for (const w of term.checkIns) void checkInRound(ctx, w, term.key, era);
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
    if (!evaluated()) await openEvaluation(ctx, term.key, term.evaluationDueAt, term.evaluationDueOn);
  }
  await condition(() => gone() || state.evaluation?.step === 'done');
  if (gone()) return null;
  if (await until(term.semesterEndsAt, gone)) return null;
  return { fromDate: term.nextFromDate, confirmReturn: term.semester === 2 };
}
