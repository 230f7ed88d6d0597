import type { Db } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { setCaseStage, withCaseEvent } from './record-case-event';

export interface PlanSubmission {
  caseId: string;
  version: number;
  taskId: string;
  actorId: string;
  goals: { week: string; month: string; semester: string };
  kinds: string[];
  schoolUnitId: string;
  reviewDueAt: Date;
  now: Date;
}

/** The helper submits a plan version; the coordinator gets a review task. */
export async function submitPlan(db: Db, p: PlanSubmission) {
  return withCaseEvent(
    db,
    {
      caseId: p.caseId,
      type: 'case.plan_submitted',
      payload: { version: p.version, kinds: p.kinds },
      actorId: p.actorId,
      idempotencyKey: `${p.caseId}:plan:${p.version}:submitted`,
    },
    async (tx) => {
      await tx.task.update({
        where: { id: p.taskId },
        data: { status: 'DONE', completedAt: p.now, completedById: p.actorId },
      });
      await tx.helpPlan.create({
        data: {
          id: `${p.caseId}:plan:${p.version}`,
          caseId: p.caseId,
          version: p.version,
          status: 'SUBMITTED',
          goals: p.goals as Prisma.InputJsonObject,
          kinds: p.kinds,
          authorId: p.actorId,
          submittedAt: p.now,
        },
      });
      await tx.task.create({
        data: {
          id: `${p.caseId}:plan-review:${p.version}`,
          caseId: p.caseId,
          type: 'review_plan',
          assigneeRole: 'SCHOOL_COORDINATOR',
          scopeUnitId: p.schoolUnitId,
          dueAt: p.reviewDueAt,
        },
      });
      await tx.case.update({ where: { id: p.caseId }, data: { version: { increment: 1 } } });
    },
  );
}

export interface PlanReview {
  caseId: string;
  version: number;
  taskId: string;
  actorId: string;
  approve: boolean;
  comment?: string | undefined;
  helperId: string;
  rewriteDueAt: Date;
  now: Date;
}

/** Approve: help starts (stage `active`). Return: the helper rewrites it as a new version. */
export async function reviewPlan(db: Db, r: PlanReview) {
  return withCaseEvent(
    db,
    {
      caseId: r.caseId,
      type: r.approve ? 'case.plan_approved' : 'case.plan_returned',
      payload: { version: r.version, ...(r.comment ? { comment: r.comment } : {}) },
      actorId: r.actorId,
      idempotencyKey: `${r.caseId}:plan:${r.version}:reviewed`,
    },
    async (tx) => {
      await tx.task.update({
        where: { id: r.taskId },
        data: { status: 'DONE', completedAt: r.now, completedById: r.actorId },
      });
      await tx.helpPlan.update({
        where: { id: `${r.caseId}:plan:${r.version}` },
        data: {
          status: r.approve ? 'APPROVED' : 'RETURNED',
          reviewerId: r.actorId,
          comment: r.comment ?? null,
          reviewedAt: r.now,
        },
      });
      if (r.approve) {
        await setCaseStage(tx, r.caseId, 'active');
      } else {
        await tx.task.create({
          data: {
            id: `${r.caseId}:plan:${r.version + 1}`,
            caseId: r.caseId,
            type: 'write_plan',
            assigneeUserId: r.helperId,
            dueAt: r.rewriteDueAt,
          },
        });
        await tx.case.update({ where: { id: r.caseId }, data: { version: { increment: 1 } } });
      }
    },
  );
}
