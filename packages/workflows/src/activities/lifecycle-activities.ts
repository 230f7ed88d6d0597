import {
  applyCaseStep,
  checkHelpersCanTake,
  type Db,
  RuleViolation,
  requireRole,
  type TaskSpec,
} from '@donghanh/db';
import {
  addDays,
  type CampaignSettings,
  type CaseClock,
  campaignSettingsSchema,
  checkInReportSchema,
  checkInTotals,
  DEFAULT_2025_2026,
  dateAt,
  evaluationDraftSchema,
  instantOf,
  shiftSettingsYears,
  termPlan,
} from '@donghanh/domain';
import type { z } from 'zod';
import {
  type AcknowledgeArgs,
  type AddNoteArgs,
  type CheckInTimes,
  type ConfirmReturnArgs,
  type DecideArgs,
  type FileCheckInArgs,
  HELPING_STAGES,
  type ProposeClosureArgs,
  type ReopenArgs,
  type ReplaceHelperArgs,
  type RequestTransferArgs,
  type StartEvaluationArgs,
  type StepResult,
  type SubmitEvaluationArgs,
} from '../messages';
import { stepResult, withRules } from './rules';

/** A semester on the case's clock: what the workflow sleeps towards. */
export interface TermTimes {
  key: string;
  fromDate: string;
  schoolYear: number;
  semester: 1 | 2;
  checkIns: CheckInTimes[];
  evaluationOpensAt: number;
  evaluationDueAt: number;
  semesterEndsAt: number;
  /** The opening day of the year, when the helper confirms the student is back (after summer). */
  backToSchoolAt: number | null;
  /** The calendar day the next term is planned from. */
  nextFromDate: string;
  /** True when the campaign has no settings for this year yet and last year's were shifted. */
  assumedCalendar: boolean;
}

export interface Scope {
  caseId: string;
  schoolUnitId: string;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new RuleViolation('VALIDATION_FAILED', r.error.issues.map((i) => i.message).join('; '), {
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return r.data;
}

const COORDINATORS = ['SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;
/** The semester's timers act only on a case still being helped. */
const HELPING = [...HELPING_STAGES];

/**
 * The steps after the plan: the semester's rhythm, check-ins, follow-ups, evaluation, closure,
 * reopening, transfer, helper replacement and the back-to-school confirmation. Each writes its
 * rows, tasks and CaseEvent in one transaction under an idempotency key.
 */
export function createLifecycleActivities(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function settingsFor(
    campaignId: string,
    schoolYear?: number,
  ): Promise<{ settings: CampaignSettings; assumed: boolean }> {
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { unitId: true, schoolYear: true, settings: true },
    });
    const year = schoolYear ?? campaign.schoolYear;
    // The same unit's campaign for that school year, if the admin has entered it.
    const own =
      year === campaign.schoolYear
        ? campaign
        : await db.campaign.findFirst({
            where: { unitId: campaign.unitId, schoolYear: year },
            orderBy: { createdAt: 'desc' },
            select: { unitId: true, schoolYear: true, settings: true },
          });
    const parsed = own ? campaignSettingsSchema.safeParse(own.settings) : null;
    if (parsed?.success) return { settings: parsed.data, assumed: false };
    const base = campaignSettingsSchema.safeParse(campaign.settings);
    const from = base.success ? base.data : DEFAULT_2025_2026;
    return { settings: shiftSettingsYears(from, year - from.schoolYear), assumed: true };
  }

  return {
    /** The term the case is in on `fromDate`, as instants on its clock. */
    async planTerm(args: {
      campaignId: string;
      clock: CaseClock;
      fromDate?: string | undefined;
    }): Promise<TermTimes> {
      // Without a date (a case just activated or reopened) the term is planned from today.
      const fromDate = args.fromDate ?? dateAt(now().getTime(), args.clock);
      let { settings, assumed } = await settingsFor(args.campaignId);
      let term = termPlan(fromDate, settings);
      for (let step = 0; (!term || fromDate > settings.calendar.yearEnd) && step < 3; step++) {
        // Summer, or a later year: plan from the next school year's calendar.
        ({ settings, assumed } = await settingsFor(args.campaignId, settings.schoolYear + 1));
        term = termPlan(fromDate, settings);
      }
      if (!term) throw new Error(`No term on or after ${fromDate}`);
      const at = (d: string) => instantOf(d, args.clock);
      const endOf = (d: string) => at(d) + args.clock.msPerDay;
      return {
        key: term.key,
        fromDate,
        schoolYear: term.schoolYear,
        semester: term.semester,
        checkIns: term.checkIns.map((w) => ({
          key: w.key,
          opensAt: at(w.opensOn),
          remindAt: at(w.remindOn),
          dueAt: endOf(w.dueOn),
          escalateAt: endOf(w.escalateOn),
        })),
        evaluationOpensAt: at(term.evaluationOpensOn),
        evaluationDueAt: endOf(term.evaluationDueOn),
        semesterEndsAt: endOf(term.semesterEnd),
        backToSchoolAt: term.backToSchoolOn ? at(term.backToSchoolOn) : null,
        nextFromDate: addDays(term.semesterEnd, 1),
        assumedCalendar: assumed,
      };
    },

    async beginTerm(
      args: Scope & { term: string; fromDate: string; assumedCalendar: boolean },
    ): Promise<StepResult> {
      const r = await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.term_started',
        payload: { term: args.term, from: args.fromDate, assumedCalendar: args.assumedCalendar },
        idempotencyKey: `${args.caseId}:term:${args.term}`,
        now: now(),
        caseData: { term: args.term },
      });
      return stepResult(args.caseId, 'active', r.eventId);
    },

