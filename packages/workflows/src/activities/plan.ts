import type { Prisma } from '@donghanh/db';
import { applyCaseStep } from '@donghanh/db';
import { rowIds, stepKeys, taskIds } from '../case/task-ids';
import type { PlanGoals, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, stepResult, withRules } from './support';

/** The helper writes a plan version; the coordinator approves it (help starts) or returns it. */
export function planActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now, after } = clockOf(deps);
  return {
    async recordPlanSubmitted(args: {
      caseId: string;
      version: number;
      taskId: string;
      actorId: string;
      goals: PlanGoals;
      kinds: string[];
      schoolUnitId: string;
      planReviewMs: number;
    }): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.plan_submitted',
          payload: { version: args.version, kinds: args.kinds },
          actorId: args.actorId,
          actorMust: { beHelper: true },
          idempotencyKey: stepKeys.planSubmitted(args.caseId, args.version),
          now: at,
          closeTasks: [{ id: args.taskId }],
          openTasks: [
            {
              id: taskIds.planReview(args.caseId, args.version),
              type: 'review_plan',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.schoolUnitId,
              dueAt: after(args.planReviewMs),
            },
          ],
          write: async (tx) => {
            await tx.helpPlan.create({
              data: {
                id: rowIds.plan(args.caseId, args.version),
                caseId: args.caseId,
                version: args.version,
                status: 'SUBMITTED',
                goals: args.goals as unknown as Prisma.InputJsonObject,
                kinds: args.kinds,
                authorId: args.actorId,
                submittedAt: at,
              },
            });
          },
        });
        return stepResult(args.caseId, 'plan', r.eventId);
      });
    },

    async recordPlanReviewed(args: {
      caseId: string;
      version: number;
      taskId: string;
      actorId: string;
      approve: boolean;
      comment?: string | undefined;
      helperId: string;
      planMs: number;
      schoolUnitId: string;
    }): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.plan_approved' : 'case.plan_returned',
          payload: { version: args.version, ...(args.comment ? { comment: args.comment } : {}) },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.planReviewed(args.caseId, args.version),
          now: at,
          closeTasks: [{ id: args.taskId }],
          ...(args.approve ? { stage: 'active' as const } : {}),
          openTasks: args.approve
            ? []
            : [
                {
                  id: taskIds.plan(args.caseId, args.version + 1),
                  type: 'write_plan',
                  assigneeUserId: args.helperId,
                  dueAt: after(args.planMs),
                },
              ],
          write: async (tx) => {
            await tx.helpPlan.update({
              where: { id: rowIds.plan(args.caseId, args.version) },
              data: {
                status: args.approve ? 'APPROVED' : 'RETURNED',
                reviewerId: args.actorId,
                comment: args.comment ?? null,
                reviewedAt: at,
              },
            });
          },
        });
        return stepResult(args.caseId, args.approve ? 'active' : 'plan', r.eventId);
      });
    },
  };
}
