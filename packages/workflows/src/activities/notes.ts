import { applyCaseStep } from '@donghanh/db';
import { stepKeys } from '../case/task-ids';
import type { AddNoteArgs, StepResult } from '../messages';
import { type ActivityDeps, COORDINATORS, clockOf, type Scope, stepResult, withRules } from './support';

/** A note on the case's history, by its helper or a coordinator. */
export function noteActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    async addNote(
      args: Scope & AddNoteArgs & { seq: number; stage: StepResult['stage'] },
    ): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.note',
          payload: { text: args.text },
          actorId: args.actorId,
          actorMust: { beHelperOr: { roles: [...COORDINATORS], unitId: args.schoolUnitId } },
          idempotencyKey: stepKeys.note(args.caseId, args.seq),
          now: now(),
        });
        return stepResult(args.caseId, args.stage, r.eventId);
      });
    },
  };
}
