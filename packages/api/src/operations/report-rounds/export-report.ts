import { systemToday } from '@donghanh/db';
import {
  AppError,
  type BoardCard,
  CASE_CATEGORY_LABELS,
  CASE_STAGE_LABELS,
  type CaseCategory,
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  MATERIAL_KIND_LABELS,
  REPORT_STATUS_LABELS,
  type ReportFigures,
  reportId,
} from '@donghanh/domain';
import type { ReportRef } from '../../access/report-rules';
import type { Context, SessionUser } from '../../context';
import { buildOfficialWorkbook, type Cell, type OfficialTable } from '../../xlsx/official-layout';
import { officialPlace } from '../../xlsx/official-place';
import { officeSigner, schoolSigner } from '../../xlsx/official-signer';
import { scopedCards } from '../board/scoped-cards';
import { isSchoolStaff } from './read-school-report';
import { rollup } from './rollup';

const NUM = '#,##0';
const DEC = '#,##0.0';

/** The figures as the report's table: STT, content, unit, quantity, value (₫). */
export function figureTable(f: ReportFigures): OfficialTable {
  const rows: Cell[][] = [];
  let n = 0;
  const line = (label: string, unit: string, qty: number | null, value: number | null = null) =>
    rows.push([String(++n), label, unit, qty, value]);
  const sub = (label: string, unit: string, qty: number | null, value: number | null = null) =>
    rows.push(['', `   – ${label}`, unit, qty, value]);
  line('Số học sinh được giúp đỡ', 'học sinh', f.pupils.helped);
  for (const [k, v] of Object.entries(f.pupils.byCategory))
    sub(CASE_CATEGORY_LABELS[k as CaseCategory]?.vi ?? k, 'học sinh', v ?? 0);
  line('Học sinh mới được giúp đỡ trong kỳ', 'học sinh', f.pupils.newlyHelped);
  line('Học sinh kết thúc giúp đỡ', 'học sinh', f.pupils.closed);
  for (const [k, v] of Object.entries(f.pupils.closedByReason))
    sub(CLOSURE_REASON_LABELS[k as ClosureReason]?.vi ?? k, 'học sinh', v);
  line('Cán bộ, giáo viên tham gia giúp đỡ', 'người', f.helpers);
  line('Dạy kèm, phụ đạo', 'buổi', f.help.tutoringSessions);
  sub('Số giờ dạy kèm', 'giờ', f.help.tutoringHours);
  line('Hỗ trợ tiền mặt', 'đồng', null, f.help.moneyVnd);
  line('Hỗ trợ gạo', 'kg', f.help.riceKg, f.help.riceValueVnd);
  line('Hỗ trợ hiện vật khác', '', null, f.help.goodsValueVnd);
  for (const g of f.help.goods) {
    const k = MATERIAL_KIND_LABELS[g.kind] ?? { vi: g.kind, unit: '' };
    sub(k.vi, k.unit, g.quantity, g.valueVnd);
  }
  line('Thăm gia đình học sinh', 'lần', f.help.familyVisits);
  line('Đánh giá học kỳ đã được hiệu trưởng duyệt', 'lượt', f.evaluations.approved);
  sub('Trong đó có tiến bộ về học tập', 'lượt', f.evaluations.improved);
  line('Học sinh có nguy cơ bỏ học được giữ lại', 'học sinh', f.dropouts.prevented);
  line('Học sinh đã bỏ học trở lại trường', 'học sinh', f.dropouts.returned);
  return {
    heading: 'I. SỐ LIỆU',
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Nội dung', width: 48 },
      { header: 'Đơn vị tính', width: 12 },
      { header: 'Số lượng', width: 12, numFmt: DEC },
      { header: 'Giá trị (đồng)', width: 16, numFmt: NUM },
    ],
    rows,
  };
}

