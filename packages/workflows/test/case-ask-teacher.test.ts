import { systemClock } from '@donghanh/db';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignHelperUpdate, respondOfferUpdate, screenUpdate, stateQuery } from '../src/messages';
import { CaseHarness, COORDINATOR, DUC } from './support/case-harness';

/**
 * setup (issue 14): when no volunteer has a place, the coordinator *asks* a full teacher. The
 * offer says so and carries the coordinator's note; accepting raises the teacher's capacity by
 * one (audited), declining changes nothing. Real Temporal dev server and PostgreSQL.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

async function startCase(studentId: string) {
  const { caseId, handle } = await h.startCase(studentId, systemClock(), { offerResponseMs: 60_000 });
  await handle.executeUpdate(screenUpdate, {
    args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
  });
  return { caseId, handle };
}

const capacityOf = async (id: string) =>
  (await h.db.user.findUniqueOrThrow({ where: { id }, select: { capacity: true } })).capacity;

describe('asking a teacher with no free place', () => {
  it('is refused without asking, offered when asked, and accepting raises the capacity by one', async () => {
    // gv.duc volunteers for one case, and takes it.
    const first = await startCase('st-04');
    await first.handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${first.caseId}:assign:1`, actorId: COORDINATOR, helperId: DUC }],
    });
    await first.handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${first.caseId}:offer:1`, actorId: DUC, accept: true }],
    });
    expect(await capacityOf(DUC)).toBe(1);

    const second = await startCase('st-07');
    const refused = await second.handle
      .executeUpdate(assignHelperUpdate, {
        args: [{ taskId: `${second.caseId}:assign:1`, actorId: COORDINATOR, helperId: DUC }],
      })
      .then(
        () => null,
        (e: WorkflowUpdateFailedError) => e.cause,
      );
    expect(refused).toMatchObject({ type: 'RuleViolation:CAPACITY_EXCEEDED' });

    await second.handle.executeUpdate(assignHelperUpdate, {
      args: [
        {
          taskId: `${second.caseId}:assign:1`,
          actorId: COORDINATOR,
          helperId: DUC,
          ask: true,
          note: 'Em ở gần nhà thầy, thầy dạy Toán lớp em',
        },
      ],
    });
    const row = await h.db.caseHelper.findFirstOrThrow({ where: { caseId: second.caseId, userId: DUC } });
    expect(row).toMatchObject({
      status: 'OFFERED',
      asked: true,
      note: 'Em ở gần nhà thầy, thầy dạy Toán lớp em',
    });
    // The offer itself does not change what the teacher volunteered: only an acceptance does.
    expect(await capacityOf(DUC)).toBe(1);

    await second.handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${second.caseId}:offer:1`, actorId: DUC, accept: true }],
    });
    expect(await second.handle.query(stateQuery)).toMatchObject({ stage: 'plan', helperId: DUC });
    expect(await capacityOf(DUC)).toBe(2);
    expect(
      await h.db.auditLog.findMany({
        where: { action: 'volunteer.capacity.asked', subjectId: DUC },
        select: { actorId: true, reason: true, caseId: true },
      }),
    ).toEqual([{ actorId: DUC, reason: '1 → 2', caseId: second.caseId }]);
  });

  it('a teacher asked who declines keeps their capacity, and the reason is stored for the coordinator', async () => {
    const before = await capacityOf(DUC);
    const c = await startCase('st-08');
    await c.handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${c.caseId}:assign:1`, actorId: COORDINATOR, helperId: DUC, ask: true }],
    });
    await c.handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${c.caseId}:offer:1`, actorId: DUC, accept: false, reason: 'Đã nhận đủ hai em' }],
    });
    expect(await capacityOf(DUC)).toBe(before);
    expect(
      await h.db.caseHelper.findFirstOrThrow({ where: { caseId: c.caseId, userId: DUC } }),
    ).toMatchObject({
      status: 'DECLINED',
      asked: true,
      reason: 'Đã nhận đủ hai em',
    });
  });
});
