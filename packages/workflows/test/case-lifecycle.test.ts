import { FieldCipher, systemClock, writeWithdrawalRows } from '@donghanh/db';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignHelperUpdate,
  type CaseTiming,
  respondOfferUpdate,
  reviewPlanUpdate,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../src/messages';
import { CaseHarness, COORDINATOR, DUC, LAN, rejection, UYEN } from './support/case-harness';

/**
 * Screening → assignment → plan on a real Temporal dev server with the real activities writing
 * to PostgreSQL, with the campaign's delays compressed to seconds.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());
const database = h;
const eventTypes = (caseId: string) => h.eventTypes(caseId);

const fast: Partial<CaseTiming> = { offerResponseMs: 60_000 };

/** A case accepted at screening, on the pinned calendar (nothing of the school year fires here). */
async function startCase(studentId: string, timing: Partial<CaseTiming> = fast) {
  const { caseId, handle } = await h.startCase(studentId, systemClock(), timing);
  await handle.executeUpdate(screenUpdate, {
    args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
  });
  return { caseId, handle };
}

describe('case lifecycle: screening, assignment, plan', () => {
  it('walks a case from identification to active help, with a returned plan on the way', async () => {
    const { caseId, handle } = await startCase('st-01');
    const offered = await handle.executeUpdate(assignHelperUpdate, {
      args: [
        {
          taskId: `${caseId}:assign:1`,
          actorId: COORDINATOR,
          helperId: LAN,
          sponsor: { name: 'Hội Khuyến học phường' },
        },
      ],
    });
    expect(offered.stage).toBe('assignment');
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${caseId}:offer:1`, actorId: LAN, accept: true }],
    });
    expect(await handle.query(stateQuery)).toMatchObject({
      stage: 'plan',
      helperId: LAN,
      openTaskIds: [`${caseId}:plan:1`],
    });

    const goals = {
      week: 'Ôn bảng cửu chương',
      month: 'Hoàn thành bài tập về nhà',
      semester: 'Toán đạt mức Đạt',
    };
    await handle.executeUpdate(submitPlanUpdate, {
      args: [{ taskId: `${caseId}:plan:1`, actorId: LAN, goals, kinds: ['tutoring'] }],
    });
    await handle.executeUpdate(reviewPlanUpdate, {
      args: [
        {
          taskId: `${caseId}:plan-review:1`,
          actorId: COORDINATOR,
          approve: false,
          comment: 'Bổ sung thăm gia đình',
        },
      ],
    });
    await handle.executeUpdate(submitPlanUpdate, {
      args: [{ taskId: `${caseId}:plan:2`, actorId: LAN, goals, kinds: ['tutoring', 'family_contact'] }],
    });
    const approved = await handle.executeUpdate(reviewPlanUpdate, {
      args: [{ taskId: `${caseId}:plan-review:2`, actorId: COORDINATOR, approve: true }],
    });
    expect(approved.stage).toBe('active');

    const db = database.db;
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      stage: 'active',
      helperId: LAN,
      sponsorName: 'Hội Khuyến học phường',
    });
    const plans = await db.helpPlan.findMany({ where: { caseId }, orderBy: { version: 'asc' } });
    expect(plans.map((p) => [p.version, p.status])).toEqual([
      [1, 'RETURNED'],
      [2, 'APPROVED'],
    ]);
    expect(plans[0]?.comment).toBe('Bổ sung thăm gia đình');
    // Only the semester's own tasks (a check-in, once the term is planned) may be open now.
    expect(await db.task.count({ where: { caseId, status: 'OPEN', type: { not: 'file_checkin' } } })).toBe(0);
    expect(
      await db.caseHelper.findMany({ where: { caseId }, select: { userId: true, status: true, role: true } }),
    ).toEqual([{ userId: LAN, status: 'ACTIVE', role: 'PRIMARY' }]);
    // The term starts in the background after activation: compare the steps up to the approval.
    expect((await eventTypes(caseId)).slice(0, 9)).toEqual([
      'case.identified',
      'case.accepted',
      'case.consent_recorded',
      'case.helper_offered',
      'case.helper_accepted',
      'case.plan_submitted',
      'case.plan_returned',
      'case.plan_submitted',
      'case.plan_approved',
    ]);
  });

  it('returns the case to the coordinator on a decline and when an offer gets no answer in time', async () => {
    const { caseId, handle } = await startCase('st-02', { offerResponseMs: 1500 });
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: UYEN }],
    });
    expect(
      (
        await rejection(
          handle.executeUpdate(respondOfferUpdate, {
            args: [{ taskId: `${caseId}:offer:1`, actorId: UYEN, accept: false }],
          }),
        )
      ).message,
    ).toMatch(/lý do/);
    await handle.executeUpdate(respondOfferUpdate, {
      args: [
        {
          taskId: `${caseId}:offer:1`,
          actorId: UYEN,
          accept: false,
          reason: 'Đã nhận đủ học sinh lớp chủ nhiệm',
        },
      ],
    });
    expect((await handle.query(stateQuery)).openTaskIds).toEqual([`${caseId}:assign:2`]);

    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${caseId}:assign:2`, actorId: COORDINATOR, helperId: DUC }],
    });
    // no answer: after the (compressed) delay the offer lapses
    const deadline = Date.now() + 15_000;
    // wait for the whole expiry: the offer is dropped first, the new coordinator task follows
    const lapsed = async () => (await handle.query(stateQuery)).openTaskIds.includes(`${caseId}:assign:3`);
    while (!(await lapsed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const state = await handle.query(stateQuery);
    expect(state).toMatchObject({ stage: 'assignment', offer: null, openTaskIds: [`${caseId}:assign:3`] });
    const late = await rejection(
      handle.executeUpdate(respondOfferUpdate, {
        args: [{ taskId: `${caseId}:offer:2`, actorId: DUC, accept: true }],
      }),
    );
    expect(late.message).toMatch(/không còn hiệu lực/);

    const db = database.db;
    expect(
      (await db.caseHelper.findMany({ where: { caseId }, orderBy: { offeredAt: 'asc' } })).map((h) => [
        h.userId,
        h.status,
      ]),
    ).toEqual([
      [UYEN, 'DECLINED'],
      [DUC, 'EXPIRED'],
    ]);
    expect(await db.task.findUniqueOrThrow({ where: { id: `${caseId}:offer:2` } })).toMatchObject({
      status: 'EXPIRED',
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: `${caseId}:assign:3` } })).toMatchObject({
      status: 'OPEN',
    });
    expect(await eventTypes(caseId)).toEqual([
      'case.identified',
      'case.accepted',
      'case.consent_recorded',
      'case.helper_offered',
      'case.helper_declined',
      'case.helper_offered',
      'case.offer_expired',
    ]);
  });

  it('never offers a teacher more cases than they volunteered for, even two at once', async () => {
    const [a, b] = await Promise.all([startCase('st-04'), startCase('st-05')]);
    const results = await Promise.allSettled(
      [a, b].map(({ caseId, handle }) =>
        handle.executeUpdate(assignHelperUpdate, {
          args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: DUC }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as WorkflowUpdateFailedError).cause).toMatchObject({
      type: 'RuleViolation:CAPACITY_EXCEEDED',
    });
    expect(
      await database.db.caseHelper.count({ where: { userId: DUC, status: { in: ['OFFERED', 'ACTIVE'] } } }),
    ).toBe(1);

    // the refused case is untouched: its coordinator task is still open and can go to someone else
    const refused = results[0]?.status === 'rejected' ? a : b;
    expect(await refused.handle.query(stateQuery)).toMatchObject({
      offer: null,
      openTaskIds: [`${refused.caseId}:assign:1`],
    });
    await refused.handle.executeUpdate(assignHelperUpdate, {
      args: [
        { taskId: `${refused.caseId}:assign:1`, actorId: COORDINATOR, helperId: LAN, coHelperIds: [UYEN] },
      ],
    });
    expect(await database.db.caseHelper.count({ where: { caseId: refused.caseId, status: 'OFFERED' } })).toBe(
      2,
    );
  });

  it('rejects foreign actors and stale tasks before writing', async () => {
    const { caseId, handle } = await startCase('st-06');
    const outside = await rejection(
      handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: 'u-gv-son' }],
      }),
    );
    expect(outside.type).toBe('RuleViolation:HELPER_OUTSIDE_SCHOOL');
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: UYEN }],
    });
    const before = await database.db.caseEvent.count({ where: { caseId } });
    expect(
      (
        await rejection(
          handle.executeUpdate(respondOfferUpdate, {
            args: [{ taskId: `${caseId}:offer:1`, actorId: LAN, accept: true }],
          }),
        )
      ).message,
    ).toMatch(/Chỉ giáo viên được mời/);
    expect(
      (
        await rejection(
          handle.executeUpdate(assignHelperUpdate, {
            args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: LAN }],
          }),
        )
      ).type,
    ).toBe('StepRejected');
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: `${caseId}:offer:1`, actorId: UYEN, accept: true }],
    });
    const goals = { week: 'a', month: 'b', semester: 'c' };
    expect(
      (
        await rejection(
          handle.executeUpdate(submitPlanUpdate, {
            args: [{ taskId: `${caseId}:plan:1`, actorId: LAN, goals, kinds: ['tutoring'] }],
          }),
        )
      ).message,
    ).toMatch(/giáo viên phụ trách/);
    await handle.executeUpdate(submitPlanUpdate, {
      args: [{ taskId: `${caseId}:plan:1`, actorId: UYEN, goals, kinds: ['material'] }],
    });
    expect(
      (
        await rejection(
          handle.executeUpdate(reviewPlanUpdate, {
            args: [{ taskId: `${caseId}:plan-review:1`, actorId: UYEN, approve: true }],
          }),
        )
      ).message,
    ).toMatch(/tự duyệt/);
    expect(
      (
        await rejection(
          handle.executeUpdate(reviewPlanUpdate, {
            args: [{ taskId: `${caseId}:plan-review:1`, actorId: COORDINATOR, approve: false }],
          }),
        )
      ).message,
    ).toMatch(/nhận xét/);
    // only the three accepted steps wrote events
    expect(await database.db.caseEvent.count({ where: { caseId } })).toBe(before + 2);
  });

  it('offers no helper before the consent or a legal basis is recorded, nor after it is withdrawn', async () => {
    h.consentOnScreening = false;
    const { caseId, handle } = await startCase('st-08').finally(() => {
      h.consentOnScreening = true;
    });
    const offer = () =>
      handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: `${caseId}:assign:1`, actorId: COORDINATOR, helperId: 'u-gv-thuy' }],
      });
    expect((await rejection(offer())).type).toBe('RuleViolation:CONSENT_NOT_RECORDED');
    // Nothing was written: the coordinator's task waits, no teacher holds an offer.
    expect(await h.taskStatus(`${caseId}:assign:1`)).toBe('OPEN');
    expect(await database.db.caseHelper.count({ where: { caseId } })).toBe(0);

    await h.recordConsent(caseId);
    await database.db.$transaction((tx) =>
      writeWithdrawalRows(
        tx,
        new FieldCipher(h.dataKey),
        { caseId, by: 'guardian', on: '2026-09-01' },
        { actorId: COORDINATOR, now: new Date(), today: '2026-09-01' },
      ),
    );
    expect((await rejection(offer())).type).toBe('RuleViolation:CONSENT_NOT_RECORDED');

    await h.recordConsent(caseId);
    expect((await offer()).stage).toBe('assignment');
    expect(await eventTypes(caseId)).toEqual([
      'case.identified',
      'case.accepted',
      'case.consent_recorded',
      'case.consent_recorded',
      'case.helper_offered',
    ]);
  });
});
