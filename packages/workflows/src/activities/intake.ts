import { applyCaseStep, identifyCase, requireEligible } from '@donghanh/db';
import type { CaseStage } from '@donghanh/domain';
import { stepKeys, taskIds } from '../case/task-ids';
import type { CaseWorkflowInput, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, stepResult, withRules } from './support';

/** A case is written (identified) and screened by the school's coordinator. */
export function intakeActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now, after } = clockOf(deps);
  return {
    async recordIdentified(
      input: CaseWorkflowInput & { screeningMs: number },
    ): Promise<{ eventId: string; screeningTaskId: string; code: string }> {
      return withRules(async () => {
        const screeningTaskId = taskIds.screening(input.caseId);
        const r = await identifyCase(db, {
          ...input,
          screeningUnitId: input.schoolUnitId,
          screeningDueAt: after(input.screeningMs),
          idempotencyKey: stepKeys.identified(input.caseId),
          screeningTaskId,
        });
        return { eventId: r.eventId.toString(), screeningTaskId, code: r.code };
      });
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
      return withRules(async () => {
        const accepted = args.decision === 'accept';
        const stage: CaseStage = accepted ? 'assignment' : 'declined';
        const assignTaskId = accepted ? taskIds.assign(args.caseId, 1) : null;
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: accepted ? 'case.accepted' : 'case.declined',
          payload: args.reason ? { reason: args.reason } : {},
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.screened(args.caseId),
          now: now(),
          closeTasks: [{ id: args.taskId }],
          stage,
          openTasks: assignTaskId
            ? [
                {
                  id: assignTaskId,
                  type: 'assign_helper',
                  assigneeRole: 'SCHOOL_COORDINATOR',
                  scopeUnitId: args.schoolUnitId,
                  dueAt: after(args.assignmentMs),
                },
              ]
            : [],
          write: async (tx) => {
            if (accepted) await requireEligible(tx, args.caseId);
          },
        });
        return { ...stepResult(args.caseId, stage, r.eventId), assignTaskId };
      });
    },
  };
}
