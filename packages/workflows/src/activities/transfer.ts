import { applyCaseStep, RuleViolation } from '@donghanh/db';
import { stepKeys, taskIds } from '../case/task-ids';
import type { DecideArgs, RequestTransferArgs, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, type Scope, stepResult, withRules } from './support';

/** A case moves to another school once that school's coordinator accepts it. */
export function transferActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
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
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.transferRequested(args.caseId, args.round),
          now: now(),
          caseData: { transferToSchoolId: args.toSchoolId },
          openTasks: [
            {
              id: taskIds.transfer(args.caseId, args.round),
              type: 'accept_transfer',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.toSchoolUnitId,
              payload: { fromSchoolUnitId: args.schoolUnitId },
            },
          ],
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
          select: {
            studentId: true,
            schoolId: true,
            student: { select: { class: { select: { homeroomId: true } } } },
          },
        });
        // The child leaves the class, so the event keeps who had the case as homeroom teacher:
        // the live board tells that teacher (and no one else at the school) that the card left.
        const fromHomeroomId = args.approve ? (c.student.class?.homeroomId ?? null) : null;
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.transferred' : 'case.transfer_refused',
          payload: {
            round: args.round,
            fromSchoolId: c.schoolId,
            toSchoolId: args.toSchoolId,
            ...(fromHomeroomId ? { fromHomeroomId } : {}),
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.toSchoolUnitId),
          idempotencyKey: stepKeys.transferAnswered(args.caseId, args.round),
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
                  id: taskIds.assign(args.caseId, args.assignmentRound),
                  type: 'assign_helper',
                  assigneeRole: 'SCHOOL_COORDINATOR',
                  scopeUnitId: args.toSchoolUnitId,
                  dueAt: new Date(args.assignmentDueAt),
                },
              ]
            : [],
          write: async (tx) => {
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
  };
}