    async openCheckIn(
      args: Scope & { helperId: string; term: string; window: CheckInTimes; taskId: string },
    ): Promise<void> {
      await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.checkin_opened',
        payload: { month: args.window.key },
        idempotencyKey: `${args.caseId}:checkin:${args.window.key}:opened`,
        onlyInStages: HELPING,
        now: now(),
        openTasks: [
          {
            id: args.taskId,
            type: 'file_checkin',
            assigneeUserId: args.helperId,
            dueAt: new Date(args.window.dueAt),
            remindAt: new Date(args.window.remindAt),
            payload: { month: args.window.key, term: args.term },
          },
        ],
      });
    },

    async remindCheckIn(args: Scope & { taskId: string; month: string; helperId: string }): Promise<void> {
      const at = now();
      await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.checkin_reminded',
        payload: { month: args.month, helperId: args.helperId },
        idempotencyKey: `${args.caseId}:checkin:${args.month}:reminded`,
        onlyInStages: HELPING,
        now: at,
        write: async (tx) => {
          await tx.task.update({ where: { id: args.taskId }, data: { remindedAt: at } });
        },
      });
    },

    async escalateCheckIn(
      args: Scope & { taskId: string; month: string; followUpTaskId: string; dueAt: number },
    ) {
      const at = now();
      await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.checkin_overdue',
        payload: { month: args.month },
        idempotencyKey: `${args.caseId}:checkin:${args.month}:overdue`,
        onlyInStages: HELPING,
        now: at,
        write: async (tx) => {
          await tx.task.update({ where: { id: args.taskId }, data: { escalatedAt: at } });
        },
        openTasks: [
          {
            id: args.followUpTaskId,
            type: 'follow_up_overdue',
            assigneeRole: 'SCHOOL_COORDINATOR',
            scopeUnitId: args.schoolUnitId,
            payload: { month: args.month, dueAt: new Date(args.dueAt).toISOString() },
          },
        ],
      });
    },

    async recordCheckIn(
      args: Scope &
        FileCheckInArgs & {
          month: string;
          term: string;
          dueAt: number;
          late: boolean;
          /** Open a coordinator alert: the risk level has just turned high. */
          alertTaskId: string | null;
          followUpTaskId: string;
          stage: StepResult['stage'];
        },
    ): Promise<StepResult> {
      return withRules(async () => {
        const report = parse(checkInReportSchema, args.report);
        const totals = checkInTotals(report);
        const at = now();
        const tasks: TaskSpec[] = args.alertTaskId
          ? [
              {
                id: args.alertTaskId,
                type: 'risk_alert',
                assigneeRole: 'SCHOOL_COORDINATOR',
                scopeUnitId: args.schoolUnitId,
                payload: { month: args.month },
              },
            ]
          : [];
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.checkin_filed',
          payload: {
            month: args.month,
            late: args.late,
            riskLevel: report.riskLevel,
            tutoringHours: totals.tutoringHours,
            materialVnd: totals.materialVnd,
            ...(args.alertTaskId ? { alert: true } : {}),
          },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:checkin:${args.month}:filed`,
          now: at,
          closeTasks: [{ id: args.taskId }, { id: args.followUpTaskId }],
          openTasks: tasks,
          caseData: { riskLevel: report.riskLevel },
          write: async (tx) => {
            await tx.checkIn.create({
              data: {
                id: `${args.caseId}:checkin:${args.month}`,
                caseId: args.caseId,
                month: args.month,
                term: args.term,
                authorId: args.actorId,
                report,
                riskLevel: report.riskLevel,
                tutoringHours: totals.tutoringHours,
                materialVnd: BigInt(totals.materialVnd),
                dueAt: new Date(args.dueAt),
                filedAt: at,
                late: args.late,
              },
            });
          },
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },

    async acknowledge(args: Scope & AcknowledgeArgs & { stage: StepResult['stage'] }): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.follow_up_done',
          payload: { taskId: args.taskId, ...(args.note ? { note: args.note } : {}) },
          actorId: args.actorId,
          idempotencyKey: `${args.taskId}:acknowledged`,
          now: now(),
          closeTasks: [{ id: args.taskId }],
          write: (tx) => requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId),
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },

    async openEvaluation(
      args: Scope & {
        term: string;
        version: number;
        helperId: string;
        dueAt: number;
        early?: StartEvaluationArgs | undefined;
      },
    ): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.evaluation_opened',
          payload: { term: args.term, ...(args.early ? { early: true, reason: args.early.reason } : {}) },
          actorId: args.early?.actorId ?? null,
          idempotencyKey: `${args.caseId}:eval:${args.term}:opened`,
          now: now(),
          stage: 'evaluation',
          openTasks: [
            {
              id: `${args.caseId}:eval:${args.term}:${args.version}`,
              type: 'draft_evaluation',
              assigneeUserId: args.helperId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term },
            },
          ],
          write: async (tx) => {
            if (args.early) await requireRole(tx, args.early.actorId, [...COORDINATORS], args.schoolUnitId);
          },
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    async recordEvaluationDraft(
      args: Scope & SubmitEvaluationArgs & { term: string; version: number; dueAt: number },
    ): Promise<StepResult> {
      return withRules(async () => {
        const draft = parse(evaluationDraftSchema, args.draft);
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.evaluation_drafted',
          payload: { term: args.term, version: args.version, recommendation: draft.recommendation },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:eval:${args.term}:${args.version}:drafted`,
          now: at,
          closeTasks: [{ id: args.taskId }],
          openTasks: [
            {
              id: `${args.caseId}:eval-review:${args.term}:${args.version}`,
              type: 'review_evaluation',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.schoolUnitId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term, version: args.version },
            },
          ],
          write: async (tx) => {
            await tx.evaluation.create({
              data: {
                id: `${args.caseId}:eval:${args.term}:${args.version}`,
                caseId: args.caseId,
                term: args.term,
                version: args.version,
                status: 'DRAFTED',
                content: draft,
                decision: draft.recommendation,
                authorId: args.actorId,
                draftedAt: at,
              },
            });
          },
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    /** The coordinator passes the draft to the principal, or returns it to the helper. */
    async recordEvaluationReview(
      args: Scope & DecideArgs & { term: string; version: number; helperId: string; dueAt: number },
    ): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const id = `${args.caseId}:eval:${args.term}:${args.version}`;
        const next: TaskSpec = args.approve
          ? {
              id: `${args.caseId}:eval-signoff:${args.term}:${args.version}`,
              type: 'signoff_evaluation',
              assigneeRole: 'PRINCIPAL',
              scopeUnitId: args.schoolUnitId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term, version: args.version },
            }
          : {
              id: `${args.caseId}:eval:${args.term}:${args.version + 1}`,
              type: 'draft_evaluation',
              assigneeUserId: args.helperId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term, returned: true },
            };
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.evaluation_reviewed' : 'case.evaluation_returned',
          payload: {
            term: args.term,
            version: args.version,
            by: 'coordinator',
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          idempotencyKey: `${id}:reviewed`,
          now: at,
          closeTasks: [{ id: args.taskId }],
          openTasks: [next],
          write: async (tx) => {
            await requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId);
            await tx.evaluation.update({
              where: { id },
              data: {
                status: args.approve ? 'REVIEWED' : 'RETURNED',
                reviewerId: args.actorId,
                reviewedAt: at,
                comment: args.comment ?? null,
              },
            });
          },
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    /**
     * The principal's decision. Signed off: the case continues, or closes when the evaluation
     * proposed closure (the principal's sign-off is the closure's approval). Returned: the helper
     * rewrites the draft.
     */
    async recordEvaluationSignOff(
      args: Scope & DecideArgs & { term: string; version: number; helperId: string; dueAt: number },
    ): Promise<StepResult & { closes: boolean }> {
      return withRules(async () => {
        const at = now();
        const id = `${args.caseId}:eval:${args.term}:${args.version}`;
        const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id } });
        const draft = parse(evaluationDraftSchema, evaluation.content);
        const closes = args.approve && draft.recommendation === 'propose_closure';
        const stage = !args.approve ? 'evaluation' : closes ? 'closed' : 'active';
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: !args.approve
            ? 'case.evaluation_returned'
            : closes
              ? 'case.closed'
              : 'case.evaluation_signed_off',
          payload: {
            term: args.term,
            version: args.version,
            by: 'principal',
            decision: draft.recommendation,
            ...(closes ? { reason: draft.closureReason } : {}),
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          idempotencyKey: `${id}:decided`,
          now: at,
          closeTasks: [{ id: args.taskId }],
          cancelOtherOpenTasks: closes,
          stage,
          caseData: closes ? { closureReason: draft.closureReason ?? 'other', closedAt: at } : {},
          openTasks: args.approve
            ? []
            : [
                {
                  id: `${args.caseId}:eval:${args.term}:${args.version + 1}`,
                  type: 'draft_evaluation',
                  assigneeUserId: args.helperId,
                  dueAt: new Date(args.dueAt),
                  payload: { term: args.term, returned: true },
                },
              ],
          write: async (tx) => {
            await requireRole(tx, args.actorId, ['PRINCIPAL'], args.schoolUnitId);
            await tx.evaluation.update({
              where: { id },
              data: {
                status: args.approve ? 'SIGNED_OFF' : 'RETURNED',
                principalId: args.actorId,
                decidedAt: at,
                comment: args.comment ?? evaluation.comment,
              },
            });
            if (closes)
              await tx.caseHelper.updateMany({
                where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
                data: { status: 'ENDED', endedAt: at },
              });
          },
        });
        return { ...stepResult(args.caseId, stage, r.eventId), closes };
      });
    },

    async proposeClosure(args: Scope & ProposeClosureArgs & { round: number }): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.closure_proposed',
          payload: { reason: args.reason, ...(args.note ? { note: args.note } : {}) },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:closure:${args.round}:proposed`,
          now: now(),
          stage: 'closure',
          caseData: { closureReason: args.reason, closureNote: args.note ?? null },
          openTasks: [
            {
              id: `${args.caseId}:closure:${args.round}`,
              type: 'approve_closure',
              assigneeRole: 'PRINCIPAL',
              scopeUnitId: args.schoolUnitId,
              payload: { reason: args.reason },
            },
          ],
          write: (tx) => requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId),
        });
        return stepResult(args.caseId, 'closure', r.eventId);
      });
    },

    async decideClosure(
      args: Scope & DecideArgs & { round: number; returnTo: StepResult['stage'] },
    ): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const stage = args.approve ? 'closed' : args.returnTo;
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.closed' : 'case.closure_refused',
          payload: { round: args.round, ...(args.comment ? { comment: args.comment } : {}) },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:closure:${args.round}:decided`,
          now: at,
          closeTasks: [{ id: args.taskId }],
          cancelOtherOpenTasks: args.approve,
          stage,
          caseData: args.approve ? { closedAt: at } : { closureReason: null, closureNote: null },
          write: async (tx) => {
            await requireRole(tx, args.actorId, ['PRINCIPAL'], args.schoolUnitId);
            if (args.approve)
              await tx.caseHelper.updateMany({
                where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
                data: { status: 'ENDED', endedAt: at },
              });
          },
        });
        return stepResult(args.caseId, stage, r.eventId);
      });
    },

    /** A closed case comes back: to its helper if they can still take it, else to assignment. */
    async reopen(
      args: Scope & ReopenArgs & { round: number; helperId: string | null },
    ): Promise<StepResult & { helperId: string | null }> {
      return withRules(async () => {
        const at = now();
        let helperId: string | null = null;
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.reopened',
          payload: { reason: args.reason, round: args.round },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:reopen:${args.round}`,
          now: at,
          caseData: { closedAt: null, closureReason: null, closureNote: null },
          write: async (tx) => {
            await requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId);
            if (args.helperId) {
              try {
                await checkHelpersCanTake(tx, [args.helperId], args.schoolUnitId);
                helperId = args.helperId;
              } catch (error) {
                if (!(error instanceof RuleViolation)) throw error;
              }
            }
            if (helperId) {
              await tx.caseHelper.create({
                data: {
                  id: `${args.caseId}:h:reopen${args.round}`,
                  caseId: args.caseId,
                  userId: helperId,
                  role: 'PRIMARY',
                  status: 'ACTIVE',
                  offeredAt: at,
                  respondedAt: at,
                },
              });
            }
            await tx.case.update({
              where: { id: args.caseId },
              data: { stage: helperId ? 'active' : 'assignment', helperId },
            });
          },
          openTasks: [],
        });
        // The step above decided the stage; a retried attempt reads it back.
        const c = await db.case.findUniqueOrThrow({
          where: { id: args.caseId },
          select: { stage: true, helperId: true },
        });
        if (!r.applied) helperId = c.helperId;
        return { ...stepResult(args.caseId, c.stage, r.eventId), helperId };
      });
    },

    async openAssignmentAfterReopen(args: Scope & { round: number; dueAt: number }): Promise<void> {
      await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.assignment_reopened',
        payload: { round: args.round },
        idempotencyKey: `${args.caseId}:assign:${args.round}:reopened`,
        now: now(),
        openTasks: [
          {
            id: `${args.caseId}:assign:${args.round}`,
            type: 'assign_helper',
            assigneeRole: 'SCHOOL_COORDINATOR',
            scopeUnitId: args.schoolUnitId,
            dueAt: new Date(args.dueAt),
          },
        ],
      });
    },

    async requestTransfer(
      args: Scope & RequestTransferArgs & { round: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      return withRules(async () => {
        const school = await db.school.findUnique({
          where: { id: args.toSchoolId },
          select: { unitId: true },
        });
        if (!school || school.unitId !== args.toSchoolUnitId)
          throw new RuleViolation('SCHOOL_NOT_FOUND', 'Không tìm thấy trường nhận', {
            schoolId: args.toSchoolId,
          });
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.transfer_requested',
          payload: {
            toSchoolId: args.toSchoolId,
            round: args.round,
            ...(args.note ? { note: args.note } : {}),
          },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:transfer:${args.round}:requested`,
          now: now(),
          caseData: { transferToSchoolId: args.toSchoolId },
          openTasks: [
            {
              id: `${args.caseId}:transfer:${args.round}`,
              type: 'accept_transfer',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.toSchoolUnitId,
              payload: { fromSchoolUnitId: args.schoolUnitId },
            },
          ],
          write: (tx) => requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId),
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },

    /**
     * The receiving school's coordinator answers. Accepted: the case, its student and its whole
     * history move to the new school, the old helpers step down and the new school assigns one.
     */
    async answerTransfer(
      args: Scope &
        DecideArgs & {
          round: number;
          toSchoolId: string;
          toSchoolUnitId: string;
          stage: StepResult['stage'];
          assignmentRound: number;
          assignmentDueAt: number;
        },
    ): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const stage = args.approve ? 'assignment' : args.stage;
        const c = await db.case.findUniqueOrThrow({
          where: { id: args.caseId },
          select: { studentId: true, schoolId: true },
        });
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.transferred' : 'case.transfer_refused',
          payload: {
            round: args.round,
            fromSchoolId: c.schoolId,
            toSchoolId: args.toSchoolId,
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:transfer:${args.round}:answered`,
          now: at,
          closeTasks: [{ id: args.taskId }],
          cancelOtherOpenTasks: args.approve,
          stage,
          caseData: args.approve
            ? { schoolId: args.toSchoolId, transferToSchoolId: null, helperId: null, riskLevel: null }
            : { transferToSchoolId: null },
          openTasks: args.approve
            ? [
                {
                  id: `${args.caseId}:assign:${args.assignmentRound}`,
                  type: 'assign_helper',
                  assigneeRole: 'SCHOOL_COORDINATOR',
                  scopeUnitId: args.toSchoolUnitId,
                  dueAt: new Date(args.assignmentDueAt),
                },
              ]
            : [],
          write: async (tx) => {
            await requireRole(tx, args.actorId, [...COORDINATORS], args.toSchoolUnitId);
            if (!args.approve) return;
            await tx.student.update({
              where: { id: c.studentId },
              data: { schoolId: args.toSchoolId, classId: null },
            });
            await tx.caseHelper.updateMany({
              where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
              data: { status: 'ENDED', endedAt: at, reason: 'transferred' },
            });
          },
        });
        return stepResult(args.caseId, stage, r.eventId);
      });
    },

    async replaceHelper(
      args: Scope & ReplaceHelperArgs & { previousId: string; round: number; stage: StepResult['stage'] },
    ) {
      return withRules(async () => {
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.helper_replaced',
          payload: { from: args.previousId, to: args.helperId, reason: args.reason },
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:replace:${args.round}`,
          now: at,
          caseData: { helperId: args.helperId },
          write: async (tx) => {
            await requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId);
            await checkHelpersCanTake(tx, [args.helperId], args.schoolUnitId);
            await tx.caseHelper.updateMany({
              where: { caseId: args.caseId, userId: args.previousId, role: 'PRIMARY', status: 'ACTIVE' },
              data: { status: 'ENDED', endedAt: at, reason: args.reason },
            });
            await tx.caseHelper.create({
              data: {
                id: `${args.caseId}:h:replace${args.round}`,
                caseId: args.caseId,
                userId: args.helperId,
                role: 'PRIMARY',
                status: 'ACTIVE',
                offeredAt: at,
                respondedAt: at,
              },
            });
            // The new helper inherits the open work: this month's check-in, a draft, the plan.
            await tx.task.updateMany({
              where: { caseId: args.caseId, status: 'OPEN', assigneeUserId: args.previousId },
              data: { assigneeUserId: args.helperId },
            });
          },
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },

    async openReturnConfirmation(
      args: Scope & { taskId: string; helperId: string; schoolYear: number; dueAt: number },
    ) {
      await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.return_check_opened',
        payload: { schoolYear: args.schoolYear },
        idempotencyKey: `${args.taskId}:opened`,
        onlyInStages: HELPING,
        now: now(),
        openTasks: [
          {
            id: args.taskId,
            type: 'confirm_return',
            assigneeUserId: args.helperId,
            dueAt: new Date(args.dueAt),
            payload: { schoolYear: args.schoolYear },
          },
        ],
      });
    },

    /** Back at school: nothing more. Not back: the case goes to the principal for closure. */
    async recordReturn(
      args: Scope & ConfirmReturnArgs & { closureRound: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      const stage = args.returned ? args.stage : 'closure';
      const r = await applyCaseStep(db, {
        caseId: args.caseId,
        type: args.returned ? 'case.returned_to_school' : 'case.not_returned',
        payload: args.note ? { note: args.note } : {},
        actorId: args.actorId,
        idempotencyKey: `${args.taskId}:answered`,
        now: now(),
        closeTasks: [{ id: args.taskId }],
        stage,
        caseData: args.returned ? {} : { closureReason: 'dropped_out', closureNote: args.note ?? null },
        openTasks: args.returned
          ? []
          : [
              {
                id: `${args.caseId}:closure:${args.closureRound}`,
                type: 'approve_closure',
                assigneeRole: 'PRINCIPAL',
                scopeUnitId: args.schoolUnitId,
                payload: { reason: 'dropped_out' },
              },
            ],
      });
      return stepResult(args.caseId, stage, r.eventId);
    },

    async addNote(
      args: Scope & AddNoteArgs & { seq: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      const r = await applyCaseStep(db, {
        caseId: args.caseId,
        type: 'case.note',
        payload: { text: args.text },
        actorId: args.actorId,
        idempotencyKey: `${args.caseId}:note:${args.seq}`,
        now: now(),
      });
      return stepResult(args.caseId, args.stage, r.eventId);
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
