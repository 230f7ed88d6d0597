// Report rounds (docs/reports.md): when a school's periodic report opens, is reminded, falls due
// and is escalated; its statuses and what the office may see of it. Zod-free: the report round's
// workflow imports it through `@donghanh/domain/report/pure`.
import { addDays, type IsoDate } from '../campaign/dates';
import type { CampaignSettings, ReportRoundsSettings } from '../campaign/schema';

/** The campaign's report-round settings when it sets none (as the ministry-frame defaults). */
export const REPORT_ROUNDS_DEFAULT: ReportRoundsSettings = {
  opensDaysBefore: 35,
  reminderDaysBefore: 3,
  escalationDaysAfter: 3,
  recipientUnitId: null,
};

export function reportRoundsOf(settings: Pick<CampaignSettings, 'reportRounds'>): ReportRoundsSettings {
  return { ...REPORT_ROUNDS_DEFAULT, ...(settings.reportRounds ?? {}) };
}

/**
 * A report's life at one school:
 * - `not_sent`: the round has not opened yet (no draft);
 * - `draft`: opened, pre-filled from the cases, the coordinator corrects it;
 * - `signed`: the principal signed this version (a later correction unsigns it);
 * - `submitted`: sent to the office, waiting for its answer;
 * - `returned`: the office sent it back with a comment: it reopens at the school;
 * - `accepted`: the office accepted it; the round is over for this school.
 * `late` is not a status but a flag: the deadline passed before the report was submitted.
 */
export const REPORT_STATUSES = ['not_sent', 'draft', 'signed', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus | 'late', { vi: string; en: string }> = {
  not_sent: { vi: 'Chưa gửi', en: 'Not sent' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã duyệt', en: 'Accepted' },
  late: { vi: 'Trễ hạn', en: 'Late' },
};

/** The school can still change the report (correct, sign, submit). */
export function schoolMayEdit(status: ReportStatus): boolean {
  return status === 'draft' || status === 'signed' || status === 'returned';
}

/** One round of one campaign, with the period its figures cover. */
export interface ReportRoundDates {
  /** 1-based, in deadline order. */
  round: number;
  name: string;
  /** First and last day the figures cover: the day after the previous round's deadline (the year's start for the first). */
  periodFrom: IsoDate;
  periodTo: IsoDate;
  opensOn: IsoDate;
  remindOn: IsoDate;
  dueOn: IsoDate;
  /** Escalated at the start of this day when still not submitted. */
  escalateOn: IsoDate;
}

/** Every round of the campaign, ordered by deadline, with its dates. */
export function reportRoundDates(
  settings: Pick<CampaignSettings, 'reportDeadlines' | 'reportRounds' | 'calendar'>,
): ReportRoundDates[] {
  const r = reportRoundsOf(settings);
  const sorted = [...settings.reportDeadlines].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return sorted.map((d, i) => {
    const prev = sorted[i - 1];
    return {
      round: i + 1,
      name: d.name,
      periodFrom: prev ? addDays(prev.due, 1) : settings.calendar.yearStart,
      periodTo: d.due,
      opensOn: addDays(d.due, -r.opensDaysBefore),
      remindOn: addDays(d.due, -r.reminderDaysBefore),
      dueOn: d.due,
      escalateOn: addDays(d.due, r.escalationDaysAfter + 1),
    };
  });
}

/** The workflow id of one school's report in one round: repeated starts reach the same workflow. */
export function reportWorkflowId(campaignId: string, round: number, schoolId: string): string {
  return `report-${campaignId}-r${round}-${schoolId}`;
}

/** The report row's id (the same triple as the workflow). */
export function reportId(campaignId: string, round: number, schoolId: string): string {
  return `rpt-${campaignId}-r${round}-${schoolId}`;
}
