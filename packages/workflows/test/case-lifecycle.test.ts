import { randomUUID } from 'node:crypto';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import { type CaseClock, realClock } from '@donghanh/domain';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  assignHelperUpdate,
  type CaseTiming,
  type CaseWorkflowInput,
  caseWorkflowId,
  identifyUpdate,
  respondOfferUpdate,
  reviewPlanUpdate,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../src/messages';
import { startTestTemporal } from '../src/testing';
import { createCaseWorker } from '../src/worker';

/**
 * Screening → assignment → plan on a real Temporal dev server with the real activities writing
 * to PostgreSQL, with the campaign's delays compressed to seconds.
 */
let env: TestWorkflowEnvironment;
let database: TestDatabase;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `lifecycle-${randomUUID()}`;
const COORDINATOR = 'u-ct-cl';
const LAN = 'u-gv-lan'; // capacity 2
const DUC = 'u-gv-duc'; // capacity 1
const UYEN = 'u-gv-uyen'; // capacity 2

const fast: Partial<CaseTiming> = { offerResponseMs: 60_000 };

/** The real calendar: nothing of the school year fires while a test runs. */
const realTime = () => realClock(Date.now());

async function startCase(
  studentId: string,
  timing: Partial<CaseTiming> = fast,
  clock: CaseClock = realTime(),
) {
  const caseId = `c${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const input: CaseWorkflowInput = {
    caseId,
    code: `HS26-${caseId.slice(1, 7).toUpperCase()}`,
    campaignId: 'camp-sl-2026',
    studentId,
    schoolId: 's-thcs-chiengle',
    schoolUnitId: 'u-thcs-chiengle',
    categories: ['economic_hardship'],
    source: 'staff_proposal',
    timing,
    clock,
  };
  await env.client.workflow.executeUpdateWithStart(identifyUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  const handle = env.client.workflow.getHandle(caseWorkflowId(caseId));
  await handle.executeUpdate(screenUpdate, {
    args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
  });
  return { caseId, handle };
}

async function rejection(p: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause as { type?: string; message: string } | undefined;
  return { type: cause?.type, message: String(cause?.message) };
}

async function eventTypes(caseId: string): Promise<string[]> {
  const rows = await database.db.caseEvent.findMany({
    where: { caseId },
    orderBy: { id: 'asc' },
    select: { type: true },
  });
  return rows.map((r) => r.type);
}

beforeAll(async () => {
  [env, database] = await Promise.all([
    startTestTemporal(inject('temporalCli')),
    createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate')),
  ]);
  await loadDemoOrganisation(database.db);
  worker = await createCaseWorker({
    connection: env.nativeConnection,
    db: database.db,
    namespace: env.namespace ?? 'default',
    taskQueue,
    maxCachedWorkflows: 50,
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await database?.drop();
});

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
    expect(await db.task.count({ where: { caseId, status: 'OPEN' } })).toBe(0);
    expect(
      await db.caseHelper.findMany({ where: { caseId }, select: { userId: true, status: true, role: true } }),
    ).toEqual([{ userId: LAN, status: 'ACTIVE', role: 'PRIMARY' }]);
    expect(await eventTypes(caseId)).toEqual([
      'case.identified',
      'case.accepted',
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
});
