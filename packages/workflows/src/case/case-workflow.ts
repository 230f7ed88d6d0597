import { allHandlersFinished, condition, continueAsNew, patched } from '@temporalio/workflow';
import type { CaseWorkflowInput, CaseWorkflowState, IdentifyResult } from '../messages';
import { type RetentionFlag, registerApplyRetentionSteps } from '../steps/apply-retention';
import { assignmentPhase, registerAssignmentSteps } from '../steps/assignment';
import { registerCheckInSteps } from '../steps/checkins';
import { registerChildConsentSteps, watchChildTurningSeven } from '../steps/child-consent';
import { registerClosureSteps } from '../steps/closure';
import { registerConsentSteps } from '../steps/consent';
import { registerEvaluationSteps } from '../steps/evaluation';
import { registerHelperSteps } from '../steps/helpers';
import { registerIntakeSteps } from '../steps/intake';
import { registerNoteSteps } from '../steps/notes';
import { registerPlanSteps } from '../steps/plan';
import { retentionPhase } from '../steps/retention';
import { registerTermSteps, termPhase } from '../steps/term';
import { registerTransferSteps } from '../steps/transfer';
import { activities, createCaseContext } from './case-state';

/**
 * One workflow per case (id `case-<caseId>`), the single writer of its state. Human steps are
 * updates (registered per area by steps/<area>.ts) whose validators reject a stale, foreign or
 * already-completed task before anything is written; a step in flight marks its key busy so two
 * updates racing for it cannot both pass. This function runs the main loop: the phases of the
 * case, and each semester a continue-as-new carrying the state, so history stays bounded.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowState> {
  const ctx = createCaseContext(input);
  const { state, resume, timing, c } = ctx;
  registerIntakeSteps(ctx);
  registerAssignmentSteps(ctx);
  registerPlanSteps(ctx);
  registerCheckInSteps(ctx);
  registerEvaluationSteps(ctx);
  registerClosureSteps(ctx);
  registerTransferSteps(ctx);
  registerHelperSteps(ctx);
  registerTermSteps(ctx);
  registerNoteSteps(ctx);
  registerChildConsentSteps(ctx);
  registerConsentSteps(ctx);
  // Set by applyRetention: a run closed before retention existed enters the retention phase.
  const retention: RetentionFlag = { applied: false, plainWait: false, applications: 0 };
  registerApplyRetentionSteps(ctx, retention);

  if (!resume) {
    const recorded = await activities.recordIdentified({ ...input, screeningMs: timing.screeningMs });
    // The stored code differs from input.code when another case held it (histories recorded
    // before the activity returned a code replay with input.code).
    ctx.identified = { caseId: c, code: recorded.code ?? input.code, eventId: recorded.eventId };
    state.stage = 'identified';
    ctx.openTask(recorded.screeningTaskId);
  }
  const identifiedEventId = () => (ctx.identified as IdentifyResult).eventId;
  // Histories recorded before the child's age was watched replay without the watch.
  if (state.stage !== 'declined' && state.stage !== 'closed' && patched('child-consent-at-7'))
    void watchChildTurningSeven(ctx);

  let next: { fromDate: string | undefined; confirmReturn: boolean } = {
    fromDate: resume?.fromDate,
    confirmReturn: resume?.confirmReturn ?? false,
  };
  for (;;) {
    const stage = state.stage;
    if (stage === 'declined') return state;
    if (stage === 'assignment') {
      await assignmentPhase(ctx);
    } else if (stage === 'active' || stage === 'evaluation') {
      const after = await termPhase(ctx, next.fromDate, next.confirmReturn);
      if (after) {
        // Semester over: continue as new so the history of one run stays one semester long.
        await condition(allHandlersFinished);
        // Filed check-ins are in the database; only unfiled ones travel to the next run.
        for (const [key, ci] of Object.entries(state.checkIns)) if (ci.filed) delete state.checkIns[key];
        await continueAsNew<typeof caseWorkflow>({
          ...withoutReason(input),
          resume: {
            state,
            identifiedEventId: identifiedEventId(),
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
        ...withoutReason(input),
        resume: { state, identifiedEventId: identifiedEventId(), confirmReturn: false },
      });
    } else if (stage === 'closed' && (retention.applied || patched('retention-after-closure'))) {
      // The closed run waits for the erase-on day (histories recorded before retention existed
      // replay the plain wait below, until an admin applies retention). Once erased, the case's
      // workflow is done.
      if ((await retentionPhase(ctx, retention)) === 'erased') {
        await condition(allHandlersFinished);
        return state;
      }
    } else if (stage === 'closure') {
      // A refused closure goes back to where it was: the term phase resumes from today.
      await condition(() => state.stage !== 'closure');
      next = { fromDate: undefined, confirmReturn: false };
    } else {
      // A closed run from before retention waits here with no erasure timer until an admin applies
      // retention (applyRetention sets the flag, then the branch above runs). Replay-safe: a
      // condition is not recorded in history; the update that sets the flag is, and replays first.
      retention.plainWait = stage === 'closed';
      await condition(() => state.stage !== stage || (stage === 'closed' && retention.applied));
      retention.plainWait = false;
    }
  }
}

/**
 * The proposal's reason is free text about the child, needed only by the first run (it writes
 * it to the case): later runs do not carry it, so a withdrawal's erasure of the free text
 * reaches Temporal once the earlier runs are deleted.
 */
function withoutReason(input: CaseWorkflowInput): CaseWorkflowInput {
  const { reason: _reason, ...rest } = input;
  return rest;
}
