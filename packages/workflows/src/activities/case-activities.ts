import type { Db } from '@donghanh/db';
import { identifyCase, setCaseStage, withCaseEvent } from '@donghanh/db';
import type { CaseStage } from '@donghanh/domain';
import type { CaseWorkflowInput } from '../messages';

export interface CaseActivityDeps {
  db: Db;
  now?: () => Date;
  /** How long coordinators have to screen a new case (campaign calendars refine this later). */
  screeningDelayMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Side effects of the case workflow. Each writes its state change and its CaseEvent in one
 * transaction, keyed so that a retried attempt finds its own write and does nothing.
 */
export function createCaseActivities(deps: CaseActivityDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    async recordIdentified(input: CaseWorkflowInput): Promise<{ eventId: string; screeningTaskId: string }> {
      const r = await identifyCase(deps.db, {
        ...input,
        screeningUnitId: input.schoolUnitId,
        screeningDueAt: new Date(now().getTime() + (deps.screeningDelayMs ?? 7 * DAY)),
      });
      return { eventId: r.eventId.toString(), screeningTaskId: `${input.caseId}:screening` };
    },

    async recordScreening(args: {
      caseId: string;
      taskId: string;
      actorId: string;
      decision: 'accept' | 'decline';
      reason?: string | undefined;
    }): Promise<{ caseId: string; stage: CaseStage; eventId: string }> {
      const stage: CaseStage = args.decision === 'accept' ? 'assignment' : 'declined';
      const r = await withCaseEvent(
        deps.db,
        {
          caseId: args.caseId,
          type: args.decision === 'accept' ? 'case.accepted' : 'case.declined',
          payload: args.reason ? { reason: args.reason } : {},
          actorId: args.actorId,
          idempotencyKey: `${args.caseId}:screened`,
        },
        async (tx) => {
          await tx.task.update({
            where: { id: args.taskId },
            data: { status: 'DONE', completedAt: now(), completedById: args.actorId },
          });
          await setCaseStage(tx, args.caseId, stage);
        },
      );
      return { caseId: args.caseId, stage, eventId: r.eventId.toString() };
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
