import {
  applyReportStep,
  figuresBySchool,
  type Prisma,
  type ReportAudience,
  type ReportNotifySpec,
  type ReportRow,
  RuleViolation,
  refuseTextNamingAPupil,
  reportRecipientOf,
} from '@donghanh/db';
import {
  AppError,
  addDays,
  applyCorrections,
  type CaseClock,
  campaignSettingsSchema,
  dayOfDateColumn,
  type FigureCorrections,
  figureCorrectionsSchema,
  freeText,
  instantOf,
  type ReportStatus,
  reportRoundDates,
  reportRoundsOf,
} from '@donghanh/domain';
import { reportKeys } from '../report/report-keys';
import type { ReportRoundDays, ReportRoundTimes, ReportStepResult } from '../report/report-messages';
import { type ActivityDeps, clockOf, parse, withRules } from './support';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const json = (v: unknown) => v as Prisma.InputJsonValue;
const SCHOOL_EDITS: ReportStatus[] = ['draft', 'signed', 'returned'];
const remarksSchema = freeText(4000).optional();

// h13: report rounds' notifications. The school's coordinators and principal hear of every step;
// the office of a submission and of lateness. Only when the workflow asks (`patched()` there).
const schoolPeople = (row: ReportRow): ReportAudience[] => [
  { role: 'SCHOOL_COORDINATOR', unitId: row.schoolUnitId },
  { role: 'PRINCIPAL', unitId: row.schoolUnitId },
];
const office = (row: ReportRow): ReportAudience[] => [
  { role: 'OFFICE_COORDINATOR', unitId: row.recipientUnitId },
];
const notifying = (
  on: boolean | undefined,
  kind: string,
  to: (row: ReportRow) => ReportAudience[],
): { notify?: (row: ReportRow) => ReportNotifySpec[] } =>
  on ? { notify: (row) => [{ kind, to: to(row) }] } : {};

/**
 * Side effects of a school's report round (docs/reports.md). Each goes through `applyReportStep`:
 * the report row, a version row and its events in one transaction, keyed (report-keys.ts) so an
 * activity's retry writes nothing twice, the actor's role re-checked on the school or the office.
 */
