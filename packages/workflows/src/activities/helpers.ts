import { applyCaseStep, checkHelpersCanTake } from '@donghanh/db';
import { rowIds, stepKeys } from '../case/task-ids';
import type { ReplaceHelperArgs, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, type Scope, stepResult, withRules } from './support';

/** The coordinator hands a case in help to another teacher, who inherits its open work. */
export function helperActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    async replaceHelper(
      args: Scope & ReplaceHelperArgs & { previousId: string; round: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.helper_replaced',
          payload: { from: args.previousId, to: args.helperId, reason: args.reason },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.helperReplaced(args.caseId, args.round),
          now: at,
          caseData: { helperId: args.helperId },
          write: async (tx) => {
            await checkHelpersCanTake(tx, [args.helperId], args.schoolUnitId);
            await tx.caseHelper.updateMany({
              where: { caseId: args.caseId, userId: args.previousId, role: 'PRIMARY', status: 'ACTIVE' },
              data: { status: 'ENDED', endedAt: at, reason: args.reason },
            });
            await tx.caseHelper.create({
              data: {
                id: rowIds.replacementHelper(args.caseId, args.round),
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
  };
}
