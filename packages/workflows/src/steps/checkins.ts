import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, HELPING, reject } from '../case/case-state';
import { isFollowUpTask, taskIds } from '../case/task-ids';
import {
  acknowledgeUpdate,
  amendCheckInUpdate,
  type CheckInTimes,
  fileCheckInUpdate,
  type StepResult,
} from '../messages';

/** The helper files the month's check-in; the coordinator follows up a late or high-risk one. */
export function registerCheckInSteps(ctx: CaseContext): void {
  const { scope, c, state, run, openTask, closeTask, requireStage, requireIdle, requireTask } = ctx;

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
      // Recorded by month, whatever happened meanwhile: a closure or transfer whose result came
      // first dropped the unfiled entry, yet the month is filed in the database, so a reopening
      // in the same month must not ask for it again.
      const key = ci.window.key;
      const entry = state.checkIns[key] ?? ci;
      entry.filed = true;
      state.checkIns[key] = entry;
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

  // A new handler only: histories recorded before it never call it, so they replay unchanged.
  // The count is optional in the state for runs carried over from before it existed.
  // A correction named by its form (amendmentId) is keyed by that id, so the same correction
  // sent again writes nothing; one without (recorded before the id existed) takes the counter.
  // Either way the step is the same one activity: recorded histories replay unchanged.
  setHandler(
    amendCheckInUpdate,
    async (args) => {
      let key: number | string;
      if (args.amendmentId !== undefined) key = args.amendmentId;
      else {
        key = (state.counters.amend ?? 0) + 1;
        state.counters.amend = key;
      }
      return run(`checkin-amend:${key}`, () =>
        activities.amendCheckIn({ ...scope(), ...args, key, stage: state.stage as StepResult['stage'] }),
      );
    },
    {
      validator: (args) => {
        if (args.amendmentId !== undefined && blank(args.amendmentId)) reject('AMENDMENT_ID_REQUIRED');
        if (state.stage === 'starting') reject('CASE_NOT_STARTED');
        if (!state.checkIns[args.month]?.filed) reject('NO_CHECKIN_FILED');
        const reason = args.reason?.trim() ?? '';
        if (reason.length < 5 || reason.length > 500) reject('AMEND_REASON_REQUIRED');
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
}

export async function checkInRound(
  ctx: CaseContext,
  window: CheckInTimes,
  term: string,
  era: number,
): Promise<void> {
  const { scope, c, state, until, openTask } = ctx;
  const gone = () => state.era !== era || !HELPING.includes(state.stage);
  const taskId = taskIds.checkIn(c, window.key);
  if (state.checkIns[window.key]?.filed) return;
  if (await until(window.opensAt, gone)) return;
  if (!state.checkIns[window.key]) {
    // Histories recorded before the activity answered replay with `undefined`: not filed.
    const opened: { filed: boolean } | undefined = await activities.openCheckIn({
      ...scope(),
      era,
      helperId: state.helperId as string,
      term,
      window,
      taskId,
    });
    if (gone()) return;
    // Filed before the case last left help (the filing's result arrived while this was opened,
    // or the activity found its row): nothing was opened, the month is done.
    if (state.checkIns[window.key]?.filed) return;
    const filed = opened?.filed === true;
    state.checkIns[window.key] = { window, taskId, term, filed, reminded: false, escalated: false };
    if (filed) return;
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