async function audit(
  ctx: Context & { user: SessionUser },
  action: string,
  subjectId: string,
  reason: string,
) {
  await ctx.db.auditLog.create({
    data: { actorId: ctx.user.id, action, subjectType: 'export', subjectId, reason, ip: ctx.clientAddress },
  });
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * A school's report as the office's .xlsx. The school's own copy adds its remarks and the list
 * of pupils helped (class, teacher helping), named only where the identity rule names them on an
 * export; an office's copy carries codes and numbers only: each case's code, categories and stage,
 * no class, no teacher, no signer's name (read-school-report.ts: no name of anyone at the school). Audited (one row, plus one per child named).
 */
export async function exportSchoolReportXlsx(ctx: Context & { user: SessionUser }, ref: ReportRef) {
  const id = reportId(ref.campaignId, ref.round, ref.schoolId);
  const r = await ctx.db.schoolReport.findUnique({ where: { id } });
  if (!r) throw new AppError('REPORT_NOT_OPEN', { round: ref.round });
  const school = await ctx.db.school.findUniqueOrThrow({
    where: { id: r.schoolId },
    select: {
      name: true,
      unitId: true,
      unit: { select: { code: true, parent: { select: { name: true } } } },
    },
  });
  const staff = await isSchoolStaff(ctx, r.schoolId);
  // The principal signs the school's report: named on the school's copy and the office's alike.
  const signer = await schoolSigner(ctx.db, school.unitId, r.signedById);
  const { cards } = await scopedCards(
    ctx,
    { schoolIds: [r.schoolId], stages: ['active', 'evaluation', 'closure', 'closed'] },
    'export',
  );
  // Whether a name column appears is the identity rule's alone (`scopedCards(…, 'export')`):
  // it names no card for an office, so an office's copy never has one.
  const named = cards.filter((c) => c.studentName !== undefined);
  const pupils = staff ? schoolPupilTable(cards, named.length > 0) : officePupilTable(cards);
  const status = REPORT_STATUS_LABELS[r.status as keyof typeof REPORT_STATUS_LABELS]?.vi ?? r.status;
  const today = systemToday();
  const xlsx = await buildOfficialWorkbook({
    parentName: school.unit.parent?.name ?? null,
    unitName: school.name,
    number: `Số: ${r.round}/BC-${school.unit.code.toUpperCase()}`,
    place: await officialPlace(ctx.db, school.unitId),
    date: today,
    title: `Báo cáo kết quả cuộc vận động giúp đỡ học sinh có hoàn cảnh khó khăn — ${r.roundName}`,
    subtitle: `Từ ${fmt(r.periodFrom)} đến ${fmt(r.periodTo)} · phiên bản ${r.version} · ${status}${r.late ? ' (trễ hạn)' : ''}`,
    tables: [figureTable(r.figures as unknown as ReportFigures), pupils],
    ...(staff && r.remarks ? { paragraphs: [{ heading: 'III. NHẬN XÉT, ĐỀ XUẤT', text: r.remarks }] } : {}),
    signature: signer,
    recipients: ['Như trên', 'Lưu: VT'],
  });
  await audit(
    ctx,
    'export.report',
    id,
    `${staff ? 'school' : 'office'} copy, ${cards.length} pupils, ${named.length} with names`,
  );
  if (named.length > 0) {
    await ctx.db.auditLog.createMany({
      data: named.map((c) => ({
        actorId: ctx.user.id,
        action: 'export.student',
        subjectType: 'case',
        subjectId: c.caseId,
        caseId: c.caseId,
        reason: `report:${id}`,
        ip: ctx.clientAddress,
      })),
    });
  }
  return {
    filename: `bao-cao-${slug(school.name)}-dot-${r.round}.xlsx`,
    base64: xlsx.toString('base64'),
  };
}

const categoriesOf = (c: BoardCard) => c.categories.map((k) => CASE_CATEGORY_LABELS[k].vi).join('; ');

/** The school's own copy: its staff know the class and the teacher helping; the name only where named. */
function schoolPupilTable(cards: BoardCard[], withNames: boolean): OfficialTable {
  return {
    heading: 'II. DANH SÁCH HỌC SINH ĐƯỢC GIÚP ĐỠ',
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã hồ sơ', width: 16 },
      ...(withNames ? [{ header: 'Họ và tên', width: 26 }] : []),
      { header: 'Lớp', width: 8 },
      { header: 'Diện', width: 30 },
      { header: 'Giáo viên giúp đỡ', width: 24 },
    ],
    rows: cards.map((c, i) => [
      String(i + 1),
      c.code,
      ...(withNames ? [c.studentName ?? ''] : []),
      c.className,
      categoriesOf(c),
      c.helperName ?? '',
    ]),
  };
}

/**
 * An office's copy, built from an allow-list: the case code, its categories and its stage. No
 * name of the child or of a teacher, no class (in a small school a class narrows to a child).
 */
