import type { CaseCategory } from '../categories';
import { compareVietnameseNames, searchKey } from '../vietnamese-names';

/**
 * Why a teacher is suggested, as codes a UI renders in Vietnamese or English:
 * - `same_class`: homeroom teacher (GVCN) of the child's class — knows the child and the family;
 * - `same_grade`: homeroom teacher of another class of the same grade;
 * - `subject_fit`: teaches a subject the child is weak in;
 * - `spare_capacity`: can take one more student within what they volunteered.
 */
export const SUGGESTION_REASONS = ['same_class', 'same_grade', 'subject_fit', 'spare_capacity'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/**
 * Examined at the grade-10 entrance exam in every province (the third subject is chosen by each
 * province), so a grade-9 case before the exam needs them whatever else is known.
 */
export const GRADE10_EXAM_CORE_SUBJECTS = ['Toán', 'Ngữ văn'] as const;

/**
 * One entry per subject however it was typed ("Toán", "toán ", "Toan"), in NFC with single
 * spaces, first spelling kept: subjects are free text, and matching is accent-free.
 */
export function distinctSubjects(subjects: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of subjects) {
    const name = s.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = searchKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * The subjects a case needs help in, from what the case holds: subjects the child was already
 * tutored in (earlier check-ins) and the exam subjects of a grade-9 case. Empty when nothing is
 * known — the ranking then falls back on the homeroom and the grade.
 */
export function weakSubjectsOf(c: {
  categories: readonly (CaseCategory | string)[];
  tutoredSubjects: readonly string[];
}): string[] {
  return distinctSubjects([
    ...c.tutoredSubjects,
    ...(c.categories.includes('grade9_exam') ? GRADE10_EXAM_CORE_SUBJECTS : []),
  ]);
}

export interface HelperCandidate {
  userId: string;
  displayName: string;
  capacity: number;
  /** Offered and active cases (the load the assignment's capacity check counts). */
  load: number;
  subjects: readonly string[];
  /** Classes the teacher is homeroom of, in the school year of the child's class. */
  homeroomClasses: readonly { classId: string; grade: number }[];
}

export interface CaseForRanking {
  classId: string | null;
  grade: number | null;
  weakSubjects: readonly string[];
}

export interface RankedHelper {
  userId: string;
  displayName: string;
  capacity: number;
  load: number;
  spare: number;
  subjects: string[];
  /** The teacher's subjects that match the case's weak subjects, as the teacher wrote them. */
  matchedSubjects: string[];
  reasons: SuggestionReason[];
}

/**
 * Ranks the teachers who could help a case. Only those with a free place are kept: offering a
 * case to a full teacher would fail the assignment's capacity check anyway (asking a full teacher
 * is a separate, explicit choice: `rankAllTeachers`). Order: the homeroom teacher of the child's
 * class first, then the best subject fit, then a homeroom teacher of the same grade, then the most
 * spare capacity; ties by name the Vietnamese way so the list is stable.
 */
export function rankHelpers(
  c: CaseForRanking,
  candidates: readonly HelperCandidate[],
  limit = Number.POSITIVE_INFINITY,
): RankedHelper[] {
  return rankAllTeachers(c, candidates)
    .filter((r) => r.spare > 0)
    .slice(0, limit);
}

/**
 * Every candidate in the order of `rankHelpers`, full teachers and non-volunteers included (their
 * `spare` is 0 or below): the coordinator may ask one of them when no volunteer has a place.
 */
export function rankAllTeachers(c: CaseForRanking, candidates: readonly HelperCandidate[]): RankedHelper[] {
  // Accent-free keys: teachers type "Toán", "toan" or "TOÁN" for the same subject.
  const weak = new Set(c.weakSubjects.map(searchKey).filter(Boolean));
  const ranked = candidates
    .map((t) => {
      const spare = t.capacity - t.load;
      const sameClass = c.classId !== null && t.homeroomClasses.some((h) => h.classId === c.classId);
      const sameGrade = !sameClass && c.grade !== null && t.homeroomClasses.some((h) => h.grade === c.grade);
      const matchedSubjects = t.subjects.filter((s) => weak.has(searchKey(s)));
      const reasons: SuggestionReason[] = [];
      if (sameClass) reasons.push('same_class');
      if (sameGrade) reasons.push('same_grade');
      if (matchedSubjects.length > 0) reasons.push('subject_fit');
      if (spare > 0) reasons.push('spare_capacity');
      return {
        userId: t.userId,
        displayName: t.displayName,
        capacity: t.capacity,
        load: t.load,
        spare,
        subjects: [...t.subjects],
        matchedSubjects,
        reasons,
        sameClass,
        sameGrade,
      };
    })
    .sort(
      (a, b) =>
        Number(b.sameClass) - Number(a.sameClass) ||
        b.matchedSubjects.length - a.matchedSubjects.length ||
        Number(b.sameGrade) - Number(a.sameGrade) ||
        b.spare - a.spare ||
        compareVietnameseNames(a.displayName, b.displayName) ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    );
  return ranked.map(({ sameClass: _, sameGrade: __, ...r }) => r);
}