export function reportActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);

  async function prefill(reportId: string) {
    const r = await db.schoolReport.findUniqueOrThrow({
      where: { id: reportId },
      select: { campaignId: true, schoolId: true, periodFrom: true, periodTo: true },
    });
    const figures = await figuresBySchool(db, {
      campaignId: r.campaignId,
      schoolIds: [r.schoolId],
      from: dayOfDateColumn(r.periodFrom),
      to: dayOfDateColumn(r.periodTo),
    });
    return figures.get(r.schoolId) as NonNullable<ReturnType<typeof figures.get>>;
  }

  const result = (reportId: string, r: { status: ReportStatus; version: number }): ReportStepResult => ({
    reportId,
    status: r.status,
    version: r.version,
  });

  return {
    /**
     * Creates the school's report row ('not sent') for the round, with the days the campaign
     * sets and the office it goes to. A repeated start finds the row and returns its days.
     */
    async registerReport(args: {
      reportId: string;
      campaignId: string;
      round: number;
      schoolId: string;
      clock: CaseClock;
      /**
       * The campaign's rounds were saved again: the row takes the round's new days (a report
       * not yet accepted), and the workflow re-arms its timers from the answer.
       */
      reschedule?: boolean | undefined;
    }): Promise<{ days: ReportRoundDays; times: ReportRoundTimes }> {
      const withTimes = (days: ReportRoundDays) => ({
        days,
        times: {
          opensAt: instantOf(days.opensOn, args.clock),
          remindAt: instantOf(days.remindOn, args.clock),
          dueEndAt: instantOf(addDays(days.dueOn, 1), args.clock),
          escalateAt: instantOf(days.escalateOn, args.clock),
        },
      });
      return withRules(async () => {
        const existing = await db.schoolReport.findUnique({ where: { id: args.reportId } });
        const campaign = await db.campaign.findUnique({
          where: { id: args.campaignId },
          select: { settings: true },
        });
        if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: args.campaignId });
        const settings = campaignSettingsSchema.parse(campaign.settings);
        const dates = reportRoundDates(settings).find((d) => d.round === args.round);
        if (!dates) throw new AppError('REPORT_ROUND_UNKNOWN', { round: args.round });
        const days = {
          opensOn: dates.opensOn,
          remindOn: dates.remindOn,
          dueOn: dates.dueOn,
          escalateOn: dates.escalateOn,
        };
        if (existing && args.reschedule && existing.status !== 'accepted') {
          await db.schoolReport.update({
            where: { id: args.reportId },
            data: {
              roundName: dates.name,
              periodFrom: day(dates.periodFrom),
              periodTo: day(dates.periodTo),
              opensOn: day(dates.opensOn),
              dueOn: day(dates.dueOn),
            },
          });
          return withTimes(days);
        }
        if (existing)
          return withTimes({
            ...days,
            opensOn: dayOfDateColumn(existing.opensOn),
            dueOn: dayOfDateColumn(existing.dueOn),
          });
        const school = await db.school.findUnique({ where: { id: args.schoolId }, select: { unitId: true } });
        if (!school) throw new RuleViolation('SCHOOL_NOT_FOUND', 'Không tìm thấy trường', args);
        const recipient = await reportRecipientOf(
          db,
          school.unitId,
          reportRoundsOf(settings).recipientUnitId,
        );
        await db.$transaction(async (tx) => {
          await tx.schoolReport.createMany({
            data: [
              {
                id: args.reportId,
                campaignId: args.campaignId,
                round: args.round,
                roundName: dates.name,
                schoolId: args.schoolId,
                schoolUnitId: school.unitId,
                recipientUnitId: recipient,
                periodFrom: day(dates.periodFrom),
                periodTo: day(dates.periodTo),
                opensOn: day(dates.opensOn),
                dueOn: day(dates.dueOn),
              },
            ],
            skipDuplicates: true,
          });
          await tx.reportEvent.createMany({
            data: [
              {
                reportId: args.reportId,
                type: 'report.registered',
                payload: { status: 'not_sent', version: 0, round: args.round },
                idempotencyKey: reportKeys.register(args.reportId),
              },
            ],
            skipDuplicates: true,
          });
        });
        return withTimes(days);
      });
    },

    /** Opens the report, pre-filled from the cases; the coordinators are told. */
    async openReport(args: { reportId: string; notify?: boolean }): Promise<ReportStepResult> {
      return withRules(async () => {
        const figures = await prefill(args.reportId);
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.opened',
          idempotencyKey: reportKeys.open(args.reportId),
          onlyInStatuses: ['not_sent'],
          versionKind: 'opened',
          audiences: (row) => [{ role: 'SCHOOL_COORDINATOR', unitId: row.schoolUnitId }],
          ...notifying(args.notify, 'report_opened', schoolPeople),
          change: async (row) => ({
            status: 'draft',
            version: row.version + 1,
            prefilled: json(figures),
            figures: json(applyCorrections(figures, row.corrections)),
          }),
        });
        return result(args.reportId, r);
      });
    },

    async refreshReport(args: {
      reportId: string;
      actorId: string;
      version: number;
    }): Promise<ReportStepResult> {
      return withRules(async () => {
        const figures = await prefill(args.reportId);
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.refreshed',
          actorId: args.actorId,
          actorMust: { roles: ['SCHOOL_COORDINATOR', 'PRINCIPAL'], unitId: (row) => row.schoolUnitId },
          idempotencyKey: reportKeys.refresh(args.reportId, args.version),
          requireStatuses: SCHOOL_EDITS,
          versionKind: 'refreshed',
          change: async (row) => ({
            status: row.status === 'signed' ? 'draft' : row.status,
            version: row.version + 1,
            signedVersion: null,
            prefilled: json(figures),
            figures: json(applyCorrections(figures, row.corrections)),
          }),
        });
        return result(args.reportId, r);
      });
    },

    /** The coordinator's remarks and corrections: a new version (a signed one is unsigned). */
    async editReport(args: {
      reportId: string;
      actorId: string;
      version: number;
      remarks?: string | undefined;
      corrections: FigureCorrections;
    }): Promise<ReportStepResult> {
      return withRules(async () => {
        const corrections = parse(figureCorrectionsSchema, args.corrections);
        const remarks = parse(remarksSchema, args.remarks);
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.edited',
          actorId: args.actorId,
          // Which figures changed, never the remarks' text.
          payload: { corrected: Object.keys(corrections), remarks: remarks !== undefined },
          actorMust: { roles: ['SCHOOL_COORDINATOR', 'PRINCIPAL'], unitId: (row) => row.schoolUnitId },
          idempotencyKey: reportKeys.edit(args.reportId, args.version),
          requireStatuses: SCHOOL_EDITS,
          versionKind: 'edited',
          change: async (row, tx) => {
            // Remarks are kept in every version and no erasure reaches them: they may not name a pupil.
            await refuseTextNamingAPupil(tx, { unitId: row.schoolUnitId }, [remarks]);
            return {
              status: row.status === 'signed' ? 'draft' : row.status,
              version: row.version + 1,
              signedVersion: null,
              corrections: json(corrections),
              figures: json(applyCorrections(row.prefilled, corrections)),
              ...(remarks !== undefined ? { remarks: remarks || null } : {}),
            };
          },
        });
        return result(args.reportId, r);
      });
    },

    async signReport(args: {
      reportId: string;
      actorId: string;
      version: number;
      /** The office's decisions so far: a signature after a return is a new step. */
      reviews: number;
    }): Promise<ReportStepResult> {
      return withRules(async () => {
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.signed',
          actorId: args.actorId,
          actorMust: { roles: ['PRINCIPAL'], unitId: (row) => row.schoolUnitId },
          idempotencyKey: reportKeys.sign(args.reportId, args.version, args.reviews),
          requireStatuses: ['draft', 'returned'],
          change: async () => ({
            status: 'signed',
            signedVersion: args.version,
            signedById: args.actorId,
            signedAt: now(),
          }),
        });
        return result(args.reportId, r);
      });
    },

    /** Sent to the office; `late` when the workflow's clock is past the due day. */
    async submitReport(args: {
      reportId: string;
      actorId: string;
      submission: number;
      late: boolean;
      notify?: boolean;
    }): Promise<ReportStepResult> {
      return withRules(async () => {
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.submitted',
          actorId: args.actorId,
          payload: { late: args.late, submission: args.submission },
          actorMust: { roles: ['SCHOOL_COORDINATOR', 'PRINCIPAL'], unitId: (row) => row.schoolUnitId },
          audiences: (row) => [{ role: 'OFFICE_COORDINATOR', unitId: row.recipientUnitId }],
          ...notifying(args.notify, 'report_submitted', office),
          idempotencyKey: reportKeys.submit(args.reportId, args.submission),
          requireStatuses: ['signed'],
          change: async (row) => ({
            status: 'submitted',
            submittedAt: now(),
            late: row.late || args.late,
          }),
        });
        return result(args.reportId, r);
      });
    },

    /** The office accepts, or returns with a comment (the report reopens at the school). */
    async reviewReport(args: {
      reportId: string;
      actorId: string;
      review: number;
      decision: 'accept' | 'return';
      comment?: string | undefined;
      notify?: boolean;
    }): Promise<ReportStepResult> {
      return withRules(async () => {
        const comment = parse(remarksSchema, args.comment);
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: args.decision === 'accept' ? 'report.accepted' : 'report.returned',
          actorId: args.actorId,
          actorMust: { roles: ['OFFICE_COORDINATOR'], unitId: (row) => row.recipientUnitId },
          audiences: (row) =>
            args.decision === 'return'
              ? [
                  { role: 'SCHOOL_COORDINATOR', unitId: row.schoolUnitId },
                  { role: 'PRINCIPAL', unitId: row.schoolUnitId },
                ]
              : [],
          // The comment is free text: it stays on the report page, never in a notification.
          ...notifying(
            args.notify,
            args.decision === 'accept' ? 'report_accepted' : 'report_returned',
            schoolPeople,
          ),
          idempotencyKey: reportKeys.review(args.reportId, args.review),
          requireStatuses: ['submitted'],
          change: async () =>
            args.decision === 'accept'
              ? { status: 'accepted', acceptedAt: now(), reviewedById: args.actorId }
              : {
                  status: 'returned',
                  returnedAt: now(),
                  returnComment: comment ?? null,
                  reviewedById: args.actorId,
                  signedVersion: null,
                },
        });
        return result(args.reportId, r);
      });
    },

    /** Before the deadline: the coordinator and the principal are reminded (unless it was sent). */
    async remindReport(args: {
      reportId: string;
      notify?: boolean;
    }): Promise<ReportStepResult & { applied: boolean }> {
      return withRules(async () => {
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.reminded',
          idempotencyKey: reportKeys.remind(args.reportId),
          onlyInStatuses: ['not_sent', 'draft', 'signed', 'returned'],
          ...notifying(args.notify, 'report_reminder', schoolPeople),
          audiences: (row) => [
            { role: 'SCHOOL_COORDINATOR', unitId: row.schoolUnitId },
            { role: 'PRINCIPAL', unitId: row.schoolUnitId },
          ],
          change: async () => ({ remindedAt: now() }),
        });
        return { ...result(args.reportId, r), applied: r.applied };
      });
    },

    /** After the deadline and its grace days: late, escalated to the principal and the office. */
    async escalateReport(args: {
      reportId: string;
      notify?: boolean;
    }): Promise<ReportStepResult & { applied: boolean }> {
      return withRules(async () => {
        const r = await applyReportStep(db, {
          reportId: args.reportId,
          type: 'report.escalated',
          idempotencyKey: reportKeys.escalate(args.reportId),
          onlyInStatuses: ['not_sent', 'draft', 'signed', 'returned'],
          ...notifying(args.notify, 'report_overdue', (row) => [...schoolPeople(row), ...office(row)]),
          audiences: (row) => [
            { role: 'PRINCIPAL', unitId: row.schoolUnitId },
            { role: 'OFFICE_COORDINATOR', unitId: row.recipientUnitId },
          ],
          change: async () => ({ late: true, escalatedAt: now() }),
        });
        return { ...result(args.reportId, r), applied: r.applied };
      });
    },
  };
}
