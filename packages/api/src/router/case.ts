import {
  caseReader,
  coordinator,
  offeredHelper,
  officeAboveCase,
  onStudent,
  schoolStaff,
} from '../access/rules';
import { identifyCase } from '../operations/case/identify-case';
import { readOfferDetails } from '../operations/case/offer-details';
// phone: paper
import { printCase } from '../operations/case/print-case';
import { readCase, revealIdentity } from '../operations/case/read-case';
import { screenCase } from '../operations/case/screen-case';
import { createRouter, guarded } from '../trpc';
import { identifyInput, printInput, screenInput } from './case.schema';
import { caseStepProcedures } from './case-steps';
import { caseIdInput, revealInput } from './case-steps.schema';

export const caseRouter = createRouter({
  /** Staff of the student's school propose a case; a student they cannot see is not found. */
  identify: guarded(onStudent(schoolStaff, 'student:school-staff'), identifyInput).mutation(
    ({ ctx, input }) => identifyCase(ctx, input),
  ),
  screen: guarded(coordinator, screenInput).mutation(({ ctx, input }) => screenCase(ctx, input)),
  ...caseStepProcedures,
  /** The case page: the child's identity only for those entitled to it, and every such read audited. */
  // setup: what the offered teacher needs to decide (categories, expectations, the coordinator's note).
  offerDetails: guarded(offeredHelper, caseIdInput).query(({ ctx, input }) =>
    readOfferDetails(ctx, input.caseId),
  ),
  // wall (issue 14): an unknown case and one the caller may not read both answer CASE_NOT_FOUND.
  get: guarded({ ...caseReader, refusal: 'CASE_NOT_FOUND' }, caseIdInput).query(({ ctx, input }) =>
    readCase(ctx, input.caseId),
  ),
  revealIdentity: guarded(officeAboveCase, revealInput).mutation(({ ctx, input }) =>
    revealIdentity(ctx, input.caseId, input.reason),
  ),
  /** phone: paper — a case's sheet to print (case file, plan, evaluation), audited per child. */
  print: guarded(caseReader, printInput).mutation(({ ctx, input }) =>
    printCase(ctx, input.caseId, input.document),
  ),
});
