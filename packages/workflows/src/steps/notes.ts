import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { addNoteUpdate, type StepResult } from '../messages';

/** A note on the case's history. */
export function registerNoteSteps(ctx: CaseContext): void {
  const { scope, state, run } = ctx;

  setHandler(
    addNoteUpdate,
    async (args) => {
      state.counters.note += 1;
      const seq = state.counters.note;
      // Through `run`, like every step: a rule the activity refuses (a replaced helper's note)
      // fails the update with the rule's own failure, which the API maps to its code.
      return run(`note:${seq}`, () =>
        activities.addNote({
          ...scope(),
          ...args,
          seq,
          stage: state.stage as StepResult['stage'],
        }),
      );
    },
    {
      validator: (args) => {
        if (state.stage === 'starting') reject('CASE_NOT_STARTED');
        if (blank(args.text) || args.text.length > 2000) reject('NOTE_LENGTH');
      },
    },
  );
}
