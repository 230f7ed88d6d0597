import { holdsAnyRole } from '../access/rules';
import { exportCases } from '../operations/report/export-cases';
import { createRouter, guarded } from '../trpc';
import { exportCasesInput } from './report.schema';

export const reportRouter = createRouter({
  /** CSV of the caller's cases (names only where their board shows names); audited. */
  exportCases: guarded(
    holdsAnyRole(['SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR'], 'role:coordination'),
    exportCasesInput,
  ).mutation(({ ctx, input }) => exportCases(ctx, input)),
});
