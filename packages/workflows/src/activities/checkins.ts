import { applyCaseStep, MissingRow, type TaskSpec } from '@donghanh/db';
import { checkInReportSchema, checkInTotals } from '@donghanh/domain';
import { rowIds, stepKeys } from '../case/task-ids';
import type {
  AcknowledgeArgs,
  AmendCheckInArgs,
  CheckInTimes,
  FileCheckInArgs,
  StepResult,
} from '../messages';
import {
  type ActivityDeps,
  COORDINATORS,
  clockOf,
  coordinatorsOf,
  HELPING,
  parse,
  type Scope,
  stepResult,
  withRules,
} from './support';

/**
 * The month's check-in: opened, reminded and escalated on the calendar's timers, filed by the
 * helper; the coordinator follows up a late or high-risk one. Keys carry the era, so a month
 * opened again after a reopening or a transfer is written again.
 */
export function checkInActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    /**
     * Opens the month's task — unless the month is already filed: a filing that committed just
     * before a closure or transfer whose result reached the workflow first, the case then reopened
     * in the same month. Opening it again would ask for a check-in the database cannot take twice.
     * The workflow then records the month as filed (`filed: true`) and opens nothing.
     */
    async openCheckIn(
      args: Scope & { helperId: string; term: string; window: CheckInTimes; taskId: string; era?: number },
    ): Promise<{ filed: boolean }> {
      let filed = false;
      await withRules(() =>
        applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.checkin_opened',
          payload: { month: args.window.key },
          idempotencyKey: stepKeys.checkIn(args.caseId, args.window.key, args.era ?? 0, 'opened'),
          onlyInStages: HELPING,
          onlyIf: async (tx) => {
            const row = await tx.checkIn.findUnique({
              where: { caseId_month: { caseId: args.caseId, month: args.window.key } },
              select: { id: true },
            });
            filed = row !== null;
            return !filed;
          },
          now: now(),
          openTasks: [
            {
              id: args.taskId,
              type: 'file_checkin',
              assigneeUserId: args.helperId,
              dueAt: new Date(args.window.dueAt),
              dueOn: args.window.dueOn,
              remindAt: new Date(args.window.remindAt),
              payload: { month: args.window.key, term: args.term },
            },
          ],
        }),
      );
      return { filed };
    },

    async remindCheckIn(
      args: Scope & { taskId: string; month: string; helperId: string; era?: number },
    ): Promise<void> {
      const at = now();
      await withRules(() =>
        applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.checkin_reminded',
          payload: { month: args.month, helperId: args.helperId },
          idempotencyKey: stepKeys.checkIn(args.caseId, args.month, args.era ?? 0, 'reminded'),
          onlyInStages: HELPING,
          onlyWhileOpen: [args.taskId],
          now: at,
          write: async (tx) => {
            await tx.task.update({ where: { id: args.taskId }, data: { remindedAt: at } });
          },
          // The reminder reaches the helper: a bell item and an e-mail, decided here, in this step.
          notify: [{ taskId: args.taskId, kind: 'checkin_reminder', userIds: [args.helperId] }],
        }),
      );
    },

    /** Past the deadline: the coordinator follows up — unless the helper filed meanwhile. */
    async escalateCheckIn(
      args: Scope & { taskId: string; month: string; followUpTaskId: string; dueAt: number; era?: number },
    ): Promise<void> {
      const at = now();
      await withRules(() =>
        applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.checkin_overdue',
          payload: { month: args.month },
          idempotencyKey: stepKeys.checkIn(args.caseId, args.month, args.era ?? 0, 'overdue'),
          onlyInStages: HELPING,
          onlyWhileOpen: [args.taskId],
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
        }),
      );
    },

    /**
     * The helper files the month. Refused (TASK_NOT_OPEN / CASE_MOVED_ON) when a closure or a
     * transfer committed first: the alert it would open belongs to a case no longer helped here.
     */
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
          era?: number;
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
          actorMust: { beHelper: true },
          idempotencyKey: stepKeys.checkIn(args.caseId, args.month, args.era ?? 0, 'filed'),
          now: at,
          requireStages: HELPING,
          closeTasks: [{ id: args.taskId }, { id: args.followUpTaskId, optional: true }],
          openTasks: tasks,
          caseData: { riskLevel: report.riskLevel },
          write: async (tx) => {
            await tx.checkIn.create({
              data: {
                id: rowIds.checkIn(args.caseId, args.month),
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

    /**
     * A filed check-in corrected: the version it replaces is kept in CheckInAmendment with the
     * reason and the author, the CheckIn row takes the new figures, and the step is audited. The
     * event carries the month and the new figures only (the reason is free text).
     */
    async amendCheckIn(
      // `seq`: the counter's name in activities scheduled before corrections carried their id.
      args: Scope & AmendCheckInArgs & { key?: number | string; seq?: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      const key = args.key ?? args.seq ?? 0;
      return withRules(async () => {
        const report = parse(checkInReportSchema, args.report);
        const totals = checkInTotals(report);
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.checkin_amended',
          payload: {
            month: args.month,
            riskLevel: report.riskLevel,
            tutoringHours: totals.tutoringHours,
            materialVnd: totals.materialVnd,
          },
          actorId: args.actorId,
          actorMust: { beHelperOr: { roles: [...COORDINATORS], unitId: args.schoolUnitId } },
          idempotencyKey: stepKeys.checkInAmended(args.caseId, key),
          now: at,
          write: async (tx) => {
            const before = await tx.checkIn.findUnique({
              where: { caseId_month: { caseId: args.caseId, month: args.month } },
            });
            if (!before) throw new MissingRow(`no check-in ${args.month} for ${args.caseId}`);
            await tx.checkInAmendment.create({
              data: {
                id: rowIds.checkInAmendment(args.caseId, key),
                checkInId: before.id,
                caseId: args.caseId,
                month: args.month,
                previousReport: before.report ?? {},
                previousRiskLevel: before.riskLevel,
                previousTutoringHours: before.tutoringHours,
                previousMaterialVnd: before.materialVnd,
                report,
                reason: args.reason.trim(),
                authorId: args.actorId,
                amendedAt: at,
              },
            });
            await tx.checkIn.update({
              where: { id: before.id },
              data: {
                report,
                riskLevel: report.riskLevel,
                tutoringHours: totals.tutoringHours,
                materialVnd: BigInt(totals.materialVnd),
              },
            });
            await tx.auditLog.create({
              data: {
                actorId: args.actorId,
                action: 'checkin.amend',
                subjectType: 'case',
                subjectId: args.caseId,
                caseId: args.caseId,
                reason: JSON.stringify({ month: args.month, amendment: key }),
              },
            });
          },
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },

    async acknowledge(
      args: Scope & AcknowledgeArgs & { stage: StepResult['stage']; era?: number },
    ): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.follow_up_done',
          payload: { taskId: args.taskId, ...(args.note ? { note: args.note } : {}) },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.acknowledged(args.taskId, args.era ?? 0),
          now: now(),
          closeTasks: [{ id: args.taskId }],
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },
  };
}
