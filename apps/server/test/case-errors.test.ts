import type { AppRouter } from '@donghanh/api';
import { caseIdFor } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { caseCodeFor } from '@donghanh/domain';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, startTestStack, type TestStack } from '../src/testing';
import { recordConsent } from './support/consent';

/**
 * What a person is told when the case workflow refuses: the rule's own reason, a stable code for a
 * closed case, and a case code that never blocks identification — on the real stack.
 */
let stack: TestStack;
let coordinator: Awaited<ReturnType<typeof signedInClient>>;

async function appError(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  const err = e as TRPCClientError<AppRouter>;
  return { message: err.message, ...(err.data as Record<string, unknown>) } as {
    message: string;
    appCode: string;
    httpStatus: number;
    messageEn: string;
    details: Record<string, unknown> | null;
  };
}

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  coordinator = await signedInClient(stack.baseUrl, 'ct.huong');
});
afterAll(async () => {
  await stack?.stop();
});

describe('refusals that say why', () => {
  it('carries the eligibility rule’s own reason, in both languages, to the caller', async () => {
    const db = stack.database.db;
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: demoCampaign.id } });
    await db.campaign.update({
      where: { id: campaign.id },
      data: { settings: { ...(campaign.settings as object), pilotCapPerClass: 1 } },
    });
    const first = await coordinator.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-01',
      categories: ['economic_hardship'],
    });
    const second = await coordinator.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-02',
      categories: ['economic_hardship'],
    });
    expect((await coordinator.case.screen.mutate({ caseId: first.caseId, decision: 'accept' })).stage).toBe(
      'assignment',
    );
    const refused = await appError(
      coordinator.case.screen.mutate({ caseId: second.caseId, decision: 'accept' }),
    );
    expect(refused).toMatchObject({ appCode: 'NOT_ELIGIBLE', httpStatus: 422 });
    expect(refused.details).toMatchObject({
      reason: 'Lớp đã đủ số học sinh thí điểm (1/1)',
      reasons: [
        {
          code: 'class_cap_reached',
          vi: 'Lớp đã đủ số học sinh thí điểm (1/1)',
          en: 'The class has reached its pilot cap (1/1)',
        },
      ],
    });
    // A rule whose words are the code's own message does not say them twice.
    const assignTask = (await coordinator.task.inbox.query({})).find(
      (t) => t.caseId === first.caseId && t.type !== 'screening',
    );
    // No helper before the family's consent: the activity's refusal reaches the screen as its code.
    const unconsented = await appError(
      coordinator.case.assignHelper.mutate({
        caseId: first.caseId,
        taskId: assignTask?.id as string,
        helperId: 'u-gv-uyen',
      }),
    );
    expect(unconsented).toMatchObject({ appCode: 'CONSENT_NOT_RECORDED', httpStatus: 409 });
    await recordConsent(coordinator, first.caseId);
    const outside = await appError(
      coordinator.case.assignHelper.mutate({
        caseId: first.caseId,
        taskId: assignTask?.id as string,
        helperId: 'u-gv-son',
      }),
    );
    expect(outside).toMatchObject({ appCode: 'HELPER_OUTSIDE_SCHOOL', httpStatus: 422 });
    expect(outside.details?.reason).toBeUndefined();
  });

  it('answers a step on a declined (finished) case with CASE_CLOSED, not an internal error', async () => {
    const { caseId } = await coordinator.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-03',
      categories: ['weak_results'],
    });
    const declined = await coordinator.case.screen.mutate({
      caseId,
      decision: 'decline',
      reason: 'Gia đình đã được hỗ trợ',
    });
    expect(declined.stage).toBe('declined');
    const handle = stack.temporal.client.workflow.getHandle(`case-${caseId}`);
    await handle.result();
    // One at a time: a second call started early would reject before anyone awaits it.
    for (const step of [
      () => coordinator.case.addNote.mutate({ caseId, text: 'Ghi chú sau khi đóng' }),
      () => coordinator.case.reopen.mutate({ caseId, reason: 'Mở lại thử' }),
    ]) {
      const e = await appError(step());
      expect(e).toMatchObject({
        appCode: 'CASE_CLOSED',
        httpStatus: 409,
        messageEn: 'The case is closed and takes no further steps',
      });
      expect(e.message).toBe('Hồ sơ đã kết thúc nên không nhận thêm thao tác');
    }
    // A consent on it is refused with its own code, and nothing is written.
    const consent = await appError(recordConsent(coordinator, caseId));
    expect(consent).toMatchObject({ appCode: 'CASE_NOT_RUNNING', httpStatus: 409 });
    expect(await stack.database.db.caseConsent.count({ where: { caseId } })).toBe(0);
  });
});

describe('the reason a teacher proposes a child', () => {
  it('reaches the screening coordinator, and nobody else, and never an event payload', async () => {
    const reason = 'Em Dợ nghỉ học 3 tuần vì phải lên nương cùng mẹ';
    const teacher = await signedInClient(stack.baseUrl, 'gv.lan');
    const { caseId } = await teacher.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-06',
      categories: ['dropout_risk'],
      reason,
    });
    const screening = (await coordinator.task.inbox.query({})).find(
      (t) => t.caseId === caseId && t.type === 'screening',
    );
    expect(screening?.proposal).toEqual({ reason, by: 'Đặng Thị Lan' });
    const events = await stack.database.db.caseEvent.findMany({ where: { caseId } });
    expect(events.map((e) => e.type)).toEqual(['case.identified']);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain('nương');
    expect(events[0]?.payload).toMatchObject({ hasReason: true });
    // Other people's inboxes, the teacher's and an office coordinator's, hold no such task.
    for (const other of [teacher, await signedInClient(stack.baseUrl, 'cv.ha')]) {
      const tasks = await other.task.inbox.query({});
      expect(JSON.stringify(tasks)).not.toContain('nương');
    }
  });
});

describe('case codes', () => {
  it('takes the next candidate when the code is already another case’s, instead of retrying for ever', async () => {
    const db = stack.database.db;
    const caseId = caseIdFor(demoCampaign.id, 'st-04');
    const taken = caseCodeFor(caseId, demoCampaign.schoolYear);
    // Another case already holds the code this one hashes to (a 1-in-887-million coincidence, forced).
    await db.case.create({
      data: {
        id: 'c-squatter',
        code: taken,
        campaignId: demoCampaign.id,
        studentId: 'st-05',
        schoolId: 's-thcs-chiengle',
        stage: 'identified',
        categories: ['weak_results'],
        source: 'staff_proposal',
      },
    });
    const r = await coordinator.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-04',
      categories: ['weak_results'],
    });
    expect(r).toMatchObject({ caseId, created: true });
    expect(r.code).not.toBe(taken);
    expect(r.code).toBe(caseCodeFor(caseId, demoCampaign.schoolYear, 1));
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).code).toBe(r.code);
    // Asking again answers the stored code.
    expect(
      (
        await coordinator.case.identify.mutate({
          campaignId: demoCampaign.id,
          studentId: 'st-04',
          categories: ['weak_results'],
        })
      ).code,
    ).toBe(r.code);
  });
});
