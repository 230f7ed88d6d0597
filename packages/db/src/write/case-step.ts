import type { Db } from '../client';
import type { CaseStage, Prisma, RoleName } from '../generated/prisma/client';
import { requireRole } from './actor-roles';
import { RuleViolation } from './domain-failures';
import { type NotifySpec, queueNotifications } from './notifications';
import { type Tx, withCaseEvent } from './record-case-event';

/** A task to open: for a named user, or for a role within a unit. */
export interface TaskSpec {
  id: string;
  type: string;
  assigneeUserId?: string | null;
  assigneeRole?: RoleName | null;
  scopeUnitId?: string | null;
  dueAt?: Date | null;
  /** The calendar day it is due ('YYYY-MM-DD'), for tasks set by the campaign calendar. */
  dueOn?: string | null | undefined;
  remindAt?: Date | null;
  payload?: Record<string, unknown>;
}

export interface CaseStep {
  caseId: string;
  /** The CaseEvent's type, e.g. 'case.checkin_filed'. */
  type: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  /**
   * Who may take this step, checked again inside the transaction (the API checked access
   * before; this is what makes the case's history trustworthy). Required whenever `actorId` is
   * set: `roles` on the unit (or above it), the case's current helper, or the teacher offered
   * the case in an offer round.
   */
  actorMust?:
    | { roles: RoleName[]; unitId: string }
    | { beHelper: true }
    | { beOffered: { idPrefix: string } }
    | { beHelperOr: { roles: RoleName[]; unitId: string } };
  idempotencyKey: string;
  now: Date;
  /**
   * Tasks this step finishes (DONE by the actor unless another status is given). A task that is
   * no longer open refuses the step (TASK_NOT_OPEN): another step got there first, and writing
   * on would record a step the case never waited for. `optional` tasks may be absent.
   */
  closeTasks?: { id: string; status?: 'DONE' | 'EXPIRED' | 'CANCELLED'; optional?: boolean }[];
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
  /** For timer steps about a task (remind, escalate): write nothing once these are not open. */
  onlyWhileOpen?: string[];
  /**
   * For timer steps: write nothing unless this holds, asked under the case's lock — after any
   * step of the case that committed first (a month's check-in already filed, for its opening).
   */
  onlyIf?: (tx: Tx) => Promise<boolean>;
  /** For a person's step: refuse (CASE_MOVED_ON) unless the case is in one of these stages. */
  requireStages?: CaseStage[];
  /**
   * Notifications this step decides beyond the tasks it opens (every opened task of a notifying
   * kind notifies its assignees): written to the outbox in this transaction (docs/notifications.md).
   */
  notify?: NotifySpec[];
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
      const [locked] = await tx.$queryRaw<{ stage: CaseStage; helperId: string | null }[]>`
        SELECT stage, "helperId" FROM "Case" WHERE id = ${s.caseId} FOR UPDATE`;
      if (!locked) throw new RuleViolation('CASE_MOVED_ON', 'Không tìm thấy hồ sơ', { caseId: s.caseId });
      if (s.onlyInStages && !s.onlyInStages.includes(locked.stage)) throw new StepSkipped();
      if (s.onlyWhileOpen?.length) {
        const open = await tx.task.count({ where: { id: { in: s.onlyWhileOpen }, status: 'OPEN' } });
        if (open !== s.onlyWhileOpen.length) throw new StepSkipped();
      }
      if (s.onlyIf && !(await s.onlyIf(tx))) throw new StepSkipped();
      if (s.requireStages && !s.requireStages.includes(locked.stage))
        throw new RuleViolation('CASE_MOVED_ON', 'Hồ sơ đã chuyển sang bước khác', { stage: locked.stage });
      await checkActor(tx, s, locked.helperId);
      for (const t of s.closeTasks ?? []) {
        const status = t.status ?? 'DONE';
        const { count } = await tx.task.updateMany({
          where: { id: t.id, status: 'OPEN' },
          data: { status, completedAt: s.now, completedById: status === 'DONE' ? (s.actorId ?? null) : null },
        });
        if (count === 0 && !t.optional)
          throw new RuleViolation('TASK_NOT_OPEN', 'Nhiệm vụ không còn hiệu lực', { taskId: t.id });
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
          // A DATE column: midnight UTC of the day is the day itself, whatever the server's zone.
          dueOn: t.dueOn ? new Date(`${t.dueOn}T00:00:00Z`) : null,
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
      await queueNotifications(tx, {
        caseId: s.caseId,
        round: s.idempotencyKey,
        actorId: s.actorId ?? null,
        specs: s.notify ?? [],
        opened: s.openTasks ?? [],
      });
      await tx.case.update({
        where: { id: s.caseId },
        data: { ...(s.caseData ?? {}), ...(s.stage ? { stage: s.stage } : {}), version: { increment: 1 } },
      });
    },
  );
}

async function checkActor(tx: Tx, s: CaseStep, helperId: string | null): Promise<void> {
  const actorId = s.actorId ?? null;
  if (!actorId) return;
  const must = s.actorMust;
  // A step with an actor and no rule is a programming error: every person's step is checked.
  if (!must) throw new Error(`Case step ${s.type} names an actor but no role to check`);
  if ('roles' in must) return requireRole(tx, actorId, must.roles, must.unitId);
  if ('beHelperOr' in must) {
    if (helperId === actorId) return;
    return requireRole(tx, actorId, must.beHelperOr.roles, must.beHelperOr.unitId);
  }
  if ('beHelper' in must) {
    if (helperId !== actorId)
      throw new RuleViolation('ACTOR_NOT_ALLOWED', 'Chỉ giáo viên phụ trách mới làm được bước này', {
        helper: true,
      });
    return;
  }
  if ('beOffered' in must) {
    const offered = await tx.caseHelper.count({
      where: {
        caseId: s.caseId,
        userId: actorId,
        status: 'OFFERED',
        id: { startsWith: must.beOffered.idPrefix },
      },
    });
    if (offered === 0)
      throw new RuleViolation('ACTOR_NOT_ALLOWED', 'Chỉ giáo viên được mời mới trả lời được', {
        offered: true,
      });
  }
}
