import type { Db } from '@donghanh/db';
import {
  answerOffer,
  expireOffer,
  identifyCase,
  offerAssignment,
  openAssignmentTask,
  requireEligible,
  reviewPlan,
  setCaseStage,
  submitPlan,
  withCaseEvent,
} from '@donghanh/db';
import type { CaseStage } from '@donghanh/domain';
import type { AssignHelperArgs, CaseWorkflowInput, PlanGoals, StepResult } from '../messages';
import { createLifecycleActivities } from './lifecycle-activities';
import { stepResult, withRules } from './rules';

export interface CaseActivityDeps {
  db: Db;
  now?: () => Date;
}

/**
 * Side effects of the case workflow. Each writes its state change and its CaseEvent in one
 * transaction, keyed so that a retried attempt finds its own write and does nothing. Due dates
 * are computed here (activities may read the clock; workflow code may not).
 */
export function createCaseActivities(deps: CaseActivityDeps) {
  const now = deps.now ?? (() => new Date());
  const after = (ms: number) => new Date(now().getTime() + ms);

  return {
    ...createLifecycleActivities(deps),

    async recordIdentified(
      input: CaseWorkflowInput & { screeningMs: number },
    ): Promise<{ eventId: string; screeningTaskId: string }> {
      const r = await identifyCase(deps.db, {
        ...input,
        screeningUnitId: input.schoolUnitId,
        screeningDueAt: after(input.screeningMs),
      });
      return { eventId: r.eventId.toString(), screeningTaskId: `${input.caseId}:screening` };
    },

    async recordScreening(args: {
      caseId: string;
      taskId: string;
      actorId: string;
      decision: 'accept' | 'decline';
      reason?: string | undefined;
      schoolUnitId: string;
      assignmentMs: number;
    }): Promise<StepResult & { assignTaskId: string | null }> {
      const accepted = args.decision === 'accept';
      const stage: CaseStage = accepted ? 'assignment' : 'declined';
      const r = await withRules(() =>
        withCaseEvent(
          deps.db,
          {
            caseId: args.caseId,
            type: accepted ? 'case.accepted' : 'case.declined',
            payload: args.reason ? { reason: args.reason } : {},
            actorId: args.actorId,
            idempotencyKey: `${args.caseId}:screened`,
          },
          async (tx) => {
            if (accepted) await requireEligible(tx, args.caseId);
            await tx.task.update({
              where: { id: args.taskId },
              data: { status: 'DONE', completedAt: now(), completedById: args.actorId },
            });
            await setCaseStage(tx, args.caseId, stage);
            if (accepted)
              await openAssignmentTask(tx, {
                caseId: args.caseId,
                round: 1,
                scopeUnitId: args.schoolUnitId,
                dueAt: after(args.assignmentMs),
              });
          },
        ),
      );
      return {
        ...stepResult(args.caseId, stage, r.eventId),
        assignTaskId: accepted ? `${args.caseId}:assign:1` : null,
      };
    },

    async recordOffer(
      args: AssignHelperArgs & {
        caseId: string;
        round: number;
        schoolUnitId: string;
        offerResponseMs: number;
      },
    ): Promise<StepResult & { offerTaskId: string }> {
      return withRules(async () => {
        const r = await offerAssignment(deps.db, {
          caseId: args.caseId,
          round: args.round,
          taskId: args.taskId,
          actorId: args.actorId,
          helperId: args.helperId,
          coHelperIds: args.coHelperIds ?? [],
          sponsor: args.sponsor,
          schoolUnitId: args.schoolUnitId,
          responseDueAt: after(args.offerResponseMs),
          now: now(),
        });
        return { ...stepResult(args.caseId, 'assignment', r.eventId), offerTaskId: r.offerTaskId };
      });
    },

    async recordOfferAnswer(args: {
      caseId: string;
      round: number;
      taskId: string;
      actorId: string;
      accept: boolean;
      reason?: string | undefined;
      schoolUnitId: string;
      nextMs: number;
      planVersion?: number | undefined;
    }): Promise<StepResult> {
      const r = await answerOffer(deps.db, { ...args, nextDueAt: after(args.nextMs), now: now() });
      return stepResult(args.caseId, args.accept ? 'plan' : 'assignment', r.eventId);
    },

    async recordOfferExpired(args: {
      caseId: string;
      round: number;
      taskId: string;
      schoolUnitId: string;
      assignmentMs: number;
    }): Promise<StepResult> {
      const r = await expireOffer(deps.db, { ...args, nextDueAt: after(args.assignmentMs), now: now() });
      return stepResult(args.caseId, 'assignment', r.eventId);
    },

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
      const r = await submitPlan(deps.db, { ...args, reviewDueAt: after(args.planReviewMs), now: now() });
      return stepResult(args.caseId, 'plan', r.eventId);
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
    }): Promise<StepResult> {
      const r = await reviewPlan(deps.db, { ...args, rewriteDueAt: after(args.planMs), now: now() });
      return stepResult(args.caseId, args.approve ? 'active' : 'plan', r.eventId);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
