import { condition, setHandler } from '@temporalio/workflow';
import { activities, blank, type CaseContext, reject } from '../case/case-state';
import { taskIds } from '../case/task-ids';
import {
  type ConsentRecordedResult,
  type RecordConsentArgs,
  type RecordLegalBasisArgs,
  recordConsentUpdate,
  recordLegalBasisUpdate,
} from '../messages';

/**
 * The family's consent, or the legal basis the school states instead, recorded through the case's
 * workflow (its one writer): the database and the workflow's open tasks agree after every step.
 * Taken in any stage the case lives in — a case whose family withdrew is closed and reopens only
 * once consent is recorded anew. A declined or erased case has no running workflow: the API
 * answers CASE_NOT_RUNNING.
 */
export function registerConsentSteps(ctx: CaseContext): void {
  const { c, state, scope, run, closeTask, busy } = ctx;

  /**
   * The recording and the watch that asks for the child's consent at 7 take turns (busy key
   * 'child-consent'), so the task the watch opens and the recording that closes it never cross.
   */
  const recording = async (write: () => Promise<ConsentRecordedResult>) => {
    while (busy.has('child-consent')) await condition(() => !busy.has('child-consent'));
    const r = await run('child-consent', write);
    if (r.closedChildConsentTask) closeTask(taskIds.childConsent(c));
    return r;
  };
  const validator = (args: { recordingId: string }) => {
    if (state.stage === 'starting' || state.stage === 'declined') reject('NOT_IN_PROGRESS');
    if (blank(args.recordingId)) reject('RECORDING_ID_REQUIRED');
  };

  setHandler(
    recordConsentUpdate,
    (args: RecordConsentArgs) =>
      recording(() => activities.recordConsent({ ...scope(), ...args, clock: ctx.input.clock })),
    { validator },
  );
  setHandler(
    recordLegalBasisUpdate,
    (args: RecordLegalBasisArgs) =>
      recording(() => activities.recordLegalBasis({ ...scope(), ...args, clock: ctx.input.clock })),
    { validator },
  );
}
