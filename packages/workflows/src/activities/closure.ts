import {
  applyCaseStep,
  caseConsentState,
  checkHelpersCanTake,
  eraseCaseFreeText,
  legalToday,
  RuleViolation,
  setPersonalDataEraseOn,
  writeWithdrawalRows,
} from '@donghanh/db';
import { AppError, type CaseClock } from '@donghanh/domain';
import { rowIds, stepKeys, taskIds } from '../case/task-ids';
import type {
  DecideArgs,
  ProposeClosureArgs,
  ReopenArgs,
  StepResult,
  WithdrawConsentArgs,
} from '../messages';
import { type ActivityDeps, clockOf, coordinatorsOf, type Scope, stepResult, withRules } from './support';

/** The coordinator proposes closing a case, the principal decides; a closed case may reopen. */
export function closureActivities(deps: ActivityDeps) {
  const { db, cipher } = deps;
  const { now, dayOn } = clockOf(deps);
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
      args: Scope & DecideArgs & { round: number; returnTo: StepResult['stage']; clock?: CaseClock },
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
            if (!args.approve) return;
            await tx.caseHelper.updateMany({
              where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
              data: { status: 'ENDED', endedAt: at },
            });
            // The day its personal data is to be erased, kept with the case (histories recorded
            // before the clock travelled here pass none, and keep no day).
            if (args.clock) await setPersonalDataEraseOn(tx, args.caseId, dayOn(at, args.clock));
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
          caseData: { closedAt: null, closureReason: null, closureNote: null, personalDataEraseOn: null },
          write: async (tx) => {
            // A case whose family withdrew comes back only with a consent (or a legal basis) recorded anew.
            const consent = await caseConsentState(tx, args.caseId);
            if (consent.state === 'withdrawn')
              throw new AppError('CONSENT_NOT_RECORDED', { consent: consent.state });
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

    /**
     * The guardian or the child withdrew consent: the case closes at once (no principal's
     * decision: the law stops the processing), its open tasks and offers end, the helper is
     * released, the withdrawal is recorded and the free text erased in the same transaction, and
     * the day its remaining personal data goes is set.
     */
    async withdrawConsent(
      args: Scope & WithdrawConsentArgs & { era: number; clock: CaseClock },
    ): Promise<StepResult> {
      return withRules(async () => {
        if (!cipher) throw new Error('withdrawConsent needs the data key (its note is sealed)');
        const at = now();
        const today = dayOn(at, args.clock);
        // The withdrawal's day is checked against legalToday, the day a consent is checked
        // against too (the calendar's today, or the case clock's when later).
        const latest = legalToday({ now: at.getTime(), clock: args.clock });
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.consent_withdrawn',
          payload: { by: args.by, on: args.on },
          actorId: args.actorId,
          actorMust: coordinatorsOf(args.schoolUnitId),
          idempotencyKey: stepKeys.consentWithdrawn(args.caseId, args.era),
          now: at,
          requireStages: ['identified', 'assignment', 'plan', 'active', 'evaluation', 'closure'],
          cancelOtherOpenTasks: true,
          stage: 'closed',
          caseData: {
            closedAt: at,
            closureReason: 'consent_withdrawn',
            closureNote: null,
            transferToSchoolId: null,
          },
          write: async (tx) => {
            await writeWithdrawalRows(
              tx,
              cipher,
              { caseId: args.caseId, by: args.by, on: args.on, ...(args.note ? { note: args.note } : {}) },
              { actorId: args.actorId, now: at, today: latest },
            );
            await tx.caseHelper.updateMany({
              where: { caseId: args.caseId, status: { in: ['ACTIVE', 'OFFERED'] } },
              data: { status: 'ENDED', endedAt: at },
            });
            await eraseCaseFreeText(tx, args.caseId);
            await setPersonalDataEraseOn(tx, args.caseId, today);
          },
        });
        return stepResult(args.caseId, 'closed', r.eventId);
      });
    },
  };
}
