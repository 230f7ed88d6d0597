import type { Db } from '../client';
import { teacherLoad } from '../read/volunteer-load';
import { RuleViolation } from './domain-failures';
import { setCaseStage, type Tx, withCaseEvent } from './record-case-event';

export interface AssignmentTaskInput {
  caseId: string;
  /** Sequence of the assignment round: 1 after screening, +1 after each decline or expiry. */
  round: number;
  scopeUnitId: string;
  dueAt: Date;
}

/**
 * Locks the teachers' rows and checks each can take one more case: exists, teaches at the
 * school, and stays within the capacity they volunteered. Two cases offered at once serialise
 * on the lock, so a teacher's capacity is never exceeded.
 */
export async function checkHelpersCanTake(tx: Tx, ids: string[], schoolUnitId: string): Promise<void> {
  // A disabled account is as good as absent: it could never answer the offer.
  const users = await tx.$queryRaw<{ id: string; capacity: number }[]>`
    SELECT id, capacity FROM "User" WHERE id = ANY(${ids}) AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  for (const id of ids) {
    const user = users.find((u) => u.id === id);
    if (!user) throw new RuleViolation('HELPER_NOT_FOUND', `Không tìm thấy giáo viên ${id}`, { userId: id });
    const inSchool = await tx.roleAssignment.count({
      where: { userId: id, unitId: schoolUnitId, role: 'TEACHER' },
    });
    if (inSchool === 0)
      throw new RuleViolation('HELPER_OUTSIDE_SCHOOL', 'Giáo viên không thuộc trường của học sinh', {
        userId: id,
      });
    const load = await teacherLoad(tx, id);
    if (load + 1 > user.capacity)
      throw new RuleViolation('CAPACITY_EXCEEDED', 'Giáo viên đã nhận đủ số học sinh đăng ký giúp đỡ', {
        userId: id,
        capacity: user.capacity,
        load,
      });
  }
}

/** The coordinator's task of choosing a helper for a case. */
export async function openAssignmentTask(tx: Tx, t: AssignmentTaskInput): Promise<string> {
  const id = `${t.caseId}:assign:${t.round}`;
  await tx.task.create({
    data: {
      id,
      caseId: t.caseId,
      type: 'assign_helper',
      assigneeRole: 'SCHOOL_COORDINATOR',
      scopeUnitId: t.scopeUnitId,
      dueAt: t.dueAt,
    },
  });
  return id;
}

async function closeTask(
  tx: Tx,
  taskId: string,
  byId: string | null,
  at: Date,
  status: 'DONE' | 'EXPIRED' = 'DONE',
) {
  await tx.task.update({ where: { id: taskId }, data: { status, completedAt: at, completedById: byId } });
}

export interface OfferInput {
  caseId: string;
  round: number;
  taskId: string;
  actorId: string;
  helperId: string;
  coHelperIds: string[];
  sponsor?: { name: string; note?: string | undefined } | undefined;
  schoolUnitId: string;
  responseDueAt: Date;
  now: Date;
}

/**
 * Offers the case to a helper (and co-helpers). Capacity is checked with the teachers' rows
 * locked, so two cases offered at once can never push a teacher past what they volunteered.
 */
export async function offerAssignment(db: Db, o: OfferInput) {
  const offerTaskId = `${o.caseId}:offer:${o.round}`;
  return withCaseEvent(
    db,
    {
      caseId: o.caseId,
      type: 'case.helper_offered',
      payload: {
        round: o.round,
        helperId: o.helperId,
        coHelperIds: o.coHelperIds,
        sponsor: Boolean(o.sponsor),
      },
      actorId: o.actorId,
      idempotencyKey: `${o.caseId}:offer:${o.round}`,
    },
    async (tx) => {
      const ids = [o.helperId, ...o.coHelperIds];
      await checkHelpersCanTake(tx, ids, o.schoolUnitId);
      for (const [i, id] of ids.entries()) {
        await tx.caseHelper.create({
          data: {
            id: `${o.caseId}:h:${o.round}:${i}`,
            caseId: o.caseId,
            userId: id,
            role: i === 0 ? 'PRIMARY' : 'CO_HELPER',
            status: 'OFFERED',
            offeredAt: o.now,
          },
        });
      }
      if (o.sponsor) {
        await tx.case.update({
          where: { id: o.caseId },
          data: { sponsorName: o.sponsor.name, sponsorNote: o.sponsor.note ?? null },
        });
      }
      await closeTask(tx, o.taskId, o.actorId, o.now);
      await tx.task.create({
        data: {
          id: offerTaskId,
          caseId: o.caseId,
          type: 'respond_offer',
          assigneeUserId: o.helperId,
          dueAt: o.responseDueAt,
        },
      });
      await tx.case.update({ where: { id: o.caseId }, data: { version: { increment: 1 } } });
    },
  ).then((r) => ({ ...r, offerTaskId }));
}

export interface OfferAnswer {
  caseId: string;
  round: number;
  taskId: string;
  actorId: string;
  accept: boolean;
  reason?: string | undefined;
  schoolUnitId: string;
  /** Due date of the next coordinator task (after a decline) or of the plan (after an accept). */
  nextDueAt: Date;
  /** The plan version the helper writes after accepting (above 1 after a transfer or reopening). */
  planVersion?: number | undefined;
  now: Date;
}

/** The helper's answer. Accept: the case moves to its plan; decline: back to the coordinator. */
export async function answerOffer(db: Db, a: OfferAnswer) {
  return withCaseEvent(
    db,
    {
      caseId: a.caseId,
      type: a.accept ? 'case.helper_accepted' : 'case.helper_declined',
      payload: { round: a.round, ...(a.reason ? { reason: a.reason } : {}) },
      actorId: a.actorId,
      idempotencyKey: `${a.caseId}:offer:${a.round}:answer`,
    },
    async (tx) => {
      await closeTask(tx, a.taskId, a.actorId, a.now);
      const offered = {
        caseId: a.caseId,
        status: 'OFFERED' as const,
        id: { startsWith: `${a.caseId}:h:${a.round}:` },
      };
      if (a.accept) {
        await tx.caseHelper.updateMany({ where: offered, data: { status: 'ACTIVE', respondedAt: a.now } });
        await tx.case.update({ where: { id: a.caseId }, data: { helperId: a.actorId } });
        await setCaseStage(tx, a.caseId, 'plan');
        await tx.task.create({
          data: {
            id: `${a.caseId}:plan:${a.planVersion ?? 1}`,
            caseId: a.caseId,
            type: 'write_plan',
            assigneeUserId: a.actorId,
            dueAt: a.nextDueAt,
          },
        });
      } else {
        await tx.caseHelper.updateMany({
          where: offered,
          data: { status: 'DECLINED', respondedAt: a.now, reason: a.reason ?? null },
        });
        await openAssignmentTask(tx, {
          caseId: a.caseId,
          round: a.round + 1,
          scopeUnitId: a.schoolUnitId,
          dueAt: a.nextDueAt,
        });
        await tx.case.update({ where: { id: a.caseId }, data: { version: { increment: 1 } } });
      }
    },
  );
}

/** No answer in time: the offer lapses and the coordinator gets the case back. */
export async function expireOffer(
  db: Db,
  e: { caseId: string; round: number; taskId: string; schoolUnitId: string; nextDueAt: Date; now: Date },
) {
  return withCaseEvent(
    db,
    {
      caseId: e.caseId,
      type: 'case.offer_expired',
      payload: { round: e.round },
      idempotencyKey: `${e.caseId}:offer:${e.round}:expired`,
    },
    async (tx) => {
      await closeTask(tx, e.taskId, null, e.now, 'EXPIRED');
      await tx.caseHelper.updateMany({
        where: { caseId: e.caseId, status: 'OFFERED', id: { startsWith: `${e.caseId}:h:${e.round}:` } },
        data: { status: 'EXPIRED', respondedAt: e.now },
      });
      await openAssignmentTask(tx, {
        caseId: e.caseId,
        round: e.round + 1,
        scopeUnitId: e.schoolUnitId,
        dueAt: e.nextDueAt,
      });
      await tx.case.update({ where: { id: e.caseId }, data: { version: { increment: 1 } } });
    },
  );
}
