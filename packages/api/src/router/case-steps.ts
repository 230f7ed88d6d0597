import { AppError } from '@donghanh/domain';
import {
  acknowledgeUpdate,
  addNoteUpdate,
  amendCheckInUpdate,
  answerTransferUpdate,
  assignHelperUpdate,
  confirmReturnUpdate,
  decideClosureUpdate,
  fileCheckInUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  replaceHelperUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewEvaluationUpdate,
  reviewPlanUpdate,
  signOffEvaluationUpdate,
  startEvaluationUpdate,
  submitEvaluationUpdate,
  submitPlanUpdate,
} from '@donghanh/workflows/messages';
import { updateIds } from '@donghanh/workflows/task-ids';
import {
  caseHelper,
  coordinator,
  helperOrCoordinator,
  offeredHelper,
  principal,
  transferTarget,
} from '../access/rules';
import { forwardStep } from '../operations/case/forward-step';
import { guarded } from '../trpc';
import {
  acknowledgeInput,
  addNoteInput,
  amendCheckInInput,
  assignHelperInput,
  confirmReturnInput,
  decideInput,
  fileCheckInInput,
  proposeClosureInput,
  reopenInput,
  replaceHelperInput,
  requestTransferInput,
  respondOfferInput,
  startEvaluationInput,
  submitEvaluationInput,
  submitPlanInput,
} from './case-steps.schema';

const without = <T extends { caseId: string }>({ caseId: _, ...rest }: T) => rest;

/**
 * Every step a person takes on a case after screening, each an Update of the case workflow.
 * The access rule says who may ask; the workflow says whether the step stands now.
 */
export const caseStepProcedures = {
  assignHelper: guarded(coordinator, assignHelperInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, assignHelperUpdate, without(input)),
  ),
  respondOffer: guarded(offeredHelper, respondOfferInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, respondOfferUpdate, without(input)),
  ),
  submitPlan: guarded(caseHelper, submitPlanInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, submitPlanUpdate, without(input)),
  ),
  reviewPlan: guarded(coordinator, decideInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, reviewPlanUpdate, without(input)),
  ),
  fileCheckIn: guarded(caseHelper, fileCheckInInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, fileCheckInUpdate, without(input)),
  ),
  acknowledge: guarded(coordinator, acknowledgeInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, acknowledgeUpdate, without(input)),
  ),
  startEvaluation: guarded(coordinator, startEvaluationInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, startEvaluationUpdate, without(input)),
  ),
  submitEvaluation: guarded(caseHelper, submitEvaluationInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, submitEvaluationUpdate, without(input)),
  ),
  reviewEvaluation: guarded(coordinator, decideInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, reviewEvaluationUpdate, without(input)),
  ),
  signOffEvaluation: guarded(principal, decideInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, signOffEvaluationUpdate, without(input)),
  ),
  proposeClosure: guarded(coordinator, proposeClosureInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, proposeClosureUpdate, without(input)),
  ),
  decideClosure: guarded(principal, decideInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, decideClosureUpdate, without(input)),
  ),
  reopen: guarded(coordinator, reopenInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, reopenUpdate, without(input)),
  ),
  requestTransfer: guarded(coordinator, requestTransferInput).mutation(async ({ ctx, input }) => {
    const school = await ctx.db.school.findUnique({
      where: { id: input.toSchoolId },
      select: { unitId: true },
    });
    if (!school) throw new AppError('SCHOOL_NOT_FOUND');
    return forwardStep(ctx, input.caseId, requestTransferUpdate, {
      ...without(input),
      toSchoolUnitId: school.unitId,
    });
  }),
  answerTransfer: guarded(transferTarget, decideInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, answerTransferUpdate, without(input)),
  ),
  replaceHelper: guarded(coordinator, replaceHelperInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, replaceHelperUpdate, without(input)),
  ),
  confirmReturn: guarded(caseHelper, confirmReturnInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, confirmReturnUpdate, without(input)),
  ),
  addNote: guarded(helperOrCoordinator, addNoteInput).mutation(({ ctx, input }) =>
    forwardStep(ctx, input.caseId, addNoteUpdate, without(input)),
  ),
  amendCheckIn: guarded(helperOrCoordinator, amendCheckInInput).mutation(({ ctx, input }) =>
    forwardStep(
      ctx,
      input.caseId,
      amendCheckInUpdate,
      without(input),
      updateIds.checkInAmendment(input.amendmentId),
    ),
  ),
};
