import { CASE_CATEGORY_LABELS, CASE_STAGE_LABELS } from '@donghanh/domain';
import { stringify } from 'csv-stringify/sync';
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

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) is kept as text. */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The caller's cases as a CSV (UTF-8 with BOM, so Excel reads the diacritics). Names appear only
 * on rows the caller may see by name. The export is audited: one row for the export, and one per
 * case exported with the child's name, like a read of the case page.
 */
export async function exportCases(ctx: Context & { user: SessionUser }, input: ExportCasesInput) {
  const { cards, truncated } = await scopedCards(ctx, input, 'export');
  const l = input.locale;
  const yes = l === 'vi' ? 'Có' : 'Yes';
  const csv = stringify(
    [
      [...HEADERS[l]],
      ...cards.map((c) =>
        [
          c.code,
          c.schoolName,
          c.className,
          c.studentName ?? '',
          CASE_STAGE_LABELS[c.stage][l],
          c.categories.map((k) => CASE_CATEGORY_LABELS[k][l]).join('; '),
          c.riskLevel ?? '',
          c.helperName ?? '',
          c.overdue ? yes : '',
          c.updatedAt.slice(0, 10),
        ].map(spreadsheetSafe),
      ),
    ],
    { bom: true },
  );
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
    filename: `ho-so-${at.slice(0, 10)}.csv`,
    rows: cards.length,
    named: named.length,
    truncated,
    csv,
  };
}
