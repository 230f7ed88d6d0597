/** The last grade of each school level: pupils of that grade leave the school at the new year. */
export const FINAL_GRADE = {
  PRIMARY: 5,
  LOWER_SECONDARY: 9,
  UPPER_SECONDARY: 12,
} as const;

export type SchoolLevelName = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY' | 'MULTI_LEVEL';

/**
 * The grade whose pupils graduate: the level's last grade, or for a multi-level school (liên cấp)
 * the highest grade it teaches. Null for a preschool (no grades to move up).
 */
export function graduatingGrade(level: SchoolLevelName, gradesTaught: readonly number[]): number | null {
  if (level === 'PRESCHOOL') return null;
  if (level === 'MULTI_LEVEL') return gradesTaught.length ? Math.max(...gradesTaught) : null;
  return FINAL_GRADE[level];
}

/** "6A" → "7A", "10A1" → "11A1": the grade at the start of the name moves up one. */
export function nextClassName(name: string, grade: number): string {
  const m = /^(\d{1,2})(.*)$/.exec(name);
  if (!m || Number(m[1]) !== grade) return `${grade + 1}-${name}`;
  return `${grade + 1}${m[2]}`;
}

export interface YearClass {
  id: string;
  name: string;
  grade: number;
}

export interface PromotionPlan {
  /** Classes of the new year to create (or find), each from one class of the old year. */
  moves: { fromClassId: string; fromName: string; toName: string; toGrade: number; pupils: number }[];
  /** Classes whose pupils leave (graduate): they are archived, never deleted. */
  leaving: { fromClassId: string; fromName: string; pupils: number }[];
  /**
   * Pupils who repeat their grade (lưu ban), per class: they go to the class of the same name
   * and grade in the new year, whatever the class's move — a repeater of the last grade stays.
   */
  repeating: { fromClassId: string; fromName: string; toName: string; grade: number; pupils: number }[];
}

/**
 * Moving a school up one year: every class to the next grade, the last grade out, except the
 * pupils marked as repeating (`repeaters`: how many per class id), who stay in their grade.
 */
export function planPromotion(
  classes: readonly (YearClass & { pupils: number })[],
  level: SchoolLevelName,
  repeaters: ReadonlyMap<string, number> = new Map(),
): PromotionPlan {
  const last = graduatingGrade(
    level,
    classes.map((c) => c.grade),
  );
  const plan: PromotionPlan = { moves: [], leaving: [], repeating: [] };
  for (const c of [...classes].sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi'))) {
    const staying = Math.min(repeaters.get(c.id) ?? 0, c.pupils);
    const pupils = c.pupils - staying;
    if (staying > 0)
      plan.repeating.push({
        fromClassId: c.id,
        fromName: c.name,
        toName: c.name,
        grade: c.grade,
        pupils: staying,
      });
    if (last !== null && c.grade >= last) plan.leaving.push({ fromClassId: c.id, fromName: c.name, pupils });
    else
      plan.moves.push({
        fromClassId: c.id,
        fromName: c.name,
        toName: nextClassName(c.name, c.grade),
        toGrade: c.grade + 1,
        pupils,
      });
  }
  return plan;
}
