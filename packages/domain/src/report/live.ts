// The office's live view of a report round: one frame per change of a school's report, sent to
// the school's coordinators and principal and to the offices above it (their socket rooms).
// Codes, statuses and counts only — the same for every audience.
import type { ReportStatus } from './round';

export const LIVE_REPORT_STATUS = 'report-status' as const;

export interface LiveReportStatus {
  reportId: string;
  campaignId: string;
  round: number;
  schoolId: string;
  status: ReportStatus;
  late: boolean;
  version: number;
  /** The event that changed it (report.submitted, report.escalated …). */
  type: string;
  at: string;
}
