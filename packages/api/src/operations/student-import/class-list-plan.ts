import { systemToday } from '@donghanh/db';
import {
  AppError,
  CLASS_LIST_LIMITS,
  type ClassListPlan,
  type ColumnMapping,
  guessHeader,
  identityView,
  type KnownStudent,
  missingMappedFields,
  planClassListImport,
  readClassListRows,
  schoolYearOfDay,
} from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';
import { loadSheets, type SheetInfo } from './xlsx-file';

export interface PlanRequest {
  uploadId: string;
  sheet?: string | undefined;
  mapping?: ColumnMapping | undefined;
  defaultClassName?: string | undefined;
  schoolYear?: number | undefined;
}

export type PlanOutcome =
  | { step: 'sheet'; sheets: SheetInfo[] }
  | {
      step: 'mapping' | 'preview';
      sheets: SheetInfo[];
      sheet: string;
      schoolId: string;
      schoolYear: number;
      labels: string[];
      headerRow: number;
      dataStart: number;
      mapping: ColumnMapping;
      suggested: ColumnMapping;
      missing: string[];
      plan: ClassListPlan | null;
    };

export async function loadUpload(ctx: Context, uploadId: string) {
  const upload = await ctx.db.classListUpload.findUnique({
    where: { id: uploadId },
    select: { id: true, schoolId: true, sheets: true, startedAt: true },
  });
  if (!upload) throw new AppError('CLASS_LIST_UPLOAD_NOT_FOUND');
  return upload;
}

/**
 * The file, the chosen sheet and mapping, and the database → the plan (pure, in the domain).
 * A workbook with one sheet needs no choice; with several (or a hidden one) the school picks.
 */
export async function planUpload(ctx: Context, req: PlanRequest): Promise<PlanOutcome> {
  const upload = await loadUpload(ctx, req.uploadId);
  if (!upload.sheets) throw new AppError('CLASS_LIST_IMPORT_STARTED');
  const grids = loadSheets(upload.sheets);
  const sheets = grids.map(({ name, state }) => ({ name, state }));
  const grid = req.sheet
    ? grids.find((g) => g.name === req.sheet)
    : grids.length === 1
      ? grids[0]
      : undefined;
  if (req.sheet && !grid) throw new AppError('CLASS_LIST_SHEET_NOT_FOUND');
  if (!grid) return { step: 'sheet', sheets };
  const guess = guessHeader(grid.rows);
  if (!guess) throw new AppError('CLASS_LIST_NO_HEADER', { sheet: grid.name });
  const schoolYear = req.schoolYear ?? schoolYearOfDay(systemToday());
  const mapping = req.mapping ?? guess.mapping;
  const missing = missingMappedFields(mapping, req.defaultClassName !== undefined);
  const base = {
    sheets,
    sheet: grid.name,
    schoolId: upload.schoolId,
    schoolYear,
    labels: guess.labels,
    headerRow: guess.headerRow,
    dataStart: guess.dataStart,
    mapping,
    suggested: guess.mapping,
    missing,
  };
  if (missing.length) return { step: 'mapping', ...base, plan: null };
  const rows = readClassListRows(grid.rows, {
    mapping,
    dataStart: guess.dataStart,
    schoolYear,
    defaultClassName: req.defaultClassName,
  });
  if (rows.length > CLASS_LIST_LIMITS.maxRows)
    throw new AppError('CLASS_LIST_TOO_MANY_ROWS', { rows: rows.length, maxRows: CLASS_LIST_LIMITS.maxRows });
  const codes = [...new Set(rows.flatMap((r) => (r.moetCode ? [r.moetCode] : [])))];
  const [students, classes] = await Promise.all([
    ctx.db.student.findMany({
      where: { moetCode: { in: codes } },
      select: {
        id: true,
        moetCode: true,
        schoolId: true,
        fullName: true,
        birthDate: true,
        gender: true,
        ethnicity: true,
        archivedAt: true,
        class: { select: { schoolYear: true, name: true } },
      },
    }),
    ctx.db.class.findMany({ where: { schoolId: upload.schoolId, schoolYear }, select: { name: true } }),
  ]);
  const known: KnownStudent[] = students.map((s) => ({
    id: s.id,
    moetCode: s.moetCode as string,
    schoolId: s.schoolId,
    fullName: s.fullName,
    birthDate: s.birthDate ? s.birthDate.toISOString().slice(0, 10) : null,
    gender: s.gender,
    ethnicity: s.ethnicity,
    className: s.class && s.class.schoolYear === schoolYear ? s.class.name : null,
    archived: s.archivedAt !== null,
  }));
  const plan = planClassListImport(rows, {
    schoolId: upload.schoolId,
    known,
    existingClasses: classes.map((c) => c.name),
  });
  return { step: 'preview', ...base, plan };
}

/**
 * Whether the caller sees the pupils' names in the preview: the identity rule, as for student
 * search (the school's coordinator and principal: named; an admin above the school: codes only).
 */
export async function namesVisible(ctx: Context & { user: SessionUser }, schoolId: string): Promise<boolean> {
  const viewer = await boardScopeOf(ctx.db, ctx.user);
  return (
    identityView(
      viewer,
      { schoolId, helperUserIds: [], offeredUserIds: [], homeroomId: null },
      'student_search',
    ) === 'named'
  );
}
