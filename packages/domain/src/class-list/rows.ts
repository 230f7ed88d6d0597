import { hasBidiControl } from '../case-step-schemas';
import { birthDateFitsSchoolYear } from '../pupil-age';
import { normalizeName } from '../vietnamese-names';
import { type ColumnMapping, cellText, foldHeader, type PlainCell, plainOf, type SheetCell } from './headers';
import { CLASS_LIST_ISSUES, type ClassListIssueCode } from './issues';

export interface RowIssue {
  code: ClassListIssueCode;
  level: 'error' | 'warning';
}

/** One data row of the sheet, read and checked on its own (the file and the database come later). */
export interface ClassListRow {
  /** The row's number in Excel (1-based), as the school sees it. */
  line: number;
  moetCode: string | null;
  fullName: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  gender: 'MALE' | 'FEMALE' | null;
  ethnicity: string | null;
  className: string | null;
  grade: number | null;
  issues: RowIssue[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/**
 * A birth date as Excel gives it: a date cell (exceljs hands a Date at UTC midnight), a serial
 * number (days since 30/12/1899, the 1900 system), or text dd/mm/yyyy (also d/m/yyyy, with - or
 * .) or yyyy-mm-dd. `undefined` when the cell is empty, null when it cannot be read.
 */
export function readBirthDate(value: PlainCell): string | null | undefined {
  if (value === null || value === '') return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // A date typed in a local-time Excel may arrive a few hours off midnight: round to the day.
    const t = new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS);
    return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 80_000) return null;
    const t = new Date(EXCEL_EPOCH + Math.floor(value) * DAY_MS);
    return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const s = value.normalize('NFC').trim();
  if (!s) return undefined;
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}$/.test(s)) return readBirthDate(Number(s));
  return null;
}

/** "Nam", "nữ", "NU", "M", "F"… → the enum; undefined when empty, null when not understood. */
export function readGender(value: PlainCell): 'MALE' | 'FEMALE' | null | undefined {
  const raw = value === null ? '' : String(value).trim();
  if (!raw) return undefined;
  const t = foldHeader(raw);
  if (['nam', 'm', 'male', 'trai', '1'].includes(t)) return 'MALE';
  if (['nu', 'f', 'female', 'gai', '0'].includes(t)) return 'FEMALE';
  return null;
}

/** "6a", " lớp 6A1 " → "6A1"; the grade is the leading number (1–12). */
export function normalizeClassName(text: string): { name: string; grade: number | null } | null {
  const s = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(lớp|lop)\s*/i, '')
    .toLocaleUpperCase('vi');
  if (!s || s.length > 20 || /\p{Cc}/u.test(s) || hasBidiControl(s)) return null;
  const m = /^(\d{1,2})/.exec(s);
  const grade = m ? Number(m[1]) : null;
  return { name: s, grade: grade !== null && grade >= 1 && grade <= 12 ? grade : null };
}

