import type { AppRouter } from '@donghanh/api';
import { caseIdFor } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { caseCodeFor } from '@donghanh/domain';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, startTestStack, type TestStack } from '../src/testing';

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
    for (const step of [
      coordinator.case.addNote.mutate({ caseId, text: 'Ghi chú sau khi đóng' }),
      coordinator.case.reopen.mutate({ caseId, reason: 'Mở lại thử' }),
    ]) {
      const e = await appError(step);
      expect(e).toMatchObject({
        appCode: 'CASE_CLOSED',
        httpStatus: 409,
        messageEn: 'The case is closed and takes no further steps',
      });
      expect(e.message).toBe('Hồ sơ đã kết thúc nên không nhận thêm thao tác');
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
