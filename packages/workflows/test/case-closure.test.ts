import { systemClock } from '@donghanh/db';
import { pinnedClock } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addNoteUpdate,
  answerTransferUpdate,
  assignHelperUpdate,
  decideClosureUpdate,
  fileCheckInUpdate,
  proposeClosureUpdate,
  reopenUpdate,
  replaceHelperUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewEvaluationUpdate,
  screenUpdate,
  signOffEvaluationUpdate,
  startEvaluationUpdate,
  stateQuery,
  submitEvaluationUpdate,
} from '../src/messages';
import {
  CaseHarness,
  COORDINATOR,
  DUC,
  LAN,
  OTHER_COORDINATOR,
  PRINCIPAL,
  rejection,
  report,
  SON,
  UYEN,
  waitForState,
} from './support/case-harness';

/**
 * Closure and what can follow it, transfer, helper replacement and an early evaluation, on the
 * pinned real-time calendar (DONGHANH_TODAY; nothing of the school year fires during these tests)
 * with the real database.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());
const now = () => systemClock();

async function load(userId: string): Promise<number> {
  return h.db.caseHelper.count({ where: { userId, status: { in: ['OFFERED', 'ACTIVE'] } } });
}

describe('screening', () => {
  it('applies the campaign rules: an excluded state support and the pilot cap per class', async () => {
    const campaign = await h.db.campaign.findUniqueOrThrow({ where: { id: 'camp-sl-2026' } });
    const settings = campaign.settings as Record<string, unknown>;
    await h.db.campaign.update({
      where: { id: campaign.id },
      data: { settings: { ...settings, pilotCapPerClass: 1, excludedSupports: ['decree_66_boarding'] } },
    });
    await h.db.student.update({ where: { id: 'st-01' }, data: { supports: ['decree_66_boarding'] } });
    try {
      const screen = async (studentId: string) => {
        const { caseId, handle } = await h.startCase(studentId, now());
        const taskId = `${caseId}:screening`;
        const accept = handle.executeUpdate(screenUpdate, {
          args: [{ taskId, actorId: COORDINATOR, decision: 'accept' }],
        });
        return { caseId, handle, taskId, accept };
      };
      const boarded = await screen('st-01');
      const refused = await rejection(boarded.accept);
      expect(refused.type).toBe('RuleViolation:NOT_ELIGIBLE');
      expect(refused.message).toMatch(/chế độ hỗ trợ/);
      expect((await h.db.case.findUniqueOrThrow({ where: { id: boarded.caseId } })).stage).toBe('identified');

      expect((await (await screen('st-02')).accept).stage).toBe('assignment');
      const third = await screen('st-03');
      expect((await rejection(third.accept)).message).toMatch(/đủ số học sinh thí điểm \(1\/1\)/);
      // The coordinator can still decline it with the reason; nothing was half-written before.
      const declined = await third.handle.executeUpdate(screenUpdate, {
        args: [
          {
            taskId: third.taskId,
            actorId: COORDINATOR,
            decision: 'decline',
            reason: 'Lớp đã đủ chỉ tiêu thí điểm',
          },
        ],
      });
      expect(declined.stage).toBe('declined');
    } finally {
      await h.db.campaign.update({ where: { id: campaign.id }, data: { settings: settings as object } });
    }
  });
});

describe('closure, reopening, transfer, replacement', () => {
  it('a refused closure returns the case to help; an approved one frees the helper; reopening brings it back', async () => {
    const { caseId, handle } = await h.startActiveCase('st-04', DUC, now());
    expect(await load(DUC)).toBe(1);
    await waitForState(handle, (s) => s.term !== null);

    // Only the principal decides; refusing needs a comment.
    await handle.executeUpdate(proposeClosureUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'goal_reached', note: 'Em đã theo kịp lớp' }],
    });
    const first = `${caseId}:closure:1`;
    expect(
      (
        await rejection(
          handle.executeUpdate(decideClosureUpdate, {
            args: [{ taskId: first, actorId: COORDINATOR, approve: true }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    expect(
      (
        await rejection(
          handle.executeUpdate(decideClosureUpdate, {
            args: [{ taskId: first, actorId: PRINCIPAL, approve: false }],
          }),
        )
      ).message,
    ).toMatch(/nhận xét/);
    const refused = await handle.executeUpdate(decideClosureUpdate, {
      args: [{ taskId: first, actorId: PRINCIPAL, approve: false, comment: 'Theo dõi thêm một tháng' }],
    });
    expect(refused.stage).toBe('active');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).closureReason).toBeNull();

    await handle.executeUpdate(proposeClosureUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'goal_reached' }],
    });
    const closedRun = (await handle.describe()).runId;
    const closed = await handle.executeUpdate(decideClosureUpdate, {
      args: [{ taskId: `${caseId}:closure:2`, actorId: PRINCIPAL, approve: true }],
    });
    expect(closed.stage).toBe('closed');
    expect(await load(DUC)).toBe(0);
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { tasks: true } });
    expect(row.closedAt).not.toBeNull();
    expect(row.tasks.filter((t) => t.status === 'OPEN')).toEqual([]);
    // A closed case takes no check-in and no second closure.
    expect(
      (
        await rejection(
          handle.executeUpdate(proposeClosureUpdate, {
            args: [{ actorId: COORDINATOR, reason: 'other', note: 'x' }],
          }),
        )
      ).type,
    ).toBe('StepRejected');

    const reopened = await handle.executeUpdate(reopenUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'Gia đình lại gặp khó khăn sau lũ' }],
    });
    expect(reopened.stage).toBe('active');
    expect(await load(DUC)).toBe(1);
    const s = await waitForState(handle, (st) => st.stage === 'active' && st.term !== null);
    expect(s.helperId).toBe(DUC);
    expect(await h.eventTypes(caseId)).toEqual(
      expect.arrayContaining([
        'case.closure_proposed',
        'case.closure_refused',
        'case.closed',
        'case.reopened',
      ]),
    );
    await h.recordHistory('closure-refused-approved', handle.workflowId, closedRun);
    await h.recordHistory('reopened-after-closure', handle.workflowId);
  });

  it('transfers a case to another school once its coordinator accepts; history travels with it', async () => {
    const { caseId, handle } = await h.startActiveCase('st-07', LAN, now());
    expect(
      (
        await rejection(
          handle.executeUpdate(requestTransferUpdate, {
            args: [
              { actorId: COORDINATOR, toSchoolId: 's-thcs-chiengle', toSchoolUnitId: 'u-thcs-chiengle' },
            ],
          }),
        )
      ).message,
    ).toMatch(/khác trường/);
    await handle.executeUpdate(requestTransferUpdate, {
      args: [
        {
          actorId: COORDINATOR,
          toSchoolId: 's-thpt-tohieu',
          toSchoolUnitId: 'u-thpt-tohieu',
          note: 'Gia đình chuyển nhà',
        },
      ],
    });
    const task = `${caseId}:transfer:1`;
    expect((await h.db.task.findUniqueOrThrow({ where: { id: task } })).scopeUnitId).toBe('u-thpt-tohieu');
    // The sending school cannot accept for the receiving one.
    expect(
      (
        await rejection(
          handle.executeUpdate(answerTransferUpdate, {
            args: [{ taskId: task, actorId: COORDINATOR, approve: true }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    const moved = await handle.executeUpdate(answerTransferUpdate, {
      args: [{ taskId: task, actorId: OTHER_COORDINATOR, approve: true }],
    });
    expect(moved.stage).toBe('assignment');
    const c = await h.db.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { student: true, helpers: true },
    });
    expect(c).toMatchObject({ schoolId: 's-thpt-tohieu', helperId: null, transferToSchoolId: null });
    expect(c.student.schoolId).toBe('s-thpt-tohieu');
    expect(c.helpers.every((x) => x.status === 'ENDED')).toBe(true);
    expect(await h.eventTypes(caseId)).toEqual(
      expect.arrayContaining(['case.transfer_requested', 'case.transferred']),
    );
    expect(await h.db.caseEvent.count({ where: { caseId, type: { startsWith: 'case.transfer' } } })).toBe(2);

    // The new school assigns its own teacher, who writes a new plan version.
    const state = await handle.query(stateQuery);
    const assign = state.openTaskIds.find((t) => t.includes(':assign:')) as string;
    expect(
      (
        await rejection(
          handle.executeUpdate(assignHelperUpdate, {
            args: [{ taskId: assign, actorId: OTHER_COORDINATOR, helperId: UYEN }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:HELPER_OUTSIDE_SCHOOL');
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: assign, actorId: OTHER_COORDINATOR, helperId: SON }],
    });
    const offer = (await handle.query(stateQuery)).offer?.taskId as string;
    const accepted = await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: offer, actorId: SON, accept: true }],
    });
    expect(accepted.stage).toBe('plan');
    expect((await handle.query(stateQuery)).openTaskIds).toContain(`${caseId}:plan:2`);
    await h.recordHistory('transferred-reassigned', handle.workflowId);
  });

  it('replaces the helper mid-case; an early evaluation proposing closure closes the case on sign-off', async () => {
    // The check-in must move to the new helper: a day with one open, whatever DONGHANH_TODAY says
    // (in summer or after a month's due day there is none).
    const { caseId, handle } = await h.startActiveCase('st-08', LAN, pinnedClock(Date.now(), '2026-11-23'));
    const s = await waitForState(handle, (st) => Object.keys(st.checkIns).length > 0);
    const checkIn = Object.values(s.checkIns)[0]?.taskId as string;
    expect(
      (
        await rejection(
          handle.executeUpdate(replaceHelperUpdate, {
            args: [{ actorId: LAN, helperId: UYEN, reason: 'Nghỉ sinh' }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    await handle.executeUpdate(replaceHelperUpdate, {
      args: [{ actorId: COORDINATOR, helperId: UYEN, reason: 'Cô Lan nghỉ sinh' }],
    });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: checkIn } })).assigneeUserId).toBe(UYEN);
    expect(
      (
        await rejection(
          handle.executeUpdate(fileCheckInUpdate, {
            args: [{ taskId: checkIn, actorId: LAN, report: report() }],
          }),
        )
      ).message,
    ).toMatch(/giáo viên phụ trách/);
    // A malformed report is refused by the activity and nothing is written.
    const events = await h.db.caseEvent.count({ where: { caseId } });
    expect(
      (
        await rejection(
          handle.executeUpdate(fileCheckInUpdate, {
            args: [{ taskId: checkIn, actorId: UYEN, report: report({ absentDays: -1 }) }],
          }),
        )
      ).type,
    ).toBe('RuleViolation:VALIDATION_FAILED');
    expect(await h.db.caseEvent.count({ where: { caseId } })).toBe(events);
    expect(await h.taskStatus(checkIn)).toBe('OPEN');
    await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: UYEN, report: report() }],
    });
    await handle.executeUpdate(addNoteUpdate, {
      args: [{ actorId: UYEN, text: 'Đã gặp mẹ em sau giờ học' }],
    });

    await handle.executeUpdate(startEvaluationUpdate, {
      args: [{ actorId: COORDINATOR, reason: 'Em tốt nghiệp sớm' }],
    });
    const term = (await handle.query(stateQuery)).term as string;
    await handle.executeUpdate(submitEvaluationUpdate, {
      args: [
        {
          taskId: `${caseId}:eval:${term}:1`,
          actorId: UYEN,
          draft: {
            resultsBefore: 'dat',
            resultsAfter: 'kha',
            conductBefore: 'tot',
            conductAfter: 'tot',
            progress: 'Em đã đỗ vào trường nghề',
            stillAtRisk: false,
            recommendation: 'propose_closure',
            closureReason: 'finished_level',
          },
        },
      ],
    });
    await handle.executeUpdate(reviewEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval-review:${term}:1`, actorId: COORDINATOR, approve: true }],
    });
    const runBeforeClosing = (await handle.describe()).runId;
    const done = await handle.executeUpdate(signOffEvaluationUpdate, {
      args: [{ taskId: `${caseId}:eval-signoff:${term}:1`, actorId: PRINCIPAL, approve: true }],
    });
    expect(done.stage).toBe('closed');
    const c = await h.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { helpers: true } });
    expect(c).toMatchObject({ stage: 'closed', closureReason: 'finished_level' });
    expect(c.helpers.map((x) => [x.userId, x.status]).sort()).toEqual([
      [LAN, 'ENDED'],
      [UYEN, 'ENDED'],
    ]);
    await h.recordHistory('replaced-early-evaluation-closed', handle.workflowId, runBeforeClosing);
  });
});
