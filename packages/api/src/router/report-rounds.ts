import {
  editReportUpdate,
  refreshReportUpdate,
  reviewReportUpdate,
  signReportUpdate,
  submitReportUpdate,
} from '@donghanh/workflows';
import { campaignManager } from '../access/campaign-rules';
import { reportReader, reportRecipient, reportSchool, rollupReader } from '../access/report-rules';
import { anyOf, caseHelper, coordinator, signedIn } from '../access/rules';
import { exportRollupXlsx, exportSchoolReportXlsx } from '../operations/report-rounds/export-report';
import { forwardReportStep } from '../operations/report-rounds/forward-report-step';
import { listRounds } from '../operations/report-rounds/list-rounds';
import { caseHelp, exportMonthlyXlsx, monthly } from '../operations/report-rounds/monthly';
import { readSchoolReport } from '../operations/report-rounds/read-school-report';
import { rollup } from '../operations/report-rounds/rollup';
import { startRounds } from '../operations/report-rounds/start-rounds';
import { createRouter, guarded } from '../trpc';
import {
  caseHelpInput,
  editReportInput,
  exportMonthlyInput,
  exportReportInput,
  exportRollupInput,
  listRoundsInput,
  monthlyInput,
  reportRefInput,
  reviewReportInput,
  rollupInput,
  startRoundsInput,
  versionedInput,
} from './report-rounds.schema';

const authors = reportSchool(['SCHOOL_COORDINATOR', 'PRINCIPAL'], 'report:school-coordination');
const principal = reportSchool(['PRINCIPAL'], 'report:school-principal');
/** Monthly figures: the school's staff (per teacher too) and the offices above it (school totals). */
const schoolOrOffice = {
  name: 'report:school-or-office',
  allows: (ctx: Parameters<typeof reportReader.allows>[0], input: { campaignId: string; schoolId: string }) =>
    reportReader.allows(ctx, { ...input, round: 1 }),
};
const ref = (i: { campaignId: string; round: number; schoolId: string }) => ({
  campaignId: i.campaignId,
  round: i.round,
  schoolId: i.schoolId,
});

/** Report rounds (docs/reports.md): the school's report as a workflow, the office's roll-up. */
export const reportRoundRouter = createRouter({
  start: guarded(campaignManager, startRoundsInput).mutation(({ ctx, input }) =>
    startRounds(ctx, input.campaignId),
  ),
  /** The rounds' days, and the caller's schools' reports (empty for a caller with no school role). */
  list: guarded(signedIn, listRoundsInput).query(({ ctx, input }) => listRounds(ctx, input.campaignId)),
  get: guarded(reportReader, reportRefInput).query(({ ctx, input }) => readSchoolReport(ctx, ref(input))),
  edit: guarded(authors, editReportInput).mutation(({ ctx, input }) =>
    forwardReportStep(ctx, ref(input), editReportUpdate, {
      version: input.version,
      remarks: input.remarks,
      corrections: input.corrections,
    }),
  ),
  refresh: guarded(authors, versionedInput).mutation(({ ctx, input }) =>
    forwardReportStep(ctx, ref(input), refreshReportUpdate, { version: input.version }),
  ),
  sign: guarded(principal, versionedInput).mutation(({ ctx, input }) =>
    forwardReportStep(ctx, ref(input), signReportUpdate, { version: input.version }),
  ),
  submit: guarded(authors, reportRefInput).mutation(({ ctx, input }) =>
    forwardReportStep(ctx, ref(input), submitReportUpdate, {}),
  ),
  review: guarded(reportRecipient, reviewReportInput).mutation(({ ctx, input }) =>
    forwardReportStep(ctx, ref(input), reviewReportUpdate, {
      decision: input.decision,
      comment: input.comment,
    }),
  ),
  rollup: guarded(rollupReader, rollupInput).query(({ ctx, input }) => rollup(ctx, input)),
  exportReport: guarded(reportReader, exportReportInput).mutation(({ ctx, input }) =>
    exportSchoolReportXlsx(ctx, ref(input)),
  ),
  exportRollup: guarded(rollupReader, exportRollupInput).mutation(({ ctx, input }) =>
    exportRollupXlsx(ctx, input),
  ),
  monthly: guarded(schoolOrOffice, monthlyInput).query(({ ctx, input }) => monthly(ctx, input)),
  exportMonthly: guarded(schoolOrOffice, exportMonthlyInput).mutation(({ ctx, input }) =>
    exportMonthlyXlsx(ctx, input),
  ),
  /** One child's help over time, numbers only: the school's coordinators and the helper. */
  caseHelp: guarded(anyOf('case:helper-or-coordinator', caseHelper, coordinator), caseHelpInput).query(
    ({ ctx, input }) => caseHelp(ctx, input.caseId),
  ),
});
