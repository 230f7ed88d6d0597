import { type ErasureOutcome, erasePersonalData } from '@donghanh/db';
import { type CaseClock, instantOf } from '@donghanh/domain';
import { Context } from '@temporalio/activity';
import { historiesOf } from './history';
import { type ActivityDeps, clockOf, withRules } from './support';

/**
 * The retention of a closed case: when its personal data is due to go, and the erasure itself
 * (the data layer's erasePersonalData: a legal hold not lifted answers 'held' and writes nothing).
 */
export function retentionActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    /** The instant (on the case's clock) its erase-on day begins; null when none was set. */
    async personalDataEraseAt(args: { caseId: string; clock: CaseClock }): Promise<number | null> {
      const c = await db.case.findUnique({
        where: { id: args.caseId },
        select: { personalDataEraseOn: true },
      });
      const day = c?.personalDataEraseOn?.toISOString().slice(0, 10);
      return day ? instantOf(day, args.clock) : null;
    },

    /**
     * Erases the case's personal data and, once erased, starts the deletion of its Temporal
     * histories (activities/history.ts), which waits for the case's last run to complete. A
     * retry after a crash between the two finds 'already_erased' and starts it then.
     */
    async erasePersonalDataOf(args: { caseId: string }): Promise<ErasureOutcome> {
      const outcome = await withRules(() =>
        erasePersonalData(db, args.caseId, { actorId: 'system', now: now() }),
      );
      if (outcome !== 'held')
        await historiesOf(deps).startErasure(args.caseId, Context.current().info.taskQueue);
      return outcome;
    },
  };
}
