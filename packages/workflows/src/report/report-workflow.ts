import type { StepRefusal } from '@donghanh/domain';
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { ReportActivities } from '../activities';
import { STEP_REJECTED } from '../messages';
import {
  editReportUpdate,
  type ReportRoundInput,
  type ReportRoundState,
  type ReportStepResult,
  refreshReportUpdate,
  reportStateQuery,
  rescheduleReportSignal,
  reviewReportUpdate,
  signReportUpdate,
  submitReportUpdate,
} from './report-messages';

const act = proxyActivities<ReportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

/**
 * h13: the round's steps notify people (docs/notifications.md). Histories recorded before it
 * replay without the flag; the activities take the same calls, so only their argument changes.
 */
const REPORT_NOTIFICATIONS = 'report-notifications-2026-12';
const notifying = () => (patched(REPORT_NOTIFICATIONS) ? { notify: true } : {});

function reject(refusal: StepRefusal): never {
  throw ApplicationFailure.create({
    type: STEP_REJECTED,
    message: refusal,
    nonRetryable: true,
    details: [{ refusal }],
  });
}

/**
 * One school's report in one round (id `report-<campaign>-r<round>-<school>`), the single writer
 * of its SchoolReport row: registered at once ('not sent'), opened pre-filled from the cases
 * `opensDaysBefore` the deadline, reminded before it, escalated after it; the school corrects,
 * the principal signs, the school submits; the office returns it (it reopens) or accepts it,
 * which ends the workflow. Timers run on the campaign calendar through the clock in the input.
 */
