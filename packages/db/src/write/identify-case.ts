import type { CaseCategory } from '@donghanh/domain';
import type { Db } from '../client';
import { withCaseEvent } from './record-case-event';

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
}

/** Writes a new case at stage `identified`, its screening task and its first event, once. */
export async function identifyCase(db: Db, r: IdentifyCaseRecord) {
  return withCaseEvent(
    db,
    {
      caseId: r.caseId,
      type: 'case.identified',
      payload: { categories: r.categories, source: r.source, hasReason: Boolean(r.reason) },
      actorId: r.identifiedById ?? null,
      idempotencyKey: `${r.caseId}:identified`,
    },
    async (tx) => {
      await tx.case.create({
        data: {
          id: r.caseId,
          code: r.code,
          campaignId: r.campaignId,
          studentId: r.studentId,
          schoolId: r.schoolId,
          stage: 'identified',
          categories: r.categories,
          source: r.source,
          identifiedById: r.identifiedById ?? null,
        },
      });
      await tx.task.create({
        data: {
          id: `${r.caseId}:screening`,
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
