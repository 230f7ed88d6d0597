import { applyCaseStep } from '@donghanh/db';
import { type CaseClock, dateAt, dayReachingAge, instantOf } from '@donghanh/domain';
import { stepKeys, taskIds } from '../case/task-ids';
import { type ActivityDeps, clockOf, type Scope, withRules } from './support';

const IN_PROGRESS = ['identified', 'assignment', 'plan', 'active', 'evaluation', 'closure'] as const;

/**
 * The law asks the child's own consent from 7: a child younger when the guardian consented is
 * asked when the 7th birthday comes during the case (a task for the school's coordinator).
 */
export function childConsentActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  /** The current consent lacks the child's own: given for a child under 7. */
  const lacksChild = async (caseId: string, client: Pick<typeof db, 'caseConsent'> = db) => {
    const current = await client.caseConsent.findFirst({
      where: { caseId, current: true },
      select: { basis: true, withdrawnOn: true, childConsentRequired: true },
    });
    return current?.basis === 'consent' && !current.withdrawnOn && !current.childConsentRequired;
  };
  return {
    /** The instant (case clock) the child turns 7; null when the birth date is unknown or 7 is past. */
    async childTurnsSevenAt(args: { caseId: string; clock: CaseClock }): Promise<number | null> {
      const c = await db.case.findUnique({
        where: { id: args.caseId },
        select: { student: { select: { birthDate: true } } },
      });
      const birth = c?.student.birthDate?.toISOString().slice(0, 10);
      if (!birth) return null;
      const seventh = dayReachingAge(birth, 7);
      return seventh > dateAt(now().getTime(), args.clock) ? instantOf(seventh, args.clock) : null;
    },

    /** Opens the coordinator's task when the consent on record was given without the child's. */
    async askChildConsent(args: Scope): Promise<string | null> {
      return withRules(async () => {
        if (!(await lacksChild(args.caseId))) return null;
        const id = taskIds.childConsent(args.caseId);
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.child_consent_asked',
          idempotencyKey: stepKeys.childConsentAsked(args.caseId),
          now: now(),
          onlyInStages: [...IN_PROGRESS],
          // Asked again under the case's lock: a consent being recorded with the child's own
          // (which takes the same lock) commits first or finds this task to close.
          onlyIf: (tx) => lacksChild(args.caseId, tx),
          openTasks: [
            {
              id,
              type: 'record_child_consent',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.schoolUnitId,
            },
          ],
        });
        return 'skipped' in r && r.skipped ? null : id;
      });
    },

    /** The consent recorded since holds the child's own (or a legal basis replaced it): done. */
    async childConsentGiven(args: Scope & { actorId?: string | null }): Promise<boolean> {
      return withRules(async () => {
        if (await lacksChild(args.caseId)) return false;
        const id = taskIds.childConsent(args.caseId);
        await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.child_consent_given',
          idempotencyKey: stepKeys.childConsentGiven(args.caseId),
          now: now(),
          closeTasks: [{ id, optional: true }],
        });
        return true;
      });
    },
  };
}
