// The commendation indicators (thi đua, docs/reports.md): what a teacher and a school did over the
// year, counted from facts the database reads in one statement. They inform the school's proposal
// and the office's decision; nothing here ranks, averages or scores.
import type { IsoDate } from '../campaign/dates';
import { type EvaluationLevel, PRIMARY_SCALE, SECONDARY_SCALE } from '../case-step-schemas';
import type { CaseCategory } from '../categories';

/**
 * The level each official scale aims for: Đạt (Thông tư 22/2021, secondary) and Hoàn thành
 * (Thông tư 27/2020, primary) — the pupil meets the standard. Below it is Chưa đạt / Chưa hoàn thành.
 */
export const TARGET_LEVEL = { secondary: 'dat', primary: 'hoan_thanh' } as const;

function placeOf(level: string): { scale: 'secondary' | 'primary'; rank: number } | null {
  const s = (SECONDARY_SCALE as readonly string[]).indexOf(level);
  if (s >= 0) return { scale: 'secondary', rank: s };
  const p = (PRIMARY_SCALE as readonly string[]).indexOf(level);
  if (p >= 0) return { scale: 'primary', rank: p };
  return null;
}

/**
 * Whether a semester evaluation shows progress on the official scale: the result after the help
 * is better than the result before it (Chưa đạt → Đạt, Khá → Tốt), or it is at or above the
 * scale's target level and no lower than before (a pupil brought to, or kept at, the standard).
 * A result that fell, one still below the target without rising, or levels not on one scale
 * (a record from before the scale, a pupil who changed level) are not progress. A smaller index
 * in SECONDARY_SCALE / PRIMARY_SCALE is a better level.
 */
export function evaluationShowsProgress(before: string | null, after: string | null): boolean {
  const a = after === null ? null : placeOf(after);
  if (!a) return false;
  const b = before === null ? null : placeOf(before);
  if (!b || b.scale !== a.scale) return false;
  if (a.rank < b.rank) return true;
  const target = placeOf(TARGET_LEVEL[a.scale]) as { rank: number };
  return a.rank <= target.rank && a.rank <= b.rank;
}

/** A check-in is on time when filed on or before its due day (both calendar days, Vietnam's). */
export function checkInOnTime(dueOn: IsoDate, filedOn: IsoDate | null): boolean {
  return filedOn !== null && filedOn <= dueOn;
}

/** The categories of a case about staying in school: at risk of dropping out, or dropped out. */
export const DROPOUT_CATEGORIES: readonly CaseCategory[] = ['dropout_risk', 'dropped_out'];

/**
 * A pupil in a drop-out category is kept in school when, by the end of the year, the case was
 * not closed because the pupil dropped out and no back-to-school check found the pupil absent.
 * A transfer or any other closure keeps the pupil in school (at this one or another).
 */
export function keptInSchool(f: { closureReason: string | null; notReturned: boolean }): boolean {
  return f.closureReason !== 'dropped_out' && !f.notReturned;
}

/** One fact read by `commendationFacts` (packages/db): a due check-in, an evaluation or a case at risk. */
export type CommendationFact =
  | {
      kind: 'checkin';
      schoolId: string;
      teacherId: string;
      caseId: string;
      dueOn: IsoDate;
      filedOn: IsoDate | null;
    }
  | {
      kind: 'evaluation';
      schoolId: string;
      teacherId: string;
      caseId: string;
      before: EvaluationLevel | string | null;
      after: EvaluationLevel | string | null;
    }
  | {
      kind: 'dropout';
      schoolId: string;
      /** Each teacher who helped the pupil in the year (check-ins, the lead helper); may be empty. */
      teacherIds: string[];
      caseId: string;
      closureReason: string | null;
      notReturned: boolean;
    };

/** Counts as a part of a whole ("3 of 4"): no percentage, which would invite ranking. */
export interface CommendationIndicators {
  checkIns: { onTime: number; due: number };
  evaluations: { progress: number; signedOff: number };
  /** Pupils in a drop-out category helped in the year, and how many stayed in school. */
  keptInSchool: { kept: number; atRisk: number };
}

export function emptyIndicators(): CommendationIndicators {
  return {
    checkIns: { onTime: 0, due: 0 },
    evaluations: { progress: 0, signedOff: 0 },
    keptInSchool: { kept: 0, atRisk: 0 },
  };
}

export interface IndicatorsBySchool {
  school: CommendationIndicators;
  teachers: Map<string, CommendationIndicators>;
}

/**
 * Per school, the school's indicators and each teacher's. A pupil at risk helped by two teachers
 * counts once for the school and once for each teacher.
 */
export function commendationIndicatorsOf(
  facts: readonly CommendationFact[],
): Map<string, IndicatorsBySchool> {
  const out = new Map<string, IndicatorsBySchool>();
  const of = (schoolId: string) => {
    let s = out.get(schoolId);
    if (!s) {
      s = { school: emptyIndicators(), teachers: new Map() };
      out.set(schoolId, s);
    }
    return s;
  };
  const teacher = (s: IndicatorsBySchool, id: string) => {
    let t = s.teachers.get(id);
    if (!t) {
      t = emptyIndicators();
      s.teachers.set(id, t);
    }
    return t;
  };
  const seenAtRisk = new Set<string>();
  for (const f of facts) {
    const s = of(f.schoolId);
    if (f.kind === 'checkin') {
      const onTime = checkInOnTime(f.dueOn, f.filedOn) ? 1 : 0;
      for (const x of [s.school, teacher(s, f.teacherId)]) {
        x.checkIns.due += 1;
        x.checkIns.onTime += onTime;
      }
    } else if (f.kind === 'evaluation') {
      const progress = evaluationShowsProgress(f.before, f.after) ? 1 : 0;
      for (const x of [s.school, teacher(s, f.teacherId)]) {
        x.evaluations.signedOff += 1;
        x.evaluations.progress += progress;
      }
    } else {
      const kept = keptInSchool(f) ? 1 : 0;
      const targets = [...new Set(f.teacherIds)].map((id) => teacher(s, id));
      if (!seenAtRisk.has(`${f.schoolId}\u0000${f.caseId}`)) {
        seenAtRisk.add(`${f.schoolId}\u0000${f.caseId}`);
        targets.push(s.school);
      }
      for (const x of targets) {
        x.keptInSchool.atRisk += 1;
        x.keptInSchool.kept += kept;
      }
    }
  }
  return out;
}