const NAME = /^[\p{L}\p{M}' .-]+$/u;

export interface ReadRowsOptions {
  mapping: ColumnMapping;
  dataStart: number;
  /** The school year (its first calendar year) the list is for: ages are measured against it. */
  schoolYear: number;
  /** A class for rows without a "Lớp" column or cell (a list exported per class). */
  defaultClassName?: string | undefined;
}

function issue(code: ClassListIssueCode): RowIssue {
  return { code, level: CLASS_LIST_ISSUES[code].level };
}

function isBlank(row: readonly SheetCell[]): boolean {
  return row.every((c) => cellText(c) === '');
}

/**
 * Reads every data row under the header. Empty rows and footer lines (no code, no name:
 * "Tổng số: 35", "Người lập biểu") are skipped; every other row comes back with its issues.
 */
export function readClassListRows(
  rows: readonly (readonly SheetCell[])[],
  o: ReadRowsOptions,
): ClassListRow[] {
  const out: ClassListRow[] = [];
  const m = o.mapping;
  const at = (row: readonly SheetCell[], col: number | undefined) =>
    col === undefined ? undefined : row[col];
  for (let i = o.dataStart; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (isBlank(row)) continue;
    const issues: RowIssue[] = [];
    const mapped = [
      m.moetCode,
      m.fullName,
      m.familyMiddle,
      m.givenName,
      m.birthDate,
      m.gender,
      m.ethnicity,
      m.className,
    ];
    let formula = false;
    for (const col of mapped) {
      const c = at(row, col);
      if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
        formula = true;
        if (c.result === undefined || c.result === null) {
          if (!issues.some((x) => x.code === 'FORMULA_NO_VALUE')) issues.push(issue('FORMULA_NO_VALUE'));
        }
      }
    }
    if (formula && !issues.some((x) => x.code === 'FORMULA_NO_VALUE'))
      issues.push(issue('FORMULA_VALUE_USED'));

    // The code: text, leading zeros kept; a number cell has already lost them.
    const codeCell = plainOf(at(row, m.moetCode));
    const codeText = cellText(at(row, m.moetCode)).replace(/\s+/g, '');
    let moetCode: string | null = null;
    if (!codeText) issues.push(issue('MOET_CODE_MISSING'));
    else if (!/^\d{6,20}$/.test(codeText)) issues.push(issue('MOET_CODE_INVALID'));
    else {
      moetCode = codeText;
      if (typeof codeCell === 'number') issues.push(issue('MOET_CODE_NUMERIC'));
    }

    const rawName =
      m.fullName !== undefined
        ? cellText(at(row, m.fullName))
        : `${cellText(at(row, m.familyMiddle))} ${cellText(at(row, m.givenName))}`.trim();
    let fullName: string | null = null;
    if (!rawName) {
      if (!/^\d+$/.test(codeText)) continue; // a footer line ("Tổng số: 35"), not a pupil
      issues.push(issue('NAME_MISSING'));
    } else {
      const n = normalizeName(rawName);
      if (n.length < 2 || n.length > 120 || !NAME.test(n) || hasBidiControl(n))
        issues.push(issue('NAME_INVALID'));
      else fullName = n;
    }

    let birthDate: string | null = null;
    if (m.birthDate !== undefined) {
      const d = readBirthDate(plainOf(at(row, m.birthDate)));
      if (d === undefined) issues.push(issue('BIRTH_DATE_MISSING'));
      else if (d === null) issues.push(issue('BIRTH_DATE_UNREADABLE'));
      else if (!birthDateFitsSchoolYear(d, o.schoolYear)) issues.push(issue('AGE_IMPLAUSIBLE'));
      else birthDate = d;
    }

    let gender: 'MALE' | 'FEMALE' | null = null;
    if (m.gender !== undefined) {
      const g = readGender(plainOf(at(row, m.gender)));
      if (g === null) issues.push(issue('GENDER_UNKNOWN'));
      else if (g) gender = g;
    }

    let ethnicity: string | null = null;
    if (m.ethnicity !== undefined) {
      const e = cellText(at(row, m.ethnicity));
      if (e) {
        if (e.length > 60 || /\p{Cc}/u.test(e) || hasBidiControl(e)) issues.push(issue('ETHNICITY_INVALID'));
        else ethnicity = e;
      }
    }

    let className: string | null = null;
    let grade: number | null = null;
    const classText = cellText(at(row, m.className)) || (o.defaultClassName ?? '');
    if (!classText) issues.push(issue('CLASS_MISSING'));
    else {
      const c = normalizeClassName(classText);
      if (!c || c.grade === null) issues.push(issue('CLASS_GRADE_UNKNOWN'));
      else {
        className = c.name;
        grade = c.grade;
      }
    }

    out.push({ line: i + 1, moetCode, fullName, birthDate, gender, ethnicity, className, grade, issues });
  }
  return out;
}

export function rowHasError(row: { issues: readonly RowIssue[] }): boolean {
  return row.issues.some((i) => i.level === 'error');
}
