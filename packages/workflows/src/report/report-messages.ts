/**
 * The contract between the API and a school's report-round workflow (docs/reports.md): its id,
 * input, updates and query, defined once. Types only from the domain (the workflow bundle stays
 * zod-free). Same task queue as the cases.
 */
import type { CaseClock } from '@donghanh/domain/campaign/pure';
import type { FigureCorrections, ReportStatus } from '@donghanh/domain/report/pure';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export interface ReportRoundInput {
  reportId: string;
  campaignId: string;
  round: number;
  schoolId: string;
  /** Maps the school calendar to real time (compressed in tests); systemClock() by default. */
  clock: CaseClock;
}

/** The round's days as the campaign set them when the workflow registered the report. */
export interface ReportRoundDays {
  opensOn: string;
  remindOn: string;
  dueOn: string;
  escalateOn: string;
}

/** The same days as instants on the round's clock (computed by the activity: no calendar code in the bundle). */
export interface ReportRoundTimes {
  opensAt: number;
  remindAt: number;
  /** The end of the due day: a submission from then on is late. */
  dueEndAt: number;
  escalateAt: number;
}

export interface ReportRoundState {
  reportId: string;
  status: ReportStatus;
  version: number;
  signedVersion: number | null;
  late: boolean;
  reminded: boolean;
  escalated: boolean;
  submissions: number;
  reviews: number;
  days: ReportRoundDays | null;
  times: ReportRoundTimes | null;
  /** A person's step is being written: another waits for it (refused as stale). */
  busy: boolean;
}

export interface ReportStepArgs {
  actorId: string;
}
export interface EditReportArgs extends ReportStepArgs {
  /** The version the coordinator edited: a stale one is refused. */
  version: number;
  remarks?: string | undefined;
  corrections: FigureCorrections;
}
export interface SignReportArgs extends ReportStepArgs {
  /** The version the principal read and signs. */
  version: number;
}
export interface ReviewReportArgs extends ReportStepArgs {
  decision: 'accept' | 'return';
  comment?: string | undefined;
}
export interface ReportStepResult {
  reportId: string;
  status: ReportStatus;
  version: number;
}

export const editReportUpdate = defineUpdate<ReportStepResult, [EditReportArgs]>('editReport');
/** Pre-fill again from the cases (the figures moved since opening); the corrections stay. */
export const refreshReportUpdate = defineUpdate<ReportStepResult, [SignReportArgs]>('refreshReport');
export const signReportUpdate = defineUpdate<ReportStepResult, [SignReportArgs]>('signReport');
export const submitReportUpdate = defineUpdate<ReportStepResult, [ReportStepArgs]>('submitReport');
export const reviewReportUpdate = defineUpdate<ReportStepResult, [ReviewReportArgs]>('reviewReport');
export const reportStateQuery = defineQuery<ReportRoundState>('reportState');

/**
 * The campaign's rounds were saved with new days: the workflow reads them again (its row takes
 * them unless accepted) and re-arms its timers (open, reminder, escalation, the late line).
 */
export const rescheduleReportSignal = defineSignal('rescheduleReport');
