import { applyCaseStep, type TaskSpec } from '@donghanh/db';
import { evaluationDraftSchema } from '@donghanh/domain';
import { rowIds, stepKeys, taskIds } from '../case/task-ids';
import type { DecideArgs, StartEvaluationArgs, StepResult, SubmitEvaluationArgs } from '../messages';
import {
  type ActivityDeps,
  clockOf,
  coordinatorsOf,
  parse,
  type Scope,
  stepResult,
  withRules,
} from './support';

type Decision = Scope & DecideArgs & { term: string; version: number; helperId: string; dueAt: number };

/** The draft goes back to the helper as the next version. */
function redraftTask(a: Decision): TaskSpec {
  return {
    id: taskIds.evaluation(a.caseId, a.term, a.version + 1),
    type: 'draft_evaluation',
    assigneeUserId: a.helperId,
    dueAt: new Date(a.dueAt),
    payload: { term: a.term, returned: true },
  };
}

/**
 * The semester evaluation: the helper drafts, the coordinator reviews, the principal signs off
 * (or returns it). Every version has its own keys: an evaluation opened again in the same term
 * (after a reopening or a transfer) is a new version and is written again.
 */
export function evaluationActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);
  return {
    async openEvaluation(
      args: Scope & {
        term: string;
        version: number;
        helperId: string;
        dueAt: number;
        dueOn?: string | undefined;
        early?: StartEvaluationArgs | undefined;
      },
    ): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.evaluation_opened',
          payload: {
            term: args.term,
            version: args.version,
            ...(args.early ? { early: true, reason: args.early.reason } : {}),
          },
          actorId: args.early?.actorId ?? null,
          ...(args.early ? { actorMust: coordinatorsOf(args.schoolUnitId) } : {}),
          idempotencyKey: stepKeys.evaluationOpened(args.caseId, args.term, args.version),
          now: now(),
          stage: 'evaluation',
          openTasks: [
            {
              id: taskIds.evaluation(args.caseId, args.term, args.version),
              type: 'draft_evaluation',
              assigneeUserId: args.helperId,
              dueAt: new Date(args.dueAt),
              dueOn: args.dueOn,
              payload: { term: args.term },
            },
          ],
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    async recordEvaluationDraft(
      args: Scope & SubmitEvaluationArgs & { term: string; version: number; dueAt: number },
    ): Promise<StepResult> {
      return withRules(async () => {
        const draft = parse(evaluationDraftSchema, args.draft);
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.evaluation_drafted',
          payload: { term: args.term, version: args.version, recommendation: draft.recommendation },
          actorId: args.actorId,
          actorMust: { beHelper: true },
          idempotencyKey: stepKeys.evaluationDrafted(args.caseId, args.term, args.version),
          now: at,
          closeTasks: [{ id: args.taskId }],
          openTasks: [
            {
              id: taskIds.evaluationReview(args.caseId, args.term, args.version),
              type: 'review_evaluation',
              assigneeRole: 'SCHOOL_COORDINATOR',
              scopeUnitId: args.schoolUnitId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term, version: args.version },
            },
          ],
          write: async (tx) => {
            await tx.evaluation.create({
              data: {
                id: rowIds.evaluation(args.caseId, args.term, args.version),
                caseId: args.caseId,
                term: args.term,
                version: args.version,
                status: 'DRAFTED',
                content: draft,
                decision: draft.recommendation,
                authorId: args.actorId,
                draftedAt: at,
              },
            });
          },
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    /** The coordinator passes the draft to the principal, or returns it to the helper. */
    async recordEvaluationReview(args: Decision): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const id = rowIds.evaluation(args.caseId, args.term, args.version);
        const next: TaskSpec = args.approve
          ? {
              id: taskIds.evaluationSignOff(args.caseId, args.term, args.version),
              type: 'signoff_evaluation',
              assigneeRole: 'PRINCIPAL',
              scopeUnitId: args.schoolUnitId,
              dueAt: new Date(args.dueAt),
              payload: { term: args.term, version: args.version },
            }
          : redraftTask(args);
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.approve ? 'case.evaluation_reviewed' : 'case.evaluation_returned',
          payload: {
            term: args.term,
            version: args.version,
            by: 'coordinator',
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.evaluationReviewed(args.caseId, args.term, args.version),
          now: at,
          closeTasks: [{ id: args.taskId }],
          openTasks: [next],
          write: async (tx) => {
            await tx.evaluation.update({
              where: { id },
              data: {
                status: args.approve ? 'REVIEWED' : 'RETURNED',
                reviewerId: args.actorId,
                reviewedAt: at,
                comment: args.comment ?? null,
              },
            });
          },
        });
        return stepResult(args.caseId, 'evaluation', r.eventId);
      });
    },

    /**
     * The principal's decision. Signed off: the case continues, or closes when the evaluation
     * proposed closure (the principal's sign-off is the closure's approval). Returned: the helper
     * rewrites the draft.
     */
    async recordEvaluationSignOff(args: Decision): Promise<StepResult & { closes: boolean }> {
      return withRules(async () => {
        const at = now();
        const id = rowIds.evaluation(args.caseId, args.term, args.version);
        const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id } });
        const draft = parse(evaluationDraftSchema, evaluation.content);
        const closes = args.approve && draft.recommendation === 'propose_closure';
        const stage = !args.approve ? 'evaluation' : closes ? 'closed' : 'active';
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: !args.approve
            ? 'case.evaluation_returned'
            : closes
              ? 'case.closed'
              : 'case.evaluation_signed_off',
          payload: {
            term: args.term,
            version: args.version,
            by: 'principal',
            decision: draft.recommendation,
            ...(closes ? { reason: draft.closureReason } : {}),
            ...(args.comment ? { comment: args.comment } : {}),
          },
          actorId: args.actorId,
          actorMust: { roles: ['PRINCIPAL'], unitId: args.schoolUnitId },
          idempotencyKey: stepKeys.evaluationDecided(args.caseId, args.term, args.version),
          now: at,
          closeTasks: [{ id: args.taskId }],
          cancelOtherOpenTasks: closes,
          stage,
          // Closing drops a transfer still waiting for the other school.
          caseData: closes
            ? { closureReason: draft.closureReason ?? 'other', closedAt: at, transferToSchoolId: null }
            : {},
          openTasks: args.approve ? [] : [redraftTask(args)],
          write: async (tx) => {
            await tx.evaluation.update({
              where: { id },
              data: {
                status: args.approve ? 'SIGNED_OFF' : 'RETURNED',
                principalId: args.actorId,
                decidedAt: at,
                comment: args.comment ?? evaluation.comment,
              },
            });
            if (closes)
              await tx.caseHelper.updateMany({
                where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
                data: { status: 'ENDED', endedAt: at },
              });
          },
        });
        return { ...stepResult(args.caseId, stage, r.eventId), closes };
      });
    },
  };
}
