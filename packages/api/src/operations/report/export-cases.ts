import { systemToday } from '@donghanh/db';
import { CASE_CATEGORY_LABELS, CASE_STAGE_LABELS, formatViDate, isoDateAt } from '@donghanh/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Context, SessionUser } from '../../context';
import type { ExportCasesInput } from '../../router/report.schema';
import { scopedCards } from '../board/scoped-cards';

const HEADERS = {
  vi: [
    'Mã hồ sơ',
    'Trường',
    'Lớp',
    'Học sinh',
    'Bước',
    'Diện',
    'Mức rủi ro',
    'Giáo viên giúp đỡ',
    'Quá hạn',
    'Cập nhật',
  ],
  en: [
    'Case code',
    'School',
    'Class',
    'Student',
    'Stage',
    'Categories',
    'Risk',
    'Helper',
    'Overdue',
    'Updated',
  ],
} as const;

/** Risk in words, as the screens say it (never the stored 'high'). */
const RISK_WORDS: Record<string, { vi: string; en: string }> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
};

/** An instant → its day in Vietnam, dd/mm/yyyy (a UTC slice would show the day before until 07:00). */
const ddmmyyyy = (iso: string) => formatViDate(isoDateAt(new Date(iso)));

/** One sheet with a bold, frozen header row and widths that fit; every cell is text. */
async function casesWorkbook(header: readonly string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [i, w] of [12, 26, 8, 26, 22, 36, 12, 24, 9, 12].entries()) {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) is kept as text. */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The caller's cases as an .xlsx, or a CSV that Vietnamese Excel opens in columns (UTF-8 with BOM
 * for the diacritics, ';' because its list separator is the comma's decimal neighbour); values
 * in words and dates as dd/mm/yyyy either way. Names appear only
 * on rows the caller may see by name. The export is audited: one row for the export, and one per
 * case exported with the child's name, like a read of the case page.
 */
export async function exportCases(ctx: Context & { user: SessionUser }, input: ExportCasesInput) {
  const { cards, truncated } = await scopedCards(ctx, input, 'export');
  const l = input.locale;
  const yes = l === 'vi' ? 'Có' : 'Yes';
  const rows = cards.map((c) =>
    [
      c.code,
      c.schoolName,
      c.className,
      c.studentName ?? '',
      CASE_STAGE_LABELS[c.stage][l],
      c.categories.map((k) => CASE_CATEGORY_LABELS[k][l]).join('; '),
      c.riskLevel ? (RISK_WORDS[c.riskLevel]?.[l] ?? c.riskLevel) : '',
      c.helperName ?? '',
      c.overdue ? yes : '',
      ddmmyyyy(c.updatedAt),
    ].map(spreadsheetSafe),
  );
  const xlsx = input.format === 'xlsx' ? await casesWorkbook(HEADERS[l], rows) : null;
  const csv = xlsx ? '' : stringify([[...HEADERS[l]], ...rows], { bom: true, delimiter: ';' });
  const named = cards.filter((c) => c.studentName !== undefined);
  const at = new Date().toISOString();
  await ctx.db.auditLog.createMany({
    data: [
      {
        actorId: ctx.user.id,
        action: 'export.cases',
        subjectType: 'export',
        subjectId: `cases:${at}`,
        reason: `${cards.length} rows, ${named.length} with names${truncated ? ', truncated' : ''}`,
        ip: ctx.clientAddress,
      },
      ...named.map((c) => ({
        actorId: ctx.user.id,
        action: 'export.student',
        subjectType: 'case',
        subjectId: c.caseId,
        caseId: c.caseId,
        reason: `cases:${at}`,
        ip: ctx.clientAddress,
      })),
    ],
  });
  return {
    filename: `ho-so-${systemToday()}.${xlsx ? 'xlsx' : 'csv'}`,
    rows: cards.length,
    named: named.length,
    truncated,
    csv,
    /** The .xlsx, base64, when asked for. */
    base64: xlsx ? xlsx.toString('base64') : null,
  };
}