export async function reportRoundWorkflow(input: ReportRoundInput): Promise<ReportRoundState> {
  const id = input.reportId;
  const state: ReportRoundState = {
    reportId: id,
    status: 'not_sent',
    version: 0,
    signedVersion: null,
    late: false,
    reminded: false,
    escalated: false,
    submissions: 0,
    reviews: 0,
    days: null,
    times: null,
    busy: false,
  };
  /** Bumped when the round's days change: every timer waiting re-reads its instant. */
  let schedule = 0;
  /** Waits until the instant `at()` names, re-armed whenever the days are rescheduled. */
  const sleepUntil = async (at: () => number) => {
    for (;;) {
      const wait = at() - Date.now();
      if (wait <= 0) return;
      const seen = schedule;
      if (!(await condition(() => schedule !== seen, wait))) return;
    }
  };
  /** A person's step: one at a time; the workflow's state follows what the activity wrote. */
  const step = async (fn: () => Promise<ReportStepResult>) => {
    state.busy = true;
    try {
      const r = await fn();
      state.status = r.status;
      state.version = r.version;
      return r;
    } catch (error) {
      // A rule the activity refused fails the update (not the round) with the activity's own failure.
      if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
      throw error;
    } finally {
      state.busy = false;
    }
  };
  const idle = () => {
    if (state.busy) reject('REPORT_STALE_VERSION');
  };
  const schoolMayEdit = () => {
    if (!['draft', 'signed', 'returned'].includes(state.status)) reject('REPORT_NOT_EDITABLE');
  };

  setHandler(reportStateQuery, () => state);
  setHandler(
    editReportUpdate,
    (args) =>
      step(() =>
        act.editReport({
          reportId: id,
          actorId: args.actorId,
          version: args.version,
          remarks: args.remarks,
          corrections: args.corrections,
        }),
      ).then((r) => {
        state.signedVersion = null;
        return r;
      }),
    {
      validator: (args) => {
        idle();
        schoolMayEdit();
        if (args.version !== state.version) reject('REPORT_STALE_VERSION');
      },
    },
  );
  setHandler(
    refreshReportUpdate,
    (args) =>
      step(() => act.refreshReport({ reportId: id, actorId: args.actorId, version: state.version })).then(
        (r) => {
          state.signedVersion = null;
          return r;
        },
      ),
    {
      validator: (args) => {
        idle();
        schoolMayEdit();
        if (args.version !== state.version) reject('REPORT_STALE_VERSION');
      },
    },
  );
  setHandler(
    signReportUpdate,
    (args) =>
      step(() =>
        act.signReport({
          reportId: id,
          actorId: args.actorId,
          version: args.version,
          reviews: state.reviews,
        }),
      ).then((r) => {
        state.signedVersion = args.version;
        return r;
      }),
    {
      validator: (args) => {
        idle();
        schoolMayEdit();
        if (state.status === 'signed') reject('REPORT_ALREADY_SIGNED');
        if (args.version !== state.version) reject('REPORT_STALE_VERSION');
      },
    },
  );
  setHandler(
    submitReportUpdate,
    (args) => {
      const submission = state.submissions + 1;
      // Late when the due day is over on the round's clock (deterministic workflow time).
      const late = state.times !== null && Date.now() >= state.times.dueEndAt;
      return step(() =>
        act.submitReport({ reportId: id, actorId: args.actorId, submission, late, ...notifying() }),
      ).then((r) => {
        state.submissions = submission;
        if (late) state.late = true;
        return r;
      });
    },
    {
      validator: (_args) => {
        idle();
        schoolMayEdit();
        if (state.status !== 'signed') reject('REPORT_NOT_SIGNED');
      },
    },
  );
  setHandler(
    reviewReportUpdate,
    (args) => {
      const review = state.reviews + 1;
      return step(() =>
        act.reviewReport({
          reportId: id,
          actorId: args.actorId,
          review,
          decision: args.decision,
          comment: args.comment,
          ...notifying(),
        }),
      ).then((r) => {
        state.reviews = review;
        if (args.decision === 'return') state.signedVersion = null;
        return r;
      });
    },
    {
      validator: (args) => {
        idle();
        if (state.status !== 'submitted') reject('REPORT_NOT_SUBMITTED');
        if (args.decision === 'return' && !(args.comment ?? '').trim())
          reject('REPORT_RETURN_COMMENT_REQUIRED');
      },
    },
  );

  const register = (reschedule: boolean) =>
    act.registerReport({
      reportId: id,
      campaignId: input.campaignId,
      round: input.round,
      schoolId: input.schoolId,
      clock: input.clock,
      reschedule,
    });
  const { days, times } = await register(false);
  state.days = days;
  state.times = times;
  // New days from the campaign: one re-read at a time, in the order the signals came.
  let rescheduling = Promise.resolve();
  setHandler(rescheduleReportSignal, () => {
    rescheduling = rescheduling.then(async () => {
      if (state.status === 'accepted') return;
      const next = await register(true);
      state.days = next.days;
      state.times = next.times;
      schedule += 1;
    });
    return rescheduling;
  });
  const at = (pick: (t: NonNullable<typeof state.times>) => number) => () =>
    state.times ? pick(state.times) : 0;

  // Reminder and escalation run beside the main line, each on its own day.
  void (async () => {
    await sleepUntil(at((t) => t.remindAt));
    if (state.status === 'submitted' || state.status === 'accepted') return;
    await condition(() => !state.busy);
    const r = await act.remindReport({ reportId: id, ...notifying() });
    state.reminded = r.applied;
  })();
  void (async () => {
    await sleepUntil(at((t) => t.escalateAt));
    if (state.status === 'submitted' || state.status === 'accepted') return;
    await condition(() => !state.busy);
    const r = await act.escalateReport({ reportId: id, ...notifying() });
    if (r.applied) {
      state.escalated = true;
      state.late = true;
    }
  })();

  await sleepUntil(at((t) => t.opensAt));
  if (state.status === 'not_sent') {
    const r = await act.openReport({ reportId: id, ...notifying() });
    state.status = r.status;
    state.version = r.version;
  }
  await condition(() => state.status === 'accepted');
  await condition(allHandlersFinished);
  return state;
}
