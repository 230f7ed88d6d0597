import type { Db } from '../client';
import type { CaseStage, Prisma, RoleName } from '../generated/prisma/client';
import { type Tx, withCaseEvent } from './record-case-event';

/** A task to open: for a named user, or for a role within a unit. */
export interface TaskSpec {
  id: string;
  type: string;
  assigneeUserId?: string | null;
  assigneeRole?: RoleName | null;
  scopeUnitId?: string | null;
  dueAt?: Date | null;
  remindAt?: Date | null;
  payload?: Record<string, unknown>;
}

export interface CaseStep {
  caseId: string;
  /** The CaseEvent's type, e.g. 'case.checkin_filed'. */
  type: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  idempotencyKey: string;
  now: Date;
  /** Tasks this step finishes (DONE by the actor unless another status is given). */
  closeTasks?: { id: string; status?: 'DONE' | 'EXPIRED' | 'CANCELLED' }[];
  /** Cancels every open task of the case except those this step opens (closure, transfer). */
  cancelOtherOpenTasks?: boolean;
  openTasks?: TaskSpec[];
  stage?: CaseStage;
  caseData?: Prisma.CaseUncheckedUpdateInput;
  /** Rows beyond the case and its tasks (a check-in, an evaluation…), in the same transaction. */
  write?: (tx: Tx) => Promise<void>;
  /**
   * For steps the workflow takes on a timer (open a check-in, escalate): write nothing unless the
   * case is still in one of these stages. A closure or transfer that commits first wins.
   */
  onlyInStages?: CaseStage[];
}

/** The step found the case in another stage (see `onlyInStages`) and wrote nothing. */
class StepSkipped extends Error {}

/**
 * One step of a case, all or nothing: its rows, its tasks, the case's stage and version, and
 * its CaseEvent, in one transaction keyed by `idempotencyKey` (a retry writes nothing).
 */
export async function applyCaseStep(db: Db, s: CaseStep) {
  try {
    return await writeCaseStep(db, s);
  } catch (error) {
    if (error instanceof StepSkipped) return { applied: false, eventId: 0n, result: null, skipped: true };
    throw error;
  }
}

async function writeCaseStep(db: Db, s: CaseStep) {
  return withCaseEvent(
    db,
    {
      caseId: s.caseId,
      type: s.type,
      payload: s.payload ?? {},
      actorId: s.actorId ?? null,
      idempotencyKey: s.idempotencyKey,
    },
    async (tx) => {
      // Steps of one case take turns: a timer's step never interleaves with a person's step.
      const [locked] = await tx.$queryRaw<{ stage: CaseStage }[]>`
        SELECT stage FROM "Case" WHERE id = ${s.caseId} FOR UPDATE`;
      if (s.onlyInStages && (!locked || !s.onlyInStages.includes(locked.stage))) throw new StepSkipped();
      for (const t of s.closeTasks ?? []) {
        const status = t.status ?? 'DONE';
        await tx.task.updateMany({
          where: { id: t.id, status: 'OPEN' },
          data: { status, completedAt: s.now, completedById: status === 'DONE' ? (s.actorId ?? null) : null },
        });
      }
      if (s.cancelOtherOpenTasks) {
        await tx.task.updateMany({
          where: { caseId: s.caseId, status: 'OPEN', id: { notIn: (s.openTasks ?? []).map((t) => t.id) } },
          data: { status: 'CANCELLED', completedAt: s.now },
        });
      }
      await s.write?.(tx);
      for (const t of s.openTasks ?? []) {
        const data = {
          caseId: s.caseId,
          type: t.type,
          status: 'OPEN' as const,
          assigneeUserId: t.assigneeUserId ?? null,
          assigneeRole: t.assigneeRole ?? null,
          scopeUnitId: t.scopeUnitId ?? null,
          dueAt: t.dueAt ?? null,
          remindAt: t.remindAt ?? null,
          payload: (t.payload ?? {}) as Prisma.InputJsonObject,
        };
        // A task id may come back (a plan returned twice reopens the same step): reopen it.
        await tx.task.upsert({
          where: { id: t.id },
          create: { id: t.id, ...data },
          update: { ...data, completedAt: null, completedById: null, remindedAt: null, escalatedAt: null },
        });
      }
      await tx.case.update({
        where: { id: s.caseId },
        data: { ...(s.caseData ?? {}), ...(s.stage ? { stage: s.stage } : {}), version: { increment: 1 } },
      });
    },
  );
}
