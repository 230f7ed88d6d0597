import { CASE_CODE_ATTEMPTS, type CaseCategory, caseCodeCandidate } from '@donghanh/domain';
import type { Db } from '../client';
import { WriteConflict } from './domain-failures';
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
 * a case. (Two different cases racing for one candidate still meet the unique index: see
 * `identifyCase`.)
 */
async function freeCaseCode(tx: Tx, caseId: string, firstCode: string): Promise<string> {
  for (let attempt = 0; attempt < CASE_CODE_ATTEMPTS; attempt++) {
    const code = caseCodeCandidate(firstCode, caseId, attempt);
    const holder = await tx.case.findUnique({ where: { code }, select: { id: true } });
    if (!holder || holder.id === caseId) return code;
  }
  throw new Error(`no free case code after ${CASE_CODE_ATTEMPTS} candidates`);
}

/** Attempts when another new case takes the chosen code between the check and the insert. */
const CODE_RACE_ATTEMPTS = 3;

/** The write hit the unique index on the case's code (the other indexes are its own ids). */
function isCaseCodeTaken(error: unknown): boolean {
  if (!(error instanceof WriteConflict)) return false;
  const target = JSON.stringify(error.target ?? null);
  return target.includes('Case_code_key') || target.includes('"code"');
}

/**
 * Writes a new case at stage `identified`, its screening task and its first event, once. Two new
 * cases whose candidates collide may both find the code free and insert it: the loser's insert
 * waits for the winner's commit and fails on the unique index. That is not a collision with a row
 * this step wrote (never retried), but a race: it is tried again, sees the winner's code and takes
 * the next candidate. Were it final, the student's workflow id (REJECT_DUPLICATE) would keep them
 * from ever getting a case.
 */
export async function identifyCase(db: Db, r: IdentifyCaseRecord) {
  let written: Awaited<ReturnType<typeof writeIdentified>> | undefined;
  for (let attempt = 1; !written; attempt++) {
    try {
      written = await writeIdentified(db, r);
    } catch (error) {
      if (!isCaseCodeTaken(error)) throw error;
      // Still losing after a few rounds: a retryable failure, so the activity tries again later.
      if (attempt >= CODE_RACE_ATTEMPTS)
        throw new Error(`case ${r.caseId}: its code was taken by a concurrent case ${attempt} times`);
    }
  }
  // The code the row holds: the first candidate, or the next one when another case had it
  // (a retried activity finds the row written by the first try).
  const row = await db.case.findUniqueOrThrow({ where: { id: r.caseId }, select: { code: true } });
  return { ...written, code: row.code };
}

function writeIdentified(db: Db, r: IdentifyCaseRecord) {
  return withCaseEvent(
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
}
