import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskIds } from '../src/case/task-ids';
import {
  answerTransferUpdate,
  assignHelperUpdate,
  decideClosureUpdate,
  fileCheckInUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewPlanUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../src/messages';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  OTHER_COORDINATOR,
  PRINCIPAL,
  rejection,
  report,
  SON,
  waitForState,
} from './support/case-harness';

/**
 * A month's check-in filed while the case is closed and reopened in the same month, on the real
 * Temporal server and database: whatever order the two writes commit in and their results reach
 * the workflow, the month is filed once, asked again only if it was not, and the workflow and
 * the database agree on it (the harness checks them after every step).
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

/** Capacity 3, helping no other case in this file: every case here is reopened with her. */
const THUY = 'u-gv-thuy';
const MONTH = '2026-12';
/** 08/12/2026 on a clock whose days last a minute: December's check-in is open, nothing fires. */
const december = () => compressed('2026-12-08', 60_000);

type Handle = Awaited<ReturnType<CaseHarness['startActiveCase']>>['handle'];

async function close(handle: Handle) {
  const s = await handle.query(stateQuery);
  await handle.executeUpdate(proposeClosureUpdate, {
    args: [{ actorId: COORDINATOR, reason: 'goal_reached' }],
  });
  return handle.executeUpdate(decideClosureUpdate, {
    args: [{ taskId: taskIds.closure(s.caseId, s.counters.closure + 1), actorId: PRINCIPAL, approve: true }],
  });
}

const reopen = (handle: Handle) =>
  handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Em lại nghỉ học' }] });

async function startFiled(studentId: string) {
  const { caseId, handle } = await h.startActiveCase(studentId, THUY, december());
  const checkIn = taskIds.checkIn(caseId, MONTH);
  await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
  return { caseId, handle, checkIn };
}

const checkInRows = (caseId: string) => h.db.checkIn.count({ where: { caseId, month: MONTH } });

describe('a check-in racing a closure, the case reopened in the same month', () => {
  it('written before the closure but known to the workflow after it: the month stays filed', async () => {
    const { caseId, handle, checkIn } = await startFiled('st-14');
    const gate = h.hold('recordCheckIn', { after: true });
    const filing = handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: THUY, report: report({ riskLevel: 'high' }) }],
    });
    await gate.reached; // the filing has committed; its result waits
    await close(handle); // the closure commits next, and its result arrives first
    gate.release();
    expect((await filing).late).toBe(false);
    expect((await handle.query(stateQuery)).checkIns[MONTH]?.filed).toBe(true);
    await h.expectConsistent(handle);

    await reopen(handle);
    await waitForState(handle, (s) => s.stage === 'active' && s.term !== null);
    // The month is not asked again: neither side opens its check-in, and the helper has nothing to file.
    await new Promise((r) => setTimeout(r, 1_500));
    const s = await handle.query(stateQuery);
    expect(s.checkIns[MONTH]?.filed).toBe(true);
    expect(s.openTaskIds).not.toContain(checkIn);
    expect(await h.taskStatus(checkIn)).not.toBe('OPEN');
    const again = await rejection(
      handle.executeUpdate(fileCheckInUpdate, {
        args: [{ taskId: checkIn, actorId: THUY, report: report() }],
      }),
    );
    expect(again.refusal).toBe('NO_CHECKIN_PENDING');
    expect(await checkInRows(caseId)).toBe(1);
    await h.expectConsistent(handle);
    await close(handle);
  });

  it('whose result arrives only after the case, transferred, is helped again that month: the opening finds it filed', async () => {
    const { caseId, handle, checkIn } = await startFiled('st-17');
    const gate = h.hold('recordCheckIn', { after: true });
    const filing = handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: THUY, report: report() }],
    });
    await gate.reached; // the filing has committed; its result waits
    // A closed case waits for the filing before it can be reopened; a transfer does not: the new
    // school assigns, plans and helps again in December while the filing's result is still out.
    await handle.executeUpdate(requestTransferUpdate, {
      args: [{ actorId: COORDINATOR, toSchoolId: 's-thpt-tohieu', toSchoolUnitId: 'u-thpt-tohieu' }],
    });
    await handle.executeUpdate(answerTransferUpdate, {
      args: [{ taskId: taskIds.transfer(caseId, 1), actorId: OTHER_COORDINATOR, approve: true }],
    });
    const openOf = async (kind: string) =>
      (await handle.query(stateQuery)).openTaskIds.find((t) => t.includes(`:${kind}:`)) as string;
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: await openOf('assign'), actorId: OTHER_COORDINATOR, helperId: SON }],
    });
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: await openOf('offer'), actorId: SON, accept: true }],
    });
    await handle.executeUpdate(submitPlanUpdate, {
      args: [
        {
          taskId: await openOf('plan'),
          actorId: SON,
          goals: { week: 'Ôn Vật lí', month: 'Đi học đều', semester: 'Lên lớp' },
          kinds: ['tutoring'],
        },
      ],
    });
    await handle.executeUpdate(reviewPlanUpdate, {
      args: [{ taskId: await openOf('plan-review'), actorId: OTHER_COORDINATOR, approve: true }],
    });
    // The month's round has run its opening while the filing's result waits.
    const s = await waitForState(
      handle,
      (x) => x.stage === 'active' && x.checkIns[MONTH] !== undefined,
      20_000,
    );
    expect(s.checkIns[MONTH]?.filed).toBe(true);
    expect(s.openTaskIds).not.toContain(checkIn);
    expect(await h.taskStatus(checkIn)).not.toBe('OPEN');
    gate.release();
    await filing;
    expect((await handle.query(stateQuery)).openTaskIds).not.toContain(checkIn);
    expect(await checkInRows(caseId)).toBe(1);
    await h.expectConsistent(handle);
  });
});
