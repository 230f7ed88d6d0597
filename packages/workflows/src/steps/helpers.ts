import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { replaceHelperUpdate, type StepResult } from '../messages';

/** The coordinator hands the case to another teacher. */
export function registerHelperSteps(ctx: CaseContext): void {
  const { scope, state, run, requireStage, requireIdle } = ctx;

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
}