function officePupilTable(cards: BoardCard[]): OfficialTable {
  return {
    heading: 'II. CÁC HỒ SƠ ĐƯỢC GIÚP ĐỠ (MÃ HỒ SƠ)',
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã hồ sơ', width: 16 },
      { header: 'Diện', width: 36 },
      { header: 'Giai đoạn', width: 18 },
    ],
    rows: cards.map((c, i) => [String(i + 1), c.code, categoriesOf(c), CASE_STAGE_LABELS[c.stage].vi]),
  };
}

function fmt(d: Date): string {
  const s = d.toISOString().slice(0, 10);
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** An office's roll-up as the office's .xlsx: one row per school, totals per unit. Codes and numbers only. */
export async function exportRollupXlsx(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; unitId: string; round: number | null },
) {
  const { tree, rounds } = await rollup(ctx, input);
  const unit = await ctx.db.unit.findUniqueOrThrow({
    where: { id: input.unitId },
    select: { name: true, code: true, parent: { select: { name: true } } },
  });
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Đơn vị', width: 30 },
    { header: 'Tình trạng báo cáo', width: 16 },
    { header: 'HS được giúp đỡ', width: 11, numFmt: NUM },
    { header: 'HS mới', width: 9, numFmt: NUM },
    { header: 'GV tham gia', width: 10, numFmt: NUM },
    { header: 'Buổi dạy kèm', width: 10, numFmt: NUM },
    { header: 'Giờ dạy kèm', width: 10, numFmt: DEC },
    { header: 'Tiền mặt (đồng)', width: 14, numFmt: NUM },
    { header: 'Gạo (kg)', width: 10, numFmt: DEC },
    { header: 'Hiện vật khác (đồng)', width: 14, numFmt: NUM },
    { header: 'Thăm gia đình', width: 10, numFmt: NUM },
    { header: 'Giữ lại, không bỏ học', width: 11, numFmt: NUM },
    { header: 'Trở lại trường', width: 10, numFmt: NUM },
  ];
  const nums = (f: ReportFigures): Cell[] => [
    f.pupils.helped,
    f.pupils.newlyHelped,
    f.helpers,
    f.help.tutoringSessions,
    f.help.tutoringHours,
    f.help.moneyVnd,
    f.help.riceKg,
    f.help.goodsValueVnd,
    f.help.familyVisits,
    f.dropouts.prevented,
    f.dropouts.returned,
  ];
  const rows: Cell[][] = [];
  let n = 0;
  const walk = (node: typeof tree, depth: number) => {
    if (node !== tree)
      rows.push([
        '',
        `${'  '.repeat(depth - 1)}${node.name} (${node.schoolCount} trường)`,
        '',
        ...nums(node.totals),
      ]);
    for (const s of node.schools) {
      const label = REPORT_STATUS_LABELS[s.status].vi + (s.late ? ' · trễ hạn' : '');
      rows.push([String(++n), `${'  '.repeat(depth)}${s.name}`, label, ...nums(s.figures)]);
    }
    for (const c of node.children) walk(c, depth + 1);
  };
  walk(tree, 0);
  const roundName = input.round !== null ? rounds.find((r) => r.round === input.round)?.name : null;
  const today = systemToday();
  const xlsx = await buildOfficialWorkbook({
    parentName: unit.parent?.name ?? null,
    unitName: unit.name,
    number: `Số: ${input.round ?? 'CN'}/BC-${unit.code.toUpperCase()}`,
    place: await officialPlace(ctx.db, input.unitId),
    date: today,
    title: `Tổng hợp kết quả cuộc vận động giúp đỡ học sinh có hoàn cảnh khó khăn — ${roundName ?? 'cả năm học'}`,
    subtitle: `${tree.schoolCount} trường · đã duyệt ${tree.statusCounts.accepted} · đã gửi ${tree.statusCounts.submitted} · trễ hạn ${tree.statusCounts.late}`,
    tables: [{ columns, rows, total: ['', 'TỔNG CỘNG', '', ...nums(tree.totals)] }],
    signature: await officeSigner(ctx.db, input.unitId),
    recipients: ['Như trên', 'Lưu: VT'],
    landscape: true,
    sheetName: 'Tổng hợp',
  });
  await audit(
    ctx,
    'export.rollup',
    `${input.campaignId}:${input.unitId}:${input.round ?? 'year'}`,
    `${tree.schoolCount} schools`,
  );
  return {
    filename: `tong-hop-${slug(unit.name)}-${input.round !== null ? `dot-${input.round}` : 'ca-nam'}.xlsx`,
    base64: xlsx.toString('base64'),
  };
}
