import { applyCaseStep, setPersonalDataEraseOn } from '@donghanh/db';
import { type CaseClock, dayOfDateColumn } from '@donghanh/domain';
import { stepKeys } from '../case/task-ids';
import type { ApplyRetentionArgs, ApplyRetentionResult } from '../messages';
import { type ActivityDeps, clockOf, type Scope, withRules } from './support';

/**
 * An admin brings a closed case under the retention rule: a case closed before the rule existed
 * has no erase-on day; it gets the one its closure would have set (from the day it closed, on
 * the case's clock). A day already set is kept. Written once per era of the case.
 */
export function applyRetentionActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now, dayOn } = clockOf(deps);
  return {
    async applyRetention(
      args: Scope & ApplyRetentionArgs & { era: number; clock: CaseClock },
    ): Promise<ApplyRetentionResult & { eventId: string }> {
      return withRules(async () => {
        const at = now();
        let eraseOn: string | null = null;
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.retention_applied',
          actorId: args.actorId,
          actorMust: { roles: ['ADMIN'], unitId: args.schoolUnitId },
          idempotencyKey: stepKeys.retentionApplied(args.caseId, args.era),
          now: at,
          requireStages: ['closed'],
          write: async (tx) => {
            const c = await tx.case.findUniqueOrThrow({
              where: { id: args.caseId },
              select: { closedAt: true, personalDataEraseOn: true },
            });
            eraseOn =
              dayOfDateColumn(c.personalDataEraseOn) ??
              (await setPersonalDataEraseOn(tx, args.caseId, dayOn(c.closedAt ?? at, args.clock)));
          },
        });
        if (!r.applied) {
          const c = await db.case.findUniqueOrThrow({
            where: { id: args.caseId },
            select: { personalDataEraseOn: true },
          });
          eraseOn = dayOfDateColumn(c.personalDataEraseOn);
        }
        return { caseId: args.caseId, eraseOn, started: false, eventId: r.eventId.toString() };
      });
    },
  };
}
