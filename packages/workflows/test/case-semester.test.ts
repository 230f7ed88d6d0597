import type { EvaluationDraft } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledgeUpdate,
  confirmReturnUpdate,
  decideClosureUpdate,
  fileCheckInUpdate,
  reviewEvaluationUpdate,
  signOffEvaluationUpdate,
  stateQuery,
  submitEvaluationUpdate,
} from '../src/messages';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  LAN,
  PRINCIPAL,
  rejection,
  report,
  UYEN,
  waitFor,
  waitForState,
} from './support/case-harness';

/**
 * A semester of help on a compressed school calendar (a day lasts tens of milliseconds): the
 * check-in's reminder and escalation, a late filing, the high-risk alert, the evaluation's
 * round trip through coordinator and principal, continue-as-new at the semester's end, a worker
 * restarted mid-case, and the summer's back-to-school confirmation.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const draft = (over: Partial<EvaluationDraft> = {}): EvaluationDraft => ({
  resultsBefore: 'chua_dat',
  resultsAfter: 'dat',
  conductBefore: 'kha',
  conductAfter: 'tot',
  progress: 'Em tiến bộ rõ ở môn Toán, đi học đều hơn',
  stillAtRisk: false,
  recommendation: 'continue',
  ...over,
});

describe('a semester of help', () => {
  it('reminds, escalates, accepts a late high-risk check-in, runs the evaluation and continues as new', async () => {
    // 08/12/2026 begins now; the steps up to the approved plan take a few calendar days.
    const { caseId, handle } = await h.startActiveCase('st-01', LAN, compressed('2026-12-08', 200));
    const firstRun = (await handle.describe()).runId;

    // The worker goes away mid-case; a new one picks the case up from its history.
    await h.stopWorker();
    await h.startWorker();

    const checkIn = `${caseId}:checkin:2026-12`;
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    expect((await h.db.task.findUniqueOrThrow({ where: { id: checkIn } })).assigneeUserId).toBe(LAN);
    expect(
      (
        await rejection(
          handle.executeUpdate(fileCheckInUpdate, {
            args: [{ taskId: checkIn, actorId: UYEN, report: report() }],
          }),
        )
      ).message,
    ).toMatch(/giáo viên phụ trách/);

    await waitFor(async () => (await h.eventTypes(caseId)).includes('case.checkin_reminded'));
    expect((await h.db.task.findUniqueOrThrow({ where: { id: checkIn } })).remindedAt).not.toBeNull();

    const overdue = `${caseId}:overdue:2026-12`;
    await waitForState(handle, (s) => s.openTaskIds.includes(overdue));
    expect(await h.taskStatus(overdue)).toBe('OPEN');

    const filed = await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: LAN, report: report({ riskLevel: 'high', absentDays: 6 }) }],
    });
    expect(filed.late).toBe(true);
    const row = await h.db.checkIn.findUniqueOrThrow({ where: { id: `${caseId}:checkin:2026-12` } });
    expect(row).toMatchObject({ late: true, riskLevel: 'high', tutoringHours: 6, materialVnd: 470_000n });
    expect(await h.taskStatus(overdue)).toBe('DONE');
    expect(await h.taskStatus(checkIn)).toBe('DONE');
    const risk = `${caseId}:risk:2026-12`;
    expect(await h.taskStatus(risk)).toBe('OPEN');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).riskLevel).toBe('high');

    // A filed check-in cannot be filed twice; a teacher cannot close the coordinator's alert.
    expect(
      (
        await rejection(
          handle.executeUpdate(fileCheckInUpdate, {
            args: [{ taskId: checkIn, actorId: LAN, report: report() }],
          }),
        )
      ).type,
    ).toBe('StepRejected');
    expect(
      (await rejection(handle.executeUpdate(acknowledgeUpdate, { args: [{ taskId: risk, actorId: LAN }] })))
        .type,
    ).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    await handle.executeUpdate(acknowledgeUpdate, {
      args: [{ taskId: risk, actorId: COORDINATOR, note: 'Đã gặp gia đình, em đi học lại' }],
    });
    expect(await h.taskStatus(risk)).toBe('DONE');

    // The evaluation opens two weeks before the semester ends (31/12, on this clock).
    const s = await waitForState(handle, (st) => st.stage === 'evaluation');
    const term = '2026-2027-HK1';
    expect(s.term).toBe(term);
    expect(s.openTaskIds).toContain(`${caseId}:eval:${term}:1`);
    await handle.executeUpdate(submitEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval:${term}:1`, actorId: LAN, draft: draft() }],
    });
    await handle.executeUpdate(reviewEvaluationUpdate, {
      args: [
        {
          taskId: `${caseId}:eval-review:${term}:1`,
          actorId: COORDINATOR,
          approve: false,
          comment: 'Bổ sung số buổi học',
        },
      ],
    });
    await handle.executeUpdate(submitEvaluationUpdate, {
      args: [
        {
          taskId: `${caseId}:eval:${term}:2`,
          actorId: LAN,
          draft: draft({ progress: 'Đã học 12 buổi, tiến bộ' }),
        },
      ],
    });
    await handle.executeUpdate(reviewEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval-review:${term}:2`, actorId: COORDINATOR, approve: true }],
    });
    const signoff = `${caseId}:eval-signoff:${term}:2`;
    expect(
      (
        await rejection(
          handle.executeUpdate(signOffEvaluationUpdate, {
            args: [{ taskId: signoff, actorId: COORDINATOR, approve: true }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    const signed = await handle.executeUpdate(signOffEvaluationUpdate, {
      args: [{ taskId: signoff, actorId: PRINCIPAL, approve: true }],
    });
    expect(signed.stage).toBe('active');
    const evaluations = await h.db.evaluation.findMany({ where: { caseId }, orderBy: { version: 'asc' } });
    expect(evaluations.map((e) => e.status)).toEqual(['RETURNED', 'SIGNED_OFF']);

    // At the semester's end the run continues as new and plans semester II from the calendar.
    const next = await waitForState(handle, (st) => st.runs === 2 && st.checkIns['2027-01'] !== undefined);
    expect(next.term).toBe('2026-2027-HK2');
    expect(next.helperId).toBe(LAN);
    expect(next.riskLevel).toBe('high');
    // The filed December check-in stayed with the first run; its record is in the database.
    expect(next.checkIns['2026-12']).toBeUndefined();
    await h.recordHistory('semester-checkins-evaluation-continued', handle.workflowId, firstRun);
    await h.recordHistory('semester-two-started', handle.workflowId);
    const old = await h.env.client.workflow.getHandle(handle.workflowId, firstRun).describe();
    expect(old.status.name).toBe('CONTINUED_AS_NEW');
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const types = await h.eventTypes(caseId);
    expect(types.filter((t) => t === 'case.term_started')).toHaveLength(2);
    expect(types.filter((t) => t === 'case.checkin_filed')).toHaveLength(1);
  });

  it('after summer asks the helper to confirm the return to school; a student not back goes to closure', async () => {
    // 14/05/2027 begins 1.5 s from now at 40 ms a day: the case becomes active in early May.
    const { caseId, handle } = await h.startActiveCase('st-02', UYEN, compressed('2027-05-14', 40, 1500));
    const checkIn = `${caseId}:checkin:2027-05`;
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: UYEN, report: report() }],
    });

    const term = '2026-2027-HK2';
    await waitForState(handle, (s) => s.stage === 'evaluation');
    await handle.executeUpdate(submitEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval:${term}:1`, actorId: UYEN, draft: draft() }],
    });
    await handle.executeUpdate(reviewEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval-review:${term}:1`, actorId: COORDINATOR, approve: true }],
    });
    await handle.executeUpdate(signOffEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval-signoff:${term}:1`, actorId: PRINCIPAL, approve: true }],
    });

    // No check-ins in summer; on the opening day of 2027–2028 the helper confirms the return.
    const returnTask = `${caseId}:return:2027`;
    const s = await waitForState(handle, (st) => st.openTaskIds.includes(returnTask));
    const summerRun = (await handle.describe()).runId;
    expect(s.term).toBe('2027-2028-HK1');
    expect(Object.keys(s.checkIns).filter((k) => k >= '2027-06' && k <= '2027-08')).toEqual([]);
    const started = await h.db.caseEvent.findMany({
      where: { caseId, type: 'case.term_started' },
      orderBy: { id: 'asc' },
    });
    // The campaign has no 2027–2028 settings yet: last year's were carried over, and it says so.
    expect(started.at(-1)?.payload).toMatchObject({ term: '2027-2028-HK1', assumedCalendar: true });

    expect(
      (
        await rejection(
          handle.executeUpdate(confirmReturnUpdate, {
            args: [{ taskId: returnTask, actorId: UYEN, returned: false }],
          }),
        )
      ).message,
    ).toMatch(/ghi chú/);
    const r = await handle.executeUpdate(confirmReturnUpdate, {
      args: [
        { taskId: returnTask, actorId: UYEN, returned: false, note: 'Em theo gia đình lên nương, chưa về' },
      ],
    });
    expect(r.stage).toBe('closure');
    const closed = await handle.executeUpdate(decideClosureUpdate, {
      args: [{ taskId: `${caseId}:closure:1`, actorId: PRINCIPAL, approve: true }],
    });
    expect(closed.stage).toBe('closed');
    const row = await h.db.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { helpers: true, tasks: true },
    });
    expect(row).toMatchObject({ stage: 'closed', closureReason: 'dropped_out' });
    expect(row.helpers.every((x) => x.status === 'ENDED')).toBe(true);
    expect(row.tasks.filter((t) => t.status === 'OPEN')).toEqual([]);
    expect((await handle.query(stateQuery)).openTaskIds).toEqual([]);
    await h.recordHistory('summer-not-returned-closed', handle.workflowId, summerRun);
  });
});
