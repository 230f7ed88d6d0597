import {
  type AlsoInConsentTx,
  holdsChildConsent,
  legalToday,
  recordCaseConsent,
  recordCaseLegalBasis,
  requireRole,
} from '@donghanh/db';
import { AppError, type CaseClock, recordConsentSchema, recordLegalBasisSchema } from '@donghanh/domain';
import { stepKeys, taskIds } from '../case/task-ids';
import type { ConsentRecordedResult, RecordConsentArgs, RecordLegalBasisArgs } from '../messages';
import { type ActivityDeps, COORDINATORS, clockOf, parse, type Scope, withRules } from './support';

type RecordingScope = Scope & { clock: CaseClock };

/**
 * The consent step's write: the consent rows (guardian's name sealed with the data key), the
 * `case.consent_recorded` event and the audit row, and — when the recording holds the child's
 * own consent — the child's-consent task closed, all in one transaction keyed by the recording's
 * id. The day is checked against legalToday (the calendar's today, or the case clock's if later).
 */
export function consentActivities(deps: ActivityDeps) {
  const { db, cipher } = deps;
  const { now } = clockOf(deps);

  /** Re-checks the actor, then closes the child's-consent task if open and this recording holds it. */
  const alsoFor =
    (args: RecordingScope & { actorId: string }, at: Date): AlsoInConsentTx =>
    async (tx, payload) => {
      await requireRole(tx, args.actorId, [...COORDINATORS], args.schoolUnitId);
      if (!holdsChildConsent(payload)) return { closed: false };
      const id = taskIds.childConsent(args.caseId);
      const { count } = await tx.task.updateMany({
        where: { id, status: 'OPEN' },
        data: { status: 'DONE', completedAt: at, completedById: args.actorId },
      });
      if (count === 0) return { closed: false };
      await tx.caseEvent.create({
        data: {
          caseId: args.caseId,
          type: 'case.child_consent_given',
          payload: {},
          actorId: args.actorId,
          idempotencyKey: stepKeys.childConsentGiven(args.caseId),
        },
      });
      return { closed: true };
    };

  /** A retried attempt (its event already written) reads back whether the task is closed. */
  const result = async (
    caseId: string,
    written: { applied: boolean; eventId: bigint; result: { also: Record<string, unknown> | null } | null },
  ): Promise<ConsentRecordedResult> => {
    const closed = written.applied
      ? written.result?.also?.closed === true
      : (await db.task.findUnique({ where: { id: taskIds.childConsent(caseId) }, select: { status: true } }))
          ?.status === 'DONE';
    return { caseId, eventId: written.eventId.toString(), closedChildConsentTask: closed };
  };

  return {
    async recordConsent(args: RecordingScope & RecordConsentArgs): Promise<ConsentRecordedResult> {
      return withRules(async () => {
        if (!cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
        const input = parse(recordConsentSchema, { ...args.consent, caseId: args.caseId });
        const at = now();
        const written = await recordCaseConsent(
          db,
          cipher,
          input,
          {
            actorId: args.actorId,
            now: at,
            today: legalToday({ now: at.getTime(), clock: args.clock }),
            idempotencyKey: stepKeys.consentRecorded(args.caseId, args.recordingId),
            ip: args.ip ?? null,
          },
          alsoFor(args, at),
        );
        return result(args.caseId, written);
      });
    },

    async recordLegalBasis(args: RecordingScope & RecordLegalBasisArgs): Promise<ConsentRecordedResult> {
      return withRules(async () => {
        const input = parse(recordLegalBasisSchema, { ...args.legalBasis, caseId: args.caseId });
        const at = now();
        const written = await recordCaseLegalBasis(
          db,
          input,
          {
            actorId: args.actorId,
            now: at,
            today: legalToday({ now: at.getTime(), clock: args.clock }),
            idempotencyKey: stepKeys.consentRecorded(args.caseId, args.recordingId),
            ip: args.ip ?? null,
          },
          alsoFor(args, at),
        );
        return result(args.caseId, written);
      });
    },
  };
}
