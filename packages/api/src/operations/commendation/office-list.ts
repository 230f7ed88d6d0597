import { monthlyFigures, schoolsUnder, systemToday } from '@donghanh/db';
import { AppError, campaignSettingsSchema } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';
import { buildOfficialWorkbook } from '../../xlsx/official-layout';
import { officialPlace } from '../../xlsx/official-place';
import { officeSigner } from '../../xlsx/official-signer';
import { monthsBetween } from '../report-rounds/monthly';
import { yearIndicators } from './indicators';

const STATUS_VI: Record<string, string> = {
  proposed: 'Trường đề nghị',
  signed: 'Hiệu trưởng đã ký',
  approved: 'Đồng ý khen thưởng',
  declined: 'Không khen thưởng',
};

/**
 * The signed proposals of the schools below an office, with each one's indicators over the year.
 * The school's note stays at the school (free text): the office decides on names of staff,
 * schools and numbers.
 */
export async function officeCommendations(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; unitId: string },
) {
  const campaign = await ctx.db.campaign.findUnique({
    where: { id: input.campaignId },
    select: { settings: true },
  });
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: input.campaignId });
  const cal = campaignSettingsSchema.parse(campaign.settings).calendar;
  const schools = await schoolsUnder(ctx.db, [input.unitId]);
  const proposals = await ctx.db.commendationProposal.findMany({
    where: { campaignId: input.campaignId, schoolId: { in: schools }, status: { not: 'proposed' } },
    orderBy: { createdAt: 'asc' },
  });
  const schoolRows = await ctx.db.school.findMany({
    where: { id: { in: [...new Set(proposals.map((p) => p.schoolId))] } },
    select: { id: true, name: true },
  });
  const users = await ctx.db.user.findMany({
    where: { id: { in: proposals.flatMap((p) => (p.subjectUserId ? [p.subjectUserId] : [])) } },
    select: { id: true, displayName: true },
  });
  const span = { key: 'year', from: cal.yearStart.slice(0, 7), to: cal.yearEnd.slice(0, 7) };
  const figures = new Map<string, Awaited<ReturnType<typeof monthlyFigures>>>();
  for (const schoolId of new Set(proposals.map((p) => p.schoolId)))
    figures.set(
      schoolId,
      await monthlyFigures(ctx.db, {
        campaignId: input.campaignId,
        schoolId,
        months: monthsBetween(cal.yearStart, cal.yearEnd),
        spans: [span],
      }),
    );
  const indicators = await yearIndicators(ctx, input.campaignId, [
    ...new Set(proposals.map((p) => p.schoolId)),
  ]);
  const collator = new Intl.Collator('vi');
  return proposals
    .map((p) => {
      const f = figures.get(p.schoolId);
      const year = p.subjectUserId
        ? f?.teachers.find((t) => t.teacherId === p.subjectUserId)?.spans.year
        : f?.school.spans.year;
      return {
        id: p.id,
        schoolId: p.schoolId,
        schoolName: schoolRows.find((s) => s.id === p.schoolId)?.name ?? p.schoolId,
        subjectType: p.subjectType,
        subjectName: p.subjectUserId
          ? (users.find((u) => u.id === p.subjectUserId)?.displayName ?? '')
          : null,
        status: p.status,
        pupils: year?.pupils ?? 0,
        tutoringSessions: year?.tutoringSessions ?? 0,
        familyVisits: year?.familyVisits ?? 0,
        indicators: p.subjectUserId
          ? indicators.teacher(p.schoolId, p.subjectUserId)
          : indicators.school(p.schoolId),
      };
    })
    .sort(
      (a, b) =>
        collator.compare(a.schoolName, b.schoolName) ||
        collator.compare(a.subjectName ?? '', b.subjectName ?? ''),
    );
}

/** "3/4": a part of a whole, as the indicators are given (no percentage, no score). */
const partOf = (part: number, whole: number) => `${part}/${whole}`;

/** The office's decided list in its layout (approved first), audited. */
export async function exportCommendations(
  ctx: Context & { user: SessionUser },
  input: { campaignId: string; unitId: string },
) {
  const rows = await officeCommendations(ctx, input);
  const unit = await ctx.db.unit.findUniqueOrThrow({
    where: { id: input.unitId },
    select: { name: true, code: true, parent: { select: { name: true } } },
  });
  const decided = [
    ...rows.filter((r) => r.status === 'approved'),
    ...rows.filter((r) => r.status !== 'approved'),
  ];
  const xlsx = await buildOfficialWorkbook({
    parentName: unit.parent?.name ?? null,
    unitName: unit.name,
    number: `Số: …/QĐ-${unit.code.toUpperCase()}`,
    place: await officialPlace(ctx.db, input.unitId),
    date: systemToday(),
    title: 'Danh sách đề nghị khen thưởng cuộc vận động giúp đỡ học sinh có hoàn cảnh khó khăn',
    tables: [
      {
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Trường', width: 28 },
          { header: 'Cá nhân / tập thể', width: 26 },
          { header: 'HS được giúp đỡ', width: 11, numFmt: '#,##0' },
          { header: 'Buổi dạy kèm', width: 10, numFmt: '#,##0' },
          { header: 'Thăm gia đình', width: 10, numFmt: '#,##0' },
          { header: 'Phiếu theo dõi đúng hạn', width: 12 },
          { header: 'Đánh giá có tiến bộ', width: 12 },
          { header: 'HS nguy cơ bỏ học được giữ lại trường', width: 14 },
          { header: 'Quyết định', width: 20 },
        ],
        rows: decided.map((r, i) => [
          String(i + 1),
          r.schoolName,
          r.subjectName ?? 'Tập thể nhà trường',
          r.pupils,
          r.tutoringSessions,
          r.familyVisits,
          partOf(r.indicators.checkIns.onTime, r.indicators.checkIns.due),
          partOf(r.indicators.evaluations.progress, r.indicators.evaluations.signedOff),
          partOf(r.indicators.keptInSchool.kept, r.indicators.keptInSchool.atRisk),
          STATUS_VI[r.status] ?? r.status,
        ]),
      },
    ],
    signature: await officeSigner(ctx.db, input.unitId),
    landscape: true,
    sheetName: 'Khen thưởng',
  });
  await ctx.db.auditLog.create({
    data: {
      actorId: ctx.user.id,
      action: 'export.commendation',
      subjectType: 'export',
      subjectId: `${input.campaignId}:${input.unitId}`,
      reason: `${rows.length} proposals`,
      ip: ctx.clientAddress,
    },
  });
  return { filename: `khen-thuong-${input.unitId}.xlsx`, base64: xlsx.toString('base64') };
}
