import { caseHelpOverTime, type MonthFigures, monthlyFigures, systemToday } from '@donghanh/db';
import { AppError, campaignSettingsSchema } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';
import { buildOfficialWorkbook, type Cell } from '../../xlsx/official-layout';
import { officialPlace } from '../../xlsx/official-place';
import { schoolSigner } from '../../xlsx/official-signer';
import { isSchoolStaff } from './read-school-report';

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * A school's monthly figures for the campaign's year: per month, per semester, the year. The
 * school's coordinator and principal also get them per teacher (alphabetically, never ranked);
 * an office above the school gets the school's totals only.
 */
export async function monthly(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; schoolId: string },
) {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: input.campaignId },
    select: { settings: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
  const cal = campaignSettingsSchema.parse(campaign.settings).calendar;
  const months = monthsBetween(cal.yearStart, cal.yearEnd);
  const spans = [
    { key: 's1', from: cal.yearStart.slice(0, 7), to: cal.semester1End.slice(0, 7) },
    { key: 's2', from: cal.semester2Start.slice(0, 7), to: cal.yearEnd.slice(0, 7) },
    { key: 'year', from: cal.yearStart.slice(0, 7), to: cal.yearEnd.slice(0, 7) },
  ];
  const r = await monthlyFigures(ctx.db, {
    campaignId: input.campaignId,
    schoolId: input.schoolId,
    months,
    spans,
  });
  const staff = await isSchoolStaff(ctx, input.schoolId);
  return { months, spans, school: r.school, teachers: staff ? r.teachers : [] };
}

/** One case's help over time: numbers per month, for the school's staff on the case. */
export function caseHelp(ctx: Context, caseId: string) {
  return caseHelpOverTime(ctx.db, caseId);
}

const NUM = '#,##0';

/** The monthly figures per teacher for a month, a semester or the year, in the office's layout. Audited. */
export async function exportMonthlyXlsx(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; schoolId: string; period: string },
) {
  const m = await monthly(ctx, input);
  const pick = (x: { months: Record<string, MonthFigures>; spans: Record<string, MonthFigures> }) =>
    x.spans[input.period] ?? x.months[input.period];
  const schoolFig = pick(m.school);
  if (!schoolFig) throw new AppError('VALIDATION_FAILED', { period: input.period });
  const school = await ctx.db.school.findUniqueOrThrow({
    where: { id: input.schoolId },
    select: {
      name: true,
      unitId: true,
      unit: { select: { code: true, parent: { select: { name: true } } } },
    },
  });
  const cells = (f: MonthFigures): Cell[] => [
    f.pupils,
    f.tutoringSessions,
    f.tutoringHours,
    f.moneyVnd,
    f.riceKg,
    f.riceValueVnd,
    f.goodsValueVnd,
    f.familyVisits,
  ];
  const label =
    input.period === 's1'
      ? 'Học kỳ I'
      : input.period === 's2'
        ? 'Học kỳ II'
        : input.period === 'year'
          ? 'Cả năm học'
          : `Tháng ${input.period.slice(5)}/${input.period.slice(0, 4)}`;
  const xlsx = await buildOfficialWorkbook({
    parentName: school.unit.parent?.name ?? null,
    unitName: school.name,
    number: `Số: ${input.period}/TH-${school.unit.code.toUpperCase()}`,
    place: await officialPlace(ctx.db, school.unitId),
    date: systemToday(),
    title: 'Số liệu giúp đỡ học sinh có hoàn cảnh khó khăn theo giáo viên',
    subtitle: `${label} · số liệu tự nguyện, không phải chỉ tiêu`,
    tables: [
      {
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Giáo viên', width: 26 },
          { header: 'HS được giúp đỡ', width: 11, numFmt: NUM },
          { header: 'Buổi dạy kèm', width: 10, numFmt: NUM },
          { header: 'Giờ dạy kèm', width: 10, numFmt: '#,##0.0' },
          { header: 'Tiền mặt (đồng)', width: 14, numFmt: NUM },
          { header: 'Gạo (kg)', width: 9, numFmt: '#,##0.0' },
          { header: 'Giá trị gạo (đồng)', width: 14, numFmt: NUM },
          { header: 'Hiện vật khác (đồng)', width: 14, numFmt: NUM },
          { header: 'Thăm gia đình', width: 10, numFmt: NUM },
        ],
        rows: m.teachers.map((t, i) => [String(i + 1), t.name, ...cells(pick(t) ?? schoolFig)]),
        total: ['', 'Toàn trường', ...cells(schoolFig)],
      },
    ],
    signature: await schoolSigner(ctx.db, school.unitId),
    landscape: true,
    sheetName: 'Theo giáo viên',
  });
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'export.monthly',
      subjectType: 'export',
      subjectId: `${input.campaignId}:${input.schoolId}:${input.period}`,
      reason: `${m.teachers.length} teachers`,
      ip: ctx.clientAddress,
    },
  });
  return { filename: `so-lieu-${input.schoolId}-${input.period}.xlsx`, base64: xlsx.toString('base64') };
}
