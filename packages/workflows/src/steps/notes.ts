import { setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { addNoteUpdate, type StepResult } from '../messages';

/** A note on the case's history. */
export function registerNoteSteps(ctx: CaseContext): void {
  const { scope, state } = ctx;

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
}
