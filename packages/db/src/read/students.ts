import { type CaseAudienceFacts, compareVietnameseNames, searchKey } from '@donghanh/domain';
import type { Db } from '../client';

/** Which students a caller may see, resolved by the API from their roles. */
export interface StudentScope {
  /** Whole schools (coordinators, principals). */
  schoolIds: string[];
  /** Homeroom classes. */
  classIds: string[];
  /** Students of the cases the caller helps. */
  studentIds: string[];
}

/**
 * Students in scope whose name matches `q` with or without diacritics ("nguyen van an" finds
 * "Nguyễn Văn An"), sorted the Vietnamese way (given name, then middle, then family name), each
 * with the facts the identity rule decides on (`keep` is the API asking it).
 */
export async function searchStudents(
  db: Db,
  scope: StudentScope,
  q: string,
  limit = 50,
  keep: (facts: CaseAudienceFacts) => boolean = () => true,
) {
  const reach = [
    ...(scope.schoolIds.length ? [{ schoolId: { in: scope.schoolIds } }] : []),
    ...(scope.classIds.length ? [{ classId: { in: scope.classIds } }] : []),
    ...(scope.studentIds.length ? [{ id: { in: scope.studentIds } }] : []),
  ];
  if (reach.length === 0) return [];
  const key = searchKey(q);
  const rows = await db.student.findMany({
    where: { OR: reach, archivedAt: null, ...(key ? { searchName: { contains: key } } : {}) },
    select: {
      id: true,
      fullName: true,
      birthDate: true,
      gender: true,
      moetCode: true,
      schoolId: true,
      school: { select: { name: true } },
      class: { select: { id: true, name: true, homeroomId: true } },
      cases: {
        select: {
          helpers: {
            where: { status: { in: ['ACTIVE', 'OFFERED'] } },
            select: { userId: true, status: true },
          },
        },
      },
    },
    take: 2000,
  });
  return rows
    .filter((s) => {
      const helpers = s.cases.flatMap((c) => c.helpers);
      return keep({
        schoolId: s.schoolId,
        helperUserIds: helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.userId),
        offeredUserIds: helpers.filter((h) => h.status === 'OFFERED').map((h) => h.userId),
        homeroomId: s.class?.homeroomId ?? null,
      });
    })
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .slice(0, limit)
    .map((s) => ({
      id: s.id,
      fullName: s.fullName,
      birthDate: s.birthDate?.toISOString().slice(0, 10) ?? null,
      gender: s.gender,
      moetCode: s.moetCode,
      schoolId: s.schoolId,
      schoolName: s.school.name,
      classId: s.class?.id ?? null,
      className: s.class?.name ?? null,
    }));
}
