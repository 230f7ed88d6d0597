import { CLASS_LIST_ISSUES, type ClassListIssueCode } from './issues';
import { type ClassListRow, type RowIssue, rowHasError } from './rows';

/** What the database holds for a code found in the file (any school: a code is national). */
export interface KnownStudent {
  id: string;
  moetCode: string;
  schoolId: string;
  fullName: string;
  birthDate: string | null;
  gender: 'MALE' | 'FEMALE' | null;
  ethnicity: string | null;
  /** The student's class in the imported school year, by name (null: none that year). */
  className: string | null;
  archived: boolean;
}

export const COMPARED_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'className',
  'archived',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  from: string | null;
  to: string | null;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface PlannedRow extends ClassListRow {
  action: RowAction;
  studentId: string | null;
  changes: FieldChange[];
}

export interface ClassListPlan {
  rows: PlannedRow[];
  /** Classes named in the file that the school does not have this year (created on import). */
  newClasses: { name: string; grade: number }[];
  counts: { rows: number; create: number; update: number; unchanged: number; skip: number; warnings: number };
}

function withIssue(issues: RowIssue[], code: ClassListIssueCode): RowIssue[] {
  return issues.some((i) => i.code === code)
    ? issues
    : [...issues, { code, level: CLASS_LIST_ISSUES[code].level }];
}

/**
 * The import's plan: what each row would do against what is already known. A field left empty in
 * the file never erases what the school entered by hand; re-importing the same file plans no change.
 */
export function planClassListImport(
  rows: readonly ClassListRow[],
  o: { schoolId: string; known: readonly KnownStudent[]; existingClasses: readonly string[] },
): ClassListPlan {
  const byCode = new Map(o.known.map((k) => [k.moetCode, k]));
  const classes = new Set(o.existingClasses);
  const newClasses = new Map<string, number>();
  const seen = new Set<string>();
  const out: PlannedRow[] = [];
  for (const row of rows) {
    let issues = [...row.issues];
    if (row.moetCode) {
      if (seen.has(row.moetCode)) issues = withIssue(issues, 'DUPLICATE_IN_FILE');
      seen.add(row.moetCode);
    }
    const known = row.moetCode ? byCode.get(row.moetCode) : undefined;
    if (known && known.schoolId !== o.schoolId) issues = withIssue(issues, 'CODE_AT_OTHER_SCHOOL');
    if (row.className && !classes.has(row.className) && !rowHasError({ issues })) {
      issues = withIssue(issues, 'CLASS_NEW');
    }
    if (rowHasError({ issues })) {
      out.push({ ...row, issues, action: 'skip', studentId: known?.id ?? null, changes: [] });
      continue;
    }
    if (row.className && row.grade !== null && !classes.has(row.className))
      newClasses.set(row.className, row.grade);
    if (!known) {
      out.push({ ...row, issues, action: 'create', studentId: null, changes: [] });
      continue;
    }
    const changes: FieldChange[] = [];
    const compare = (field: ComparedField, from: string | null, to: string | null) => {
      if (to !== null && to !== from) changes.push({ field, from, to });
    };
    compare('fullName', known.fullName, row.fullName);
    compare('birthDate', known.birthDate, row.birthDate);
    compare('gender', known.gender, row.gender);
    compare('ethnicity', known.ethnicity, row.ethnicity);
    compare('className', known.className, row.className);
    if (known.archived) changes.push({ field: 'archived', from: 'archived', to: null });
    if (changes.some((c) => c.field === 'fullName')) issues = withIssue(issues, 'CODE_KNOWN_OTHER_NAME');
    if (known.archived) issues = withIssue(issues, 'ARCHIVED_RETURNS');
    out.push({
      ...row,
      issues,
      action: changes.length ? 'update' : 'unchanged',
      studentId: known.id,
      changes,
    });
  }
  const count = (a: RowAction) => out.filter((r) => r.action === a).length;
  return {
    rows: out,
    newClasses: [...newClasses].map(([name, grade]) => ({ name, grade })),
    counts: {
      rows: out.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      skip: count('skip'),
      warnings: out.filter((r) => r.issues.some((i) => i.level === 'warning')).length,
    },
  };
}

/**
 * The school year a day belongs to, by its first calendar year: from August (when schools load
 * their new class lists) to July.
 */
export function schoolYearOfDay(isoDay: string): number {
  const y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7));
  return m >= 8 ? y : y - 1;
}
