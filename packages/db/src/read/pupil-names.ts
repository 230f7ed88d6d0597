import { AppError, pupilNamedIn } from '@donghanh/domain';
import type { Tx } from '../write/record-case-event';

/**
 * Refuses free text (a report's remarks, a commendation's note) that names a non-archived pupil
 * of the school (the rule: `pupilNamedIn`). Never says which pupil: the refusal is shown to
 * whoever wrote the text, and an office must not learn a name from it.
 */
export async function refuseTextNamingAPupil(
  db: Tx, // the client or a transaction
  school: { schoolId: string } | { unitId: string },
  texts: readonly (string | null | undefined)[],
): Promise<void> {
  const written = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (written.length === 0) return;
  const schoolId =
    'schoolId' in school
      ? school.schoolId
      : (await db.school.findUnique({ where: { unitId: school.unitId }, select: { id: true } }))?.id;
  if (!schoolId) return;
  const pupils = await db.student.findMany({
    where: { schoolId, archivedAt: null },
    select: { searchName: true },
  });
  const names = pupils.map((p) => p.searchName);
  if (written.some((t) => pupilNamedIn(t, names) !== null)) throw new AppError('TEXT_NAMES_A_PUPIL');
}
