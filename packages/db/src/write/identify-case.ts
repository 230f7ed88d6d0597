import { CASE_CODE_ATTEMPTS, type CaseCategory, caseCodeCandidate } from '@donghanh/domain';
import type { Db } from '../client';
import { type Tx, withCaseEvent } from './record-case-event';

export interface IdentifyCaseRecord {
  caseId: string;
  code: string;
  campaignId: string;
  studentId: string;
  schoolId: string;
  categories: CaseCategory[];
  source: string;
  reason?: string | undefined;
  identifiedById?: string | null | undefined;
  /** Who screens the case: the school coordinators of the student's school. */
  screeningUnitId: string;
  screeningDueAt: Date;
  /** From the workflows' one home for keys and task ids (`stepKeys.identified`, `taskIds.screening`). */
  idempotencyKey: string;
  screeningTaskId: string;
}

/**
 * The first of the case's code candidates that no other case holds. Without this a collision
 * made the insert fail on the unique `code` for ever: the activity retried, the student never got
 * a case. (Two different cases racing for one candidate still meet the unique index; the retried
 * attempt then sees the winner and moves on.)
 */
async function freeCaseCode(tx: Tx, caseId: string, firstCode: string): Promise<string> {
  for (let attempt = 0; attempt < CASE_CODE_ATTEMPTS; attempt++) {
    const code = caseCodeCandidate(firstCode, caseId, attempt);
    const holder = await tx.case.findUnique({ where: { code }, select: { id: true } });
    if (!holder || holder.id === caseId) return code;
  }
  throw new Error(`no free case code after ${CASE_CODE_ATTEMPTS} candidates`);
}

/** Writes a new case at stage `identified`, its screening task and its first event, once. */
export async function identifyCase(db: Db, r: IdentifyCaseRecord) {
  const written = await withCaseEvent(
    db,
    {
      caseId: r.caseId,
      type: 'case.identified',
      payload: { categories: r.categories, source: r.source, hasReason: Boolean(r.reason) },
      actorId: r.identifiedById ?? null,
      idempotencyKey: r.idempotencyKey,
    },
    async (tx) => {
      await tx.case.create({
        data: {
          id: r.caseId,
          code: await freeCaseCode(tx, r.caseId, r.code),
          campaignId: r.campaignId,
          studentId: r.studentId,
          schoolId: r.schoolId,
          stage: 'identified',
          categories: r.categories,
          source: r.source,
          identifiedById: r.identifiedById ?? null,
          // Kept on the row only: the event says just that there was one (`hasReason`).
          proposalReason: r.reason ?? null,
        },
      });
      await tx.task.create({
        data: {
          id: r.screeningTaskId,
          caseId: r.caseId,
          type: 'screening',
          assigneeRole: 'SCHOOL_COORDINATOR',
          scopeUnitId: r.screeningUnitId,
          dueAt: r.screeningDueAt,
        },
      });
    },
  );
  // The code the row holds: the first candidate, or the next one when another case had it
  // (a retried activity finds the row written by the first try).
  const row = await db.case.findUniqueOrThrow({ where: { id: r.caseId }, select: { code: true } });
  return { ...written, code: row.code };
}
