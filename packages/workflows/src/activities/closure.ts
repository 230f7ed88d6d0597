import { applyCaseStep, checkHelpersCanTake, RuleViolation } from '@donghanh/db';
import { rowIds, stepKeys, taskIds } from '../case/task-ids';
import type { DecideArgs, ProposeClosureArgs, ReopenArgs, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, type Scope, stepResult, withRules } from './support';

/** The coordinator proposes closing a case, the principal decides; a closed case may reopen. */
export function closureActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    async proposeClosure(args: Scope & ProposeClosureArgs & { round: number }): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.closure_proposed',
          payload: { reason: args.reason, ...(args.note ? { note: args.note } : {}) },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.closureProposed(args.caseId, args.round),
          now: now(),
          stage: 'closure',
          caseData: { closureReason: args.reason, closureNote: args.note ?? null },
          openTasks: [
            {
              id: taskIds.closure(args.caseId, args.round),
              type: 'approve_closure',
              assigneeRole: 'PRINCIPAL',
              scopeUnitId: args.schoolUnitId,
              payload: { reason: args.reason },
            },
          ],
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
          actorMust: { roles: ['PRINCIPAL'], unitId: args.schoolUnitId },
          idempotencyKey: stepKeys.closureDecided(args.caseId, args.round),
          now: at,
          closeTasks: [{ id: args.taskId }],
          cancelOtherOpenTasks: args.approve,
          stage,
          // Closing drops a transfer still waiting for the other school.
          caseData: args.approve
            ? { closedAt: at, transferToSchoolId: null }
            : { closureReason: null, closureNote: null },
          write: async (tx) => {
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
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.reopened(args.caseId, args.round),
          requireStages: ['closed'],
          now: at,
          caseData: { closedAt: null, closureReason: null, closureNote: null },
          write: async (tx) => {
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
                  id: rowIds.reopenedHelper(args.caseId, args.round),
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
  };
}
