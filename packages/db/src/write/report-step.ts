// One step of a school's report (docs/reports.md), all or nothing: the report row, a version row
// when the figures or remarks change, and its ReportEvent(s), in one transaction keyed by
// `idempotencyKey`, so an activity's retry writes nothing twice. The report's workflow is its
// single writer; the row lock still orders a timer's step against a person's.
import type { FigureCorrections, ReportFigures, ReportStatus } from '@donghanh/domain';
import type { Db } from '../client';
import type { Prisma, RoleName } from '../generated/prisma/client';
import { requireRole } from './actor-roles';
import { MissingRow, RuleViolation } from './domain-failures';
import { queueReportNotifications, type ReportNotifySpec } from './notifications';
import type { Tx } from './record-case-event';

export interface ReportRow {
  id: string;
  status: ReportStatus;
  version: number;
  schoolUnitId: string;
  recipientUnitId: string;
  prefilled: ReportFigures;
  corrections: FigureCorrections;
  remarks: string | null;
  signedVersion: number | null;
  late: boolean;
}

export interface ReportAudience {
  role: RoleName;
  unitId: string;
}

export interface ReportStep {
  reportId: string;
  /** The event's type, e.g. 'report.submitted'. */
  type: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  /** Checked again in the transaction: the actor holds one of the roles on the unit or above. */
  actorMust?: { roles: RoleName[]; unitId: (r: ReportRow) => string };
  /** Who should act on it; one event per audience (reminders, escalations), one plain event when none. */
  audiences?: (r: ReportRow) => ReportAudience[];
  idempotencyKey: string;
  /** A timer's step writes nothing unless the report is in one of these statuses. */
  onlyInStatuses?: ReportStatus[];
  /** A person's step is refused unless it is (the workflow's validator checked first). */
  requireStatuses?: ReportStatus[];
  /** The row's changes, from the locked row. */
  change: (r: ReportRow, tx: Tx) => Promise<Prisma.SchoolReportUncheckedUpdateInput>;
  /** Keep a version row of what the change wrote. */
  versionKind?: 'opened' | 'refreshed' | 'edited';
  /**
   * Notifications this step decides (h13): written to the outbox in this transaction, keyed by
   * (report, kind, recipient, this step's key), so a retry writes nothing twice.
   */
  notify?: (r: ReportRow) => ReportNotifySpec[];
}

export interface ReportStepResult {
  applied: boolean;
  skipped: boolean;
  status: ReportStatus;
  version: number;
}

export async function applyReportStep(db: Db, s: ReportStep): Promise<ReportStepResult> {
  return db.$transaction(async (tx) => {
    const done = await tx.reportEvent.findFirst({
      where: {
        OR: [
          { idempotencyKey: s.idempotencyKey },
          { idempotencyKey: { startsWith: `${s.idempotencyKey}:` } },
        ],
      },
      select: { id: true },
    });
    const [row] = await tx.$queryRaw<ReportRow[]>`
      SELECT id, status, version, "schoolUnitId", "recipientUnitId", prefilled, corrections, remarks,
             "signedVersion", late
      FROM "SchoolReport" WHERE id = ${s.reportId} FOR UPDATE`;
    if (!row) throw new MissingRow(`Report ${s.reportId} not found`);
    if (done) return { applied: false, skipped: false, status: row.status, version: row.version };
    if (s.onlyInStatuses && !s.onlyInStatuses.includes(row.status))
      return { applied: false, skipped: true, status: row.status, version: row.version };
    if (s.requireStatuses && !s.requireStatuses.includes(row.status))
      throw new RuleViolation('CASE_MOVED_ON', 'Báo cáo đã chuyển sang bước khác', { status: row.status });
    if (s.actorMust) {
      if (!s.actorId) throw new RuleViolation('ACTOR_NOT_ALLOWED', 'Thiếu người thực hiện');
      await requireRole(tx, s.actorId, s.actorMust.roles, s.actorMust.unitId(row));
    }
    const data = await s.change(row, tx);
    const updated = await tx.schoolReport.update({
      where: { id: s.reportId },
      data,
      select: {
        status: true,
        version: true,
        prefilled: true,
        corrections: true,
        figures: true,
        remarks: true,
      },
    });
    if (s.versionKind) {
      await tx.schoolReportVersion.create({
        data: {
          id: `${s.reportId}-v${updated.version}`,
          reportId: s.reportId,
          version: updated.version,
          kind: s.versionKind,
          prefilled: updated.prefilled as Prisma.InputJsonValue,
          corrections: updated.corrections as Prisma.InputJsonValue,
          figures: updated.figures as Prisma.InputJsonValue,
          remarks: updated.remarks,
          authorId: s.actorId ?? null,
        },
      });
    }
    await queueReportNotifications(tx, {
      reportId: s.reportId,
      round: s.idempotencyKey,
      actorId: s.actorId ?? null,
      specs: s.notify?.(row) ?? [],
    });
    const audiences = s.audiences?.(row) ?? [];
    const payload = {
      ...(s.payload ?? {}),
      status: updated.status,
      version: updated.version,
    } as Prisma.InputJsonObject;
    if (audiences.length === 0) {
      await tx.reportEvent.create({
        data: {
          reportId: s.reportId,
          type: s.type,
          payload,
          actorId: s.actorId ?? null,
          idempotencyKey: s.idempotencyKey,
        },
      });
    }
    for (const a of audiences) {
      await tx.reportEvent.create({
        data: {
          reportId: s.reportId,
          type: s.type,
          payload,
          actorId: s.actorId ?? null,
          audienceRole: a.role,
          audienceUnitId: a.unitId,
          idempotencyKey: `${s.idempotencyKey}:${a.role}`,
        },
      });
    }
    return {
      applied: true,
      skipped: false,
      status: updated.status as ReportStatus,
      version: updated.version,
    };
  });
}

/** The office that receives a school's reports: the campaign's choice, else reportsToId, else the parent. */
export async function reportRecipientOf(db: Db | Tx, schoolUnitId: string, campaignRecipient: string | null) {
  if (campaignRecipient) return campaignRecipient;
  const unit = await db.unit.findUnique({
    where: { id: schoolUnitId },
    select: { reportsToId: true, parentId: true },
  });
  return unit?.reportsToId ?? unit?.parentId ?? schoolUnitId;
}
