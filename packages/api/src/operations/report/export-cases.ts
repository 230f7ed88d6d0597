import { listBoardCardRows } from '@donghanh/db';
import {
  type BoardCard,
  CASE_CATEGORY_LABELS,
  CASE_STAGE_LABELS,
  cardFor,
  cardViewFor,
} from '@donghanh/domain';
import { stringify } from 'csv-stringify/sync';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';
import type { ExportCasesInput } from '../../router/report.schema';

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

/**
 * The caller's cases as a CSV (UTF-8 with BOM, so Excel reads the diacritics). Names appear only
 * on rows the caller may see by name; the export itself is written to the audit log, with how
 * many rows carried a name.
 */
export async function exportCases(ctx: Context & { user: SessionUser }, input: ExportCasesInput) {
  const scope = await boardScopeOf(ctx.db, ctx.user);
  const rows = await listBoardCardRows(ctx.db, scope.reach, input);
  const cards: BoardCard[] = [];
  for (const row of rows) {
    const view = cardViewFor(scope, row.audience);
    if (view) cards.push(cardFor(row.card, view));
  }
  const l = input.locale;
  const yesNo = l === 'vi' ? ['Có', ''] : ['Yes', ''];
  const csv = stringify(
    [
      [...HEADERS[l]],
      ...cards.map((c) => [
        c.code,
        c.schoolName,
        c.className,
        c.studentName ?? '',
        CASE_STAGE_LABELS[c.stage][l],
        c.categories.map((k) => CASE_CATEGORY_LABELS[k][l]).join('; '),
        c.riskLevel ?? '',
        c.helperName ?? '',
        c.overdue ? yesNo[0] : yesNo[1],
        c.updatedAt.slice(0, 10),
      ]),
    ],
    { bom: true },
  );
  const named = cards.filter((c) => c.studentName !== undefined).length;
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'export.cases',
      subjectType: 'export',
      subjectId: `cases:${new Date().toISOString()}`,
      reason: `${cards.length} rows, ${named} with names`,
      ip: ctx.clientAddress,
    },
  });
  return { filename: `ho-so-${new Date().toISOString().slice(0, 10)}.csv`, rows: cards.length, named, csv };
}
