import type { Db } from '../client';
import { dayOf } from './due-day';

export interface InboxCaller {
  userId: string;
  /** The caller's roles on units: a task for a role on a unit reaches whoever holds it there. */
  roles: { role: string; unitId: string }[];
}

/**
 * The caller's open tasks: those named for them and those for a role they hold on the task's
 * unit. Overdue first, then by due date.
 */
export async function listInboxTasks(db: Db, caller: InboxCaller, limit = 200) {
  const byRole = caller.roles.map((r) => ({
    assigneeRole: r.role as never,
    scopeUnitId: r.unitId,
  }));
  const rows = await db.task.findMany({
    where: { status: 'OPEN', OR: [{ assigneeUserId: caller.userId }, ...byRole] },
    select: {
      id: true,
      type: true,
      caseId: true,
      dueAt: true,
      dueOn: true,
      remindedAt: true,
      escalatedAt: true,
      payload: true,
      createdAt: true,
      case: {
        select: {
          code: true,
          stage: true,
          proposalReason: true,
          school: { select: { name: true } },
          identifiedById: true,
        },
      },
    },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: limit,
  });
  const proposerIds = [
    ...new Set(
      rows.flatMap((t) => (t.type === 'screening' && t.case.identifiedById ? [t.case.identifiedById] : [])),
    ),
  ];
  const proposers = new Map(
    proposerIds.length === 0
      ? []
      : (
          await db.user.findMany({
            where: { id: { in: proposerIds } },
            select: { id: true, displayName: true },
          })
        ).map((u) => [u.id, u.displayName] as const),
  );
  const now = Date.now();
  return rows.map((t) => ({
    id: t.id,
    type: t.type,
    caseId: t.caseId,
    caseCode: t.case.code,
    stage: t.case.stage,
    schoolName: t.case.school.name,
    dueAt: t.dueAt?.toISOString() ?? null,
    /** The day the calendar set (show this); `dueAt` is the end of that day, for lateness. */
    dueOn: dayOf(t.dueOn),
    overdue: t.dueAt !== null && t.dueAt.getTime() < now,
    reminded: t.remindedAt !== null,
    escalated: t.escalatedAt !== null,
    payload: t.payload,
    // Why the child was proposed, and by whom: only on the screening task, which reaches only the
    // school's coordinators (staff of the child's school; no office holds that role there).
    proposal:
      t.type === 'screening'
        ? {
            reason: t.case.proposalReason,
            by: t.case.identifiedById ? (proposers.get(t.case.identifiedById) ?? null) : null,
          }
        : null,
  }));
}

// wall (issue 14): the menu's badges.
/** How many open tasks the caller's inbox holds, by task type: one grouped count, no rows read. */
export async function countInboxTasks(db: Db, caller: InboxCaller): Promise<Record<string, number>> {
  const byRole = caller.roles.map((r) => ({ assigneeRole: r.role as never, scopeUnitId: r.unitId }));
  const groups = await db.task.groupBy({
    by: ['type'],
    where: { status: 'OPEN', OR: [{ assigneeUserId: caller.userId }, ...byRole] },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.type, g._count._all]));
}
