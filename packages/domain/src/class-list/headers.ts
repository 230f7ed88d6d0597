import { searchKey } from '../vietnamese-names';
import { CLASS_LIST_LIMITS } from './issues';

/** A cell as the I/O edge hands it over: plain values, or a formula with its cached result. */
export type PlainCell = string | number | boolean | Date | null;
export type SheetCell = PlainCell | { formula: true; result: PlainCell | undefined };

/** The columns the import understands; any other column is ignored. */
export const CLASS_LIST_FIELDS = [
  'stt',
  'moetCode',
  'fullName',
  'familyMiddle',
  'givenName',
  'birthDate',
  'gender',
  'ethnicity',
  'className',
] as const;
export type ClassListField = (typeof CLASS_LIST_FIELDS)[number];

/** Column index (0-based) per field: what the user confirms or changes in the wizard. */
export type ColumnMapping = Partial<Record<ClassListField, number>>;

export const CLASS_LIST_FIELD_LABELS: Record<ClassListField, { vi: string; en: string }> = {
  stt: { vi: 'STT', en: 'No.' },
  moetCode: { vi: 'Mã định danh Bộ GD&ĐT', en: 'Ministry id' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  familyMiddle: { vi: 'Họ đệm', en: 'Family and middle name' },
  givenName: { vi: 'Tên', en: 'Given name' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  className: { vi: 'Lớp', en: 'Class' },
};

/** "Mã định danh Bộ GD&ĐT" → "ma dinh danh bo gd dt": accents, case and punctuation folded away. */
export function foldHeader(text: string): string {
  return searchKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Header aliases, folded (SMAS, CSDL ngành, hand-made lists). */
const ALIASES: Record<ClassListField, readonly string[]> = {
  stt: ['stt', 'so tt', 'so thu tu', 'tt', 'no'],
  moetCode: [
    'ma dinh danh bo gd dt',
    'ma dinh danh bo gddt',
    'ma dinh danh',
    'ma dinh danh hoc sinh',
    'ma dinh danh ca nhan',
    'ma hoc sinh',
    'ma hs',
    'ma so hoc sinh',
    'moet code',
    'student id',
  ],
  fullName: ['ho va ten', 'ho ten', 'ho ten hoc sinh', 'ho va ten hoc sinh', 'full name', 'name'],
  familyMiddle: ['ho dem', 'ho va ten dem', 'ho va dem', 'ho', 'family name'],
  givenName: ['ten', 'given name', 'first name'],
  birthDate: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay sinh dd mm yyyy',
    'date of birth',
    'birth date',
    'dob',
  ],
  gender: ['gioi tinh', 'gt', 'nam nu', 'gender', 'sex'],
  ethnicity: ['dan toc', 'ethnicity'],
  className: ['lop', 'lop hoc', 'ten lop', 'class'],
};

/** Headers that often carry a tail: "Ngày sinh (dd/mm/yyyy)", "Mã định danh (Bộ GD&ĐT)". */
const PREFIXES: readonly [string, ClassListField][] = [
  ['ma dinh danh', 'moetCode'],
  ['ngay sinh', 'birthDate'],
  ['ho va ten', 'fullName'],
  ['gioi tinh', 'gender'],
  ['dan toc', 'ethnicity'],
];

export function plainOf(cell: SheetCell | undefined): PlainCell {
  if (cell === undefined) return null;
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return cell.result ?? null;
  return cell;
}

/** The text a cell shows, for headers and labels. */
export function cellText(cell: SheetCell | undefined): string {
  const v = plainOf(cell);
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): ClassListField | null {
  const h = foldHeader(text);
  if (!h) return null;
  for (const field of CLASS_LIST_FIELDS) if (ALIASES[field].includes(h)) return field;
  for (const [prefix, field] of PREFIXES) if (h.startsWith(`${prefix} `)) return field;
  return null;
}

function fieldsOfRow(row: readonly SheetCell[] | undefined): (ClassListField | null)[] {
  return (row ?? []).map((c) => fieldOfHeader(cellText(c)));
}

export interface HeaderGuess {
  /** 0-based index of the (first) header row. */
  headerRow: number;
  /** 1 or 2: a merged "Họ và tên" over "Họ đệm | Tên" spans two rows. */
  headerRows: number;
  /** 0-based index of the first data row. */
  dataStart: number;
  /** One label per column, as shown in the mapping step. */
  labels: string[];
  mapping: ColumnMapping;
}

function mappingOf(fields: (ClassListField | null)[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  fields.forEach((f, i) => {
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  // A merged "Họ và tên" over "Họ đệm | Tên": the two parts win over the merged title.
  if (mapping.familyMiddle !== undefined && mapping.givenName !== undefined) delete mapping.fullName;
  return mapping;
}

function hasName(m: ColumnMapping): boolean {
  return m.fullName !== undefined || m.givenName !== undefined;
}

/**
 * Finds the header below the title rows: the first row (among the first 30) naming three known
 * columns, a name among them (else one naming two). A second header row under it (the parts of a merged header)
 * is folded in column by column. Null when no row looks like a header.
 */
export function guessHeader(rows: readonly (readonly SheetCell[])[]): HeaderGuess | null {
  let best: { index: number; score: number } | null = null;
  const scan = Math.min(rows.length, CLASS_LIST_LIMITS.headerScanRows);
  for (let i = 0; i < scan; i++) {
    const fields = fieldsOfRow(rows[i]);
    const m = mappingOf(fields);
    const score = Object.keys(m).length;
    if (score < 2 || !hasName(m)) continue;
    // The top-most row naming three columns is the header (a sub-header below it names more).
    if (score >= 3) {
      best = { index: i, score };
      break;
    }
    if (!best) best = { index: i, score };
  }
  if (!best) return null;
  const top = rows[best.index] ?? [];
  const below = rows[best.index + 1] ?? [];
  const topFields = fieldsOfRow(top);
  const belowFields = fieldsOfRow(below);
  // The row below is a sub-header when it names a column and holds no code-like data.
  const subHeader =
    belowFields.some((f) => f !== null && f !== 'stt') && !below.some((c) => /^\d{6,}$/.test(cellText(c)));
  const width = Math.max(top.length, subHeader ? below.length : 0);
  const labels: string[] = [];
  const fields: (ClassListField | null)[] = [];
  for (let c = 0; c < width; c++) {
    const t = cellText(top[c]);
    const b = subHeader ? cellText(below[c]) : '';
    const fb = subHeader ? (belowFields[c] ?? null) : null;
    fields.push(fb ?? topFields[c] ?? null);
    labels.push(b && b !== t ? (t ? `${t} › ${b}` : b) : t);
  }
  return {
    headerRow: best.index,
    headerRows: subHeader ? 2 : 1,
    dataStart: best.index + (subHeader ? 2 : 1),
    labels,
    mapping: mappingOf(fields),
  };
}

/** What a mapping lacks to import: a code, a name (whole, or both parts), a class (or a default one). */
export function missingMappedFields(mapping: ColumnMapping, hasDefaultClass: boolean): ClassListField[] {
  const missing: ClassListField[] = [];
  if (mapping.moetCode === undefined) missing.push('moetCode');
  if (mapping.fullName === undefined) {
    if (mapping.givenName === undefined)
      missing.push(mapping.familyMiddle === undefined ? 'fullName' : 'givenName');
  }
  if (mapping.className === undefined && !hasDefaultClass) missing.push('className');
  return missing;
}
