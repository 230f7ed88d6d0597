import {
  applyCaseStep,
  caseConsentState,
  checkHelpersCanTake,
  RuleViolation,
  raiseCapacityOnAccept,
} from '@donghanh/db';
import { ERROR_MESSAGES } from '@donghanh/domain';
import { rowIds, stepKeys, taskIds } from '../case/task-ids';
import type { AssignHelperArgs, StepResult } from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, type Scope, stepResult, withRules } from './support';

/** The coordinator's task of choosing a helper for a case. */
function assignTask(caseId: string, round: number, scopeUnitId: string, dueAt: Date) {
  return {
    id: taskIds.assign(caseId, round),
    type: 'assign_helper',
    assigneeRole: 'SCHOOL_COORDINATOR' as const,
    scopeUnitId,
    dueAt,
  };
}

/**
 * The coordinator offers the case to a teacher, who accepts or declines; an unanswered offer
 * lapses. Capacity is checked with the teachers' rows locked, so two cases offered at once can
 * never push a teacher past what they volunteered.
 */
export function assignmentActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now, after } = clockOf(deps);
  return {
    async recordOffer(
      args: AssignHelperArgs & {
        caseId: string;
        round: number;
        schoolUnitId: string;
        offerResponseMs: number;
      },
    ): Promise<StepResult & { offerTaskId: string }> {
      return withRules(async () => {
        const at = now();
        const offerTaskId = taskIds.offer(args.caseId, args.round);
        const ids = [args.helperId, ...(args.coHelperIds ?? [])];
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.helper_offered',
          payload: {
            round: args.round,
            helperId: args.helperId,
            coHelperIds: args.coHelperIds ?? [],
            sponsor: Boolean(args.sponsor),
          },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.offered(args.caseId, args.round),
          now: at,
          closeTasks: [{ id: args.taskId }],
          caseData: args.sponsor
            ? { sponsorName: args.sponsor.name, sponsorNote: args.sponsor.note ?? null }
            : {},
          openTasks: [
            {
              id: offerTaskId,
              type: 'respond_offer',
              assigneeUserId: args.helperId,
              dueAt: after(args.offerResponseMs),
            },
          ],
          write: async (tx) => {
            // No helper sees the child before the family agreed or the school stated its legal
            // basis. Read under the case's row lock, so a consent committed a moment ago counts.
            const consent = await caseConsentState(tx, args.caseId);
            if (consent.state !== 'consent' && consent.state !== 'legal_basis')
              throw new RuleViolation('CONSENT_NOT_RECORDED', ERROR_MESSAGES.CONSENT_NOT_RECORDED.vi, {
                consent: consent.state,
              });
            // setup: `ask` lets the coordinator offer the case to the primary helper even without a free place.
            const { asked } = await checkHelpersCanTake(
              tx,
              ids,
              args.schoolUnitId,
              args.ask ? [args.helperId] : [],
            );
            for (const [i, id] of ids.entries()) {
              await tx.caseHelper.create({
                data: {
                  id: rowIds.offeredHelper(args.caseId, args.round, i),
                  caseId: args.caseId,
                  userId: id,
                  role: i === 0 ? 'PRIMARY' : 'CO_HELPER',
                  status: 'OFFERED',
                  offeredAt: at,
                  asked: asked.includes(id),
                  // The coordinator's note is for the primary helper's decision only.
                  note: i === 0 ? (args.note ?? null) : null,
                },
              });
            }
          },
        });
        return { ...stepResult(args.caseId, 'assignment', r.eventId), offerTaskId };
      });
    },

    /** Accept: the case moves to its plan; decline: back to the coordinator. */
    async recordOfferAnswer(args: {
      caseId: string;
      round: number;
      taskId: string;
      actorId: string;
      accept: boolean;
      reason?: string | undefined;
      schoolUnitId: string;
      nextMs: number;
      /** The plan version the helper writes after accepting (above 1 after a transfer or reopening). */
      planVersion?: number | undefined;
    }): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const offered = {
          caseId: args.caseId,
          status: 'OFFERED' as const,
          id: { startsWith: rowIds.offeredHelpersPrefix(args.caseId, args.round) },
        };
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.accept ? 'case.helper_accepted' : 'case.helper_declined',
          payload: { round: args.round, ...(args.reason ? { reason: args.reason } : {}) },
          actorId: args.actorId,
          actorMust: { beOffered: { idPrefix: rowIds.offeredHelpersPrefix(args.caseId, args.round) } },
          idempotencyKey: stepKeys.offerAnswered(args.caseId, args.round),
          now: at,
          closeTasks: [{ id: args.taskId }],
          ...(args.accept ? { stage: 'plan' as const, caseData: { helperId: args.actorId } } : {}),
          openTasks: args.accept
            ? [
                {
                  id: taskIds.plan(args.caseId, args.planVersion ?? 1),
                  type: 'write_plan',
                  assigneeUserId: args.actorId,
                  dueAt: after(args.nextMs),
                },
              ]
            : [assignTask(args.caseId, args.round + 1, args.schoolUnitId, after(args.nextMs))],
          write: async (tx) => {
            if (args.accept) {
              // setup: accepting a case one was asked for (no free place) takes one more place.
              const asked = await tx.caseHelper.count({
                where: { ...offered, userId: args.actorId, asked: true },
              });
              if (asked > 0) await raiseCapacityOnAccept(tx, args.actorId, args.caseId);
            }
            await tx.caseHelper.updateMany({
              where: offered,
              data: args.accept
                ? { status: 'ACTIVE', respondedAt: at }
                : { status: 'DECLINED', respondedAt: at, reason: args.reason ?? null },
            });
          },
        });
        return stepResult(args.caseId, args.accept ? 'plan' : 'assignment', r.eventId);
      });
    },

    /** No answer in time: the offer lapses and the coordinator gets the case back. */
    async recordOfferExpired(args: {
      caseId: string;
      round: number;
      taskId: string;
      schoolUnitId: string;
      assignmentMs: number;
    }): Promise<StepResult> {
      return withRules(async () => {
        const at = now();
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.offer_expired',
          payload: { round: args.round },
          idempotencyKey: stepKeys.offerExpired(args.caseId, args.round),
          now: at,
          // A timer's step: if the offer was answered after all, it writes nothing (the workflow
          // rejects answers once it lets the offer lapse, so this only guards a retry).
          onlyWhileOpen: [args.taskId],
          closeTasks: [{ id: args.taskId, status: 'EXPIRED' }],
          openTasks: [assignTask(args.caseId, args.round + 1, args.schoolUnitId, after(args.assignmentMs))],
          write: async (tx) => {
            await tx.caseHelper.updateMany({
              where: {
                caseId: args.caseId,
                status: 'OFFERED',
                id: { startsWith: rowIds.offeredHelpersPrefix(args.caseId, args.round) },
              },
              data: { status: 'EXPIRED', respondedAt: at },
            });
          },
        });
        return stepResult(args.caseId, 'assignment', r.eventId);
      });
    },

    /**
     * h13: the offered teacher hears the offer is about to lapse (bell, and e-mail as they chose).
     * A timer's step: it writes nothing once the offer is answered (or already lapsed).
     */
    async warnOfferLapsing(args: {
      caseId: string;
      round: number;
      taskId: string;
      helperId: string;
    }): Promise<{ applied: boolean }> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.offer_lapse_warned',
          payload: { round: args.round },
          idempotencyKey: stepKeys.offerLapseWarned(args.caseId, args.round),
          now: now(),
          onlyInStages: ['assignment'],
          onlyWhileOpen: [args.taskId],
          notify: [{ taskId: args.taskId, kind: 'offer_lapsing', userIds: [args.helperId] }],
        });
        return { applied: r.applied };
      });
    },

    async openAssignmentAfterReopen(args: Scope & { round: number; dueAt: number }): Promise<void> {
      await withRules(() =>
        applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.assignment_reopened',
          payload: { round: args.round },
          idempotencyKey: stepKeys.assignmentReopened(args.caseId, args.round),
          now: now(),
          openTasks: [assignTask(args.caseId, args.round, args.schoolUnitId, new Date(args.dueAt))],
        }),
      );
    },
  };
}
