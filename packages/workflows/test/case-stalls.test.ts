import { listInboxTasks, readCaseDetail } from '@donghanh/db';
import type { EvaluationDraft } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowIds, taskIds } from '../src/case/task-ids';
import {
  addNoteUpdate,
  answerTransferUpdate,
  assignHelperUpdate,
  decideClosureUpdate,
  fileCheckInUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewEvaluationUpdate,
  reviewPlanUpdate,
  screenUpdate,
  signOffEvaluationUpdate,
  startEvaluationUpdate,
  stateQuery,
  submitEvaluationUpdate,
  submitPlanUpdate,
} from '../src/messages';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  DUC,
  LAN,
  OTHER_COORDINATOR,
  PRINCIPAL,
  rejection,
  report,
  SON,
  UYEN,
  waitFor,
  waitForState,
} from './support/case-harness';

/**
 * Cases that stalled for good on the real Temporal server and database: a step that must happen
 * again after a reopening or a transfer written as a retry of the first, two steps racing, a
 * pending transfer outliving its case. Each test reproduces one; the harness also checks after
 * every step that the database and the workflow agree on the stage and the open tasks.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

/**
 * Students come two per class (the campaign's pilot cap). 08/12/2026 on a clock whose days last a minute: December's check-in is open, nothing fires. */
const december = () => compressed('2026-12-08', 60_000);

const closingDraft: EvaluationDraft = {
  resultsBefore: 'dat',
  resultsAfter: 'kha',
  conductBefore: 'tot',
  conductAfter: 'tot',
  progress: 'Em đã theo kịp lớp',
  stillAtRisk: false,
  recommendation: 'propose_closure',
  closureReason: 'goal_reached',
};

type Handle = Awaited<ReturnType<CaseHarness['startActiveCase']>>['handle'];

async function close(handle: Handle) {
  const round = (await handle.query(stateQuery)).counters.closure + 1;
  const caseId = (await handle.query(stateQuery)).caseId;
  await handle.executeUpdate(proposeClosureUpdate, {
    args: [{ actorId: COORDINATOR, reason: 'goal_reached' }],
  });
  return handle.executeUpdate(decideClosureUpdate, {
    args: [{ taskId: taskIds.closure(caseId, round), actorId: PRINCIPAL, approve: true }],
  });
}

async function openTasks(caseId: string): Promise<string[]> {
  const rows = await h.db.task.findMany({ where: { caseId, status: 'OPEN' }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

describe('steps that happen again after a reopening', () => {
  it('an evaluation opened again in the same term is written again (its key carries the version)', async () => {
    const { caseId, handle } = await h.startActiveCase('st-01', DUC, december());
    const { term } = await waitForState(handle, (s) => s.term !== null);
    await handle.executeUpdate(startEvaluationUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'Gia đình sắp chuyển nhà' }],
    });
    await close(handle);
    await handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Gia đình ở lại' }] });
    await waitForState(handle, (s) => s.stage === 'active' && s.term === term);

    await handle.executeUpdate(startEvaluationUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'Đánh giá lại sau khi mở lại hồ sơ' }],
    });
    const draft = taskIds.evaluation(caseId, term as string, 2);
    expect((await handle.query(stateQuery)).openTaskIds).toContain(draft);
    expect(await h.taskStatus(draft)).toBe('OPEN');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('evaluation');
    await close(handle);
  });

  it("a month's check-in opened again after a reopening is open in the database too", async () => {
    const { caseId, handle } = await h.startActiveCase('st-02', LAN, december());
    const checkIn = taskIds.checkIn(caseId, '2026-12');
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    await close(handle);
    expect(await h.taskStatus(checkIn)).toBe('CANCELLED');

    await handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Em lại nghỉ học' }] });
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    await waitFor(async () => (await h.taskStatus(checkIn)) === 'OPEN', 5_000);
    await h.expectConsistent(handle);
    // The helper sees it and can file it.
    const filed = await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: LAN, report: report() }],
    });
    expect(filed.late).toBe(false);
    await close(handle);
  });
});

