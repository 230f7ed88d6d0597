import { AppError, dayOfDateColumn, type ReportFigures, type ReportStatus, reportId } from '@donghanh/domain';
import type { ReportRef } from '../../access/report-rules';
import type { Context, SessionUser } from '../../context';

/** True when the caller is the school's own coordinator or principal (not an office above it). */
export async function isSchoolStaff(
  ctx: Context & { user: SessionUser },
  schoolId: string,
): Promise<boolean> {
  const school = await ctx.db.school.findUnique({ where: { id: schoolId }, select: { unitId: true } });
  return (
    !!school &&
    ctx.user.roles.some(
      (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === school.unitId,
    )
  );
}

/**
 * One school's report. Built from an allow-list per audience: the school's staff get the
 * remarks and every version; an office gets codes, dates, statuses and numbers — no remarks
 * (free text the school wrote), no names of anyone at the school.
 */
export async function readSchoolReport(ctx: Context & { user: SessionUser }, ref: ReportRef) {
  const id = reportId(ref.campaignId, ref.round, ref.schoolId);
  const r = await ctx.db.schoolReport.findUnique({ where: { id } });
  if (!r) throw new AppError('REPORT_NOT_OPEN', { round: ref.round });
  const school = await ctx.db.school.findUniqueOrThrow({
    where: { id: r.schoolId },
    select: { name: true, unit: { select: { code: true } } },
  });
  const events = await ctx.db.reportEvent.findMany({
    where: { reportId: id },
    orderBy: { id: 'asc' },
    select: { type: true, createdAt: true, audienceRole: true },
  });
  const common = {
    reportId: id,
    campaignId: r.campaignId,
    round: r.round,
    roundName: r.roundName,
    schoolId: r.schoolId,
    schoolName: school.name,
    schoolCode: school.unit.code,
    status: r.status as ReportStatus,
    late: r.late,
    version: r.version,
    signedVersion: r.signedVersion,
    periodFrom: dayOfDateColumn(r.periodFrom),
    periodTo: dayOfDateColumn(r.periodTo),
    opensOn: dayOfDateColumn(r.opensOn),
    dueOn: dayOfDateColumn(r.dueOn),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    figures: r.figures as unknown as ReportFigures,
    returnComment: r.returnComment,
    timeline: events.map((e) => ({ type: e.type, at: e.createdAt.toISOString(), audience: e.audienceRole })),
  };
  if (!(await isSchoolStaff(ctx, r.schoolId))) return { audience: 'office' as const, ...common };
  const versions = await ctx.db.schoolReportVersion.findMany({
    where: { reportId: id },
    orderBy: { version: 'asc' },
    select: { version: true, kind: true, createdAt: true, authorId: true, figures: true },
  });
  const authors = await ctx.db.user.findMany({
    where: { id: { in: versions.flatMap((v) => (v.authorId ? [v.authorId] : [])) } },
    select: { id: true, displayName: true },
  });
  const nameOf = new Map(authors.map((a) => [a.id, a.displayName]));
  return {
    audience: 'school' as const,
    ...common,
    prefilled: r.prefilled as unknown as ReportFigures,
    corrections: r.corrections as Record<string, number>,
    remarks: r.remarks,
    versions: versions.map((v) => ({
      version: v.version,
      kind: v.kind,
      at: v.createdAt.toISOString(),
      author: v.authorId ? (nameOf.get(v.authorId) ?? null) : null,
      figures: v.figures as unknown as ReportFigures,
    })),
  };
}
