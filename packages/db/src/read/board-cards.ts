import type { BoardCard, CaseCategory, CaseStage } from '@donghanh/domain';
import type { Db } from '../client';

export interface BoardFilter {
  schoolIds?: string[];
  stages?: CaseStage[];
}

/** Cards of the live board: pseudonyms only (code, class, school) — never the child's name. */
export async function listBoardCards(db: Db, filter: BoardFilter = {}): Promise<BoardCard[]> {
  const rows = await db.case.findMany({
    where: {
      ...(filter.schoolIds ? { schoolId: { in: filter.schoolIds } } : {}),
      ...(filter.stages ? { stage: { in: filter.stages } } : {}),
    },
    select: {
      id: true,
      code: true,
      stage: true,
      categories: true,
      schoolId: true,
      version: true,
      updatedAt: true,
      school: { select: { name: true } },
      student: { select: { class: { select: { name: true } } } },
    },
    orderBy: [{ updatedAt: 'desc' }],
    take: 5000,
  });
  return rows.map((c) => ({
    caseId: c.id,
    code: c.code,
    stage: c.stage as CaseStage,
    categories: c.categories as CaseCategory[],
    schoolId: c.schoolId,
    schoolName: c.school.name,
    className: c.student.class?.name ?? '',
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  }));
}