describe('steps that race', () => {
  it('a second reopening sent while the first is still being written is refused', async () => {
    const { caseId, handle } = await h.startActiveCase('st-04', DUC, december());
    await waitForState(handle, (s) => s.term !== null);
    await close(handle);
    // Duc can take no case now: the reopening goes back to assignment (two activities).
    await h.db.user.update({ where: { id: DUC }, data: { capacity: 0 } });
    try {
      const gate = h.hold('openAssignmentAfterReopen');
      const first = handle.executeUpdate(reopenUpdate, {
        args: [{ actorId: COORDINATOR, reason: 'Gia đình lại gặp khó khăn' }],
      });
      await gate.reached;
      const second = handle.executeUpdate(reopenUpdate, {
        args: [{ actorId: COORDINATOR, reason: 'Gia đình lại gặp khó khăn' }],
      });
      const refused = await rejection(second).finally(() => gate.release());
      expect(refused.type).toBe('StepRejected');
      expect((await first).stage).toBe('assignment');
      expect(await h.db.caseEvent.count({ where: { caseId, type: 'case.reopened' } })).toBe(1);
      expect((await openTasks(caseId)).filter((t) => t.includes(':assign:'))).toHaveLength(1);
      await h.expectConsistent(handle);
    } finally {
      await h.db.user.update({ where: { id: DUC }, data: { capacity: 1 } });
    }
  });

  it('a high-risk check-in that loses the race to a closure opens no alert on the closed case', async () => {
    const { caseId, handle } = await h.startActiveCase('st-05', LAN, december());
    const checkIn = taskIds.checkIn(caseId, '2026-12');
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    const gate = h.hold('recordCheckIn');
    const filing = handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: LAN, report: report({ riskLevel: 'high' }) }],
    });
    await gate.reached;
    await close(handle);
    gate.release();
    const refused = await rejection(filing);
    expect(refused.type).toBe('RuleViolation:CASE_MOVED_ON');
    expect(await openTasks(caseId)).toEqual([]);
    expect((await handle.query(stateQuery)).openTaskIds).toEqual([]);
    await h.expectConsistent(handle);
  });

  it('a high-risk check-in that loses the race to a transfer opens no alert at the old school', async () => {
    const { caseId, handle } = await h.startActiveCase('st-07', UYEN, december());
    const checkIn = taskIds.checkIn(caseId, '2026-12');
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    const gate = h.hold('recordCheckIn');
    const filing = handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: UYEN, report: report({ riskLevel: 'high' }) }],
    });
    await gate.reached;
    await handle.executeUpdate(requestTransferUpdate, {
      args: [{ actorId: COORDINATOR, toSchoolId: 's-thpt-tohieu', toSchoolUnitId: 'u-thpt-tohieu' }],
    });
    await handle.executeUpdate(answerTransferUpdate, {
      args: [{ taskId: taskIds.transfer(caseId, 1), actorId: OTHER_COORDINATOR, approve: true }],
    });
    gate.release();
    expect((await rejection(filing)).type).toBe('RuleViolation:CASE_MOVED_ON');
    expect(await h.db.task.count({ where: { caseId, type: 'risk_alert' } })).toBe(0);
    expect(await openTasks(caseId)).toEqual([taskIds.assign(caseId, 2)]);
    await h.expectConsistent(handle);
  });

  it('an escalation written while the helper files the check-in flags nothing', async () => {
    // December's check-in is due on 25/12 and escalated at the end of 28/12: seconds from now.
    const { caseId, handle } = await h.startActiveCase('st-08', LAN, compressed('2026-12-24', 3_000));
    const checkIn = taskIds.checkIn(caseId, '2026-12');
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn), 20_000);
    const gate = h.hold('escalateCheckIn');
    await gate.reached;
    const filed = await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: LAN, report: report() }],
    });
    expect(filed.late).toBe(true);
    gate.release();
    await waitForState(handle, (s) => s.checkIns['2026-12']?.escalated === true);
    const overdue = taskIds.overdue(caseId, '2026-12');
    expect((await handle.query(stateQuery)).openTaskIds).not.toContain(overdue);
    expect(await h.taskStatus(overdue)).toBeUndefined();
    await h.expectConsistent(handle);
  });
});

describe('a transfer pending when the case closes', () => {
  it('is dropped with the closure, so the reopened case can be closed or transferred again', async () => {
    const { caseId, handle } = await h.startActiveCase('st-17', UYEN, december());
    const { term } = await waitForState(handle, (s) => s.term !== null);
    await handle.executeUpdate(requestTransferUpdate, {
      args: [{ actorId: COORDINATOR, toSchoolId: 's-thpt-tohieu', toSchoolUnitId: 'u-thpt-tohieu' }],
    });
    // An early evaluation proposing closure closes the case at the principal's sign-off.
    await handle.executeUpdate(startEvaluationUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'Em đã theo kịp lớp' }],
    });
    await handle.executeUpdate(submitEvaluationUpdate, {
      args: [{ taskId: taskIds.evaluation(caseId, term as string, 1), actorId: UYEN, draft: closingDraft }],
    });
    await handle.executeUpdate(reviewEvaluationUpdate, {
      args: [
        { taskId: taskIds.evaluationReview(caseId, term as string, 1), actorId: COORDINATOR, approve: true },
      ],
    });
    const closed = await handle.executeUpdate(signOffEvaluationUpdate, {
      args: [
        { taskId: taskIds.evaluationSignOff(caseId, term as string, 1), actorId: PRINCIPAL, approve: true },
      ],
    });
    expect(closed.stage).toBe('closed');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).transferToSchoolId).toBeNull();
    expect((await handle.query(stateQuery)).transfer).toBeNull();

    await handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Em lại cần giúp' }] });
    await waitForState(handle, (s) => s.stage === 'active');
    await handle.executeUpdate(requestTransferUpdate, {
      args: [{ actorId: COORDINATOR, toSchoolId: 's-thpt-tohieu', toSchoolUnitId: 'u-thpt-tohieu' }],
    });
    expect((await handle.query(stateQuery)).transfer?.round).toBe(2);
  });
});

