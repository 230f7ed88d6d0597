import { setHandler } from '@temporalio/workflow';
import { activities, type CaseContext } from '../case/case-state';
import { type ApplyRetentionArgs, type ApplyRetentionResult, applyRetentionUpdate } from '../messages';

/** Whether this run was asked to apply retention, and whether it waits closed with no erasure timer. */
export interface RetentionFlag {
  applied: boolean;
  plainWait: boolean;
  /** How many times retention was applied in this run: a run waiting with no erase-on day reads it again. */
  applications: number;
}

/**
 * An admin applies retention to a closed case (applyRetention): the erase-on day is set if the
 * case has none, and a run closed before retention existed — waiting with no erasure timer —
 * enters the retention phase (the main loop watches the flag). Any other run answers
 * `started: false`.
 */
export function registerApplyRetentionSteps(ctx: CaseContext, retention: RetentionFlag): void {
  const { state, scope, run, requireStage, requireIdle } = ctx;
  setHandler(
    applyRetentionUpdate,
    async (args: ApplyRetentionArgs): Promise<ApplyRetentionResult> => {
      const r = await run('flow', () =>
        activities.applyRetention({ ...scope(), ...args, era: state.era, clock: ctx.input.clock }),
      );
      // Only a run in the plain wait (closed before retention) starts anything; a run already in
      // the retention phase, or about to continue as new into it, has its timer.
      const started = retention.plainWait && !retention.applied;
      retention.applied = true;
      retention.applications += 1;
      return { caseId: r.caseId, eraseOn: r.eraseOn, started };
    },
    {
      validator: (_args) => {
        requireStage(['closed'], 'NOT_CLOSED');
        requireIdle();
      },
    },
  );
}
