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
}

/** Moving a school up one year: every class to the next grade, the last grade out. */
export function planPromotion(
  classes: readonly (YearClass & { pupils: number })[],
  level: SchoolLevelName,
): PromotionPlan {
  const last = graduatingGrade(
    level,
    classes.map((c) => c.grade),
  );
  const plan: PromotionPlan = { moves: [], leaving: [] };
  for (const c of [...classes].sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi'))) {
    if (last !== null && c.grade >= last)
      plan.leaving.push({ fromClassId: c.id, fromName: c.name, pupils: c.pupils });
    else
      plan.moves.push({
        fromClassId: c.id,
        fromName: c.name,
        toName: nextClassName(c.name, c.grade),
        toGrade: c.grade + 1,
        pupils: c.pupils,
      });
  }
  return plan;
}