describe('the due day', () => {
  it("is stored as the calendar's day and read back by the inbox and the case page", async () => {
    const { caseId, handle } = await h.startActiveCase('st-18', DUC, december());
    const checkIn = taskIds.checkIn(caseId, '2026-12');
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    const inbox = await listInboxTasks(h.db, { userId: DUC, roles: [] });
    // Due 25/12 on the campaign calendar; the deadline instant is the end of that day.
    expect(inbox.find((t) => t.id === checkIn)).toMatchObject({ dueOn: '2026-12-25' });
    const detail = await readCaseDetail(h.db, caseId);
    expect(detail?.case.tasks.find((t) => t.id === checkIn)?.dueOn).toBe('2026-12-25');
    await close(handle);
  });
});

describe('every step through one path', () => {
  it("re-checks the actor's role on the older steps too (screening, assignment, plan review)", async () => {
    const { caseId, handle } = await h.startCase('st-11', december());
    const screen = (actorId: string) =>
      handle.executeUpdate(screenUpdate, {
        args: [{ taskId: taskIds.screening(caseId), actorId, decision: 'accept' }],
      });
    expect((await rejection(screen(LAN))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    await screen(COORDINATOR);
    const assign = (actorId: string) =>
      handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: taskIds.assign(caseId, 1), actorId, helperId: UYEN }],
      });
    expect((await rejection(assign(LAN))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    await assign(COORDINATOR);
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: taskIds.offer(caseId, 1), actorId: UYEN, accept: true }],
    });
    await handle.executeUpdate(submitPlanUpdate, {
      args: [
        {
          taskId: taskIds.plan(caseId, 1),
          actorId: UYEN,
          goals: { week: 'Ôn bài', month: 'Đi học đều', semester: 'Lên lớp' },
          kinds: ['tutoring'],
        },
      ],
    });
    // Another teacher is not the coordinator: the plan review is refused inside the transaction.
    const refused = await rejection(
      handle.executeUpdate(reviewPlanUpdate, {
        args: [{ taskId: taskIds.planReview(caseId, 1), actorId: LAN, approve: true }],
      }),
    );
    expect(refused.type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    expect(await h.taskStatus(taskIds.planReview(caseId, 1))).toBe('OPEN');
    // A note too: refused by the rule with its code (the API's ACTOR_NOT_ALLOWED), not an internal error.
    const note = (actorId: string) =>
      handle.executeUpdate(addNoteUpdate, { args: [{ actorId, text: 'Em đi học đều' }] });
    expect((await rejection(note(LAN))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    await note(UYEN);
    expect(await h.db.caseEvent.count({ where: { caseId, type: 'case.note' } })).toBe(1);
    await close(handle);
  });

  it('fails at once, without retrying, when a step collides with a row it did not write', async () => {
    const { caseId, handle } = await h.startCase('st-12', december());
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
    });
    // A row already holds the id the offer would give its helper.
    await h.db.caseHelper.create({
      data: {
        id: rowIds.offeredHelper(caseId, 1, 0),
        caseId,
        userId: SON,
        role: 'PRIMARY',
        status: 'ENDED',
        offeredAt: new Date(),
      },
    });
    const started = Date.now();
    const failed = await rejection(
      handle.executeUpdate(assignHelperUpdate, {
        args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId: UYEN }],
      }),
    );
    expect(failed.type).toBe('WriteConflict');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await h.taskStatus(taskIds.assign(caseId, 1))).toBe('OPEN');
  });

  it('fails at once, without retrying, when a step expected a row and found none', async () => {
    const { caseId, handle } = await h.startCase('st-13', december());
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
    });
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId: UYEN }],
    });
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: taskIds.offer(caseId, 1), actorId: UYEN, accept: true }],
    });
    await handle.executeUpdate(submitPlanUpdate, {
      args: [
        {
          taskId: taskIds.plan(caseId, 1),
          actorId: UYEN,
          goals: { week: 'Ôn bài', month: 'Đi học đều', semester: 'Lên lớp' },
          kinds: ['tutoring'],
        },
      ],
    });
    // The plan under review is gone (a bad restore, a hand edit): reviewing it cannot succeed.
    await h.db.helpPlan.delete({ where: { id: rowIds.plan(caseId, 1) } });
    const started = Date.now();
    const failed = await rejection(
      handle.executeUpdate(reviewPlanUpdate, {
        args: [{ taskId: taskIds.planReview(caseId, 1), actorId: COORDINATOR, approve: true }],
      }),
    );
    expect(failed.type).toBe('MissingRow');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await h.taskStatus(taskIds.planReview(caseId, 1))).toBe('OPEN');
  });
});
