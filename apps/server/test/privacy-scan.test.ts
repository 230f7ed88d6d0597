import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import type { createTRPCClient } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { recordConsent } from './support/consent';
import { until } from './support/until';

/**
 * The privacy scan. A child's name is planted in every free-text field a school can write —
 * the proposal reason, a decline, an offer refused, the sponsor, plan goals and return comments,
 * check-in notes, item descriptions and subjects, an alert's note, notes, the evaluation's
 * progress and comments, a transfer's note and refusal, the closure note and comments, a
 * reopening, a replacement, the family's circumstances — by driving cases through the API on
 * the real stack. Then every answer an office coordinator can ask for, and every socket frame an
 * office received meanwhile, is searched for it.
 */
type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
const PLANTED = 'Ngọc Ánh Planted';
const said = (where: string) => `Kèm Toán cho em ${PLANTED} — ${where}`;
const USERS = [
  'gv.lan',
  'gv.duc',
  'gv.uyen',
  'ct.huong',
  'ht.binh',
  'ct.phuong',
  'cv.tuan',
  'cv.ha',
] as const;
const OFFICES = ['cv.tuan', 'cv.ha'] as const;
type User = (typeof USERS)[number];

let stack: TestStack;
const api = {} as Record<User, Api>;
const sockets: Socket[] = [];
const frames: Record<string, unknown[]> = { 'cv.tuan': [], 'cv.ha': [] };
const cases: string[] = [];

async function openTaskId(caseId: string, type: string): Promise<string> {
  const end = Date.now() + 10_000;
  for (;;) {
    const t = await stack.database.db.task.findFirst({
      where: { caseId, type, status: 'OPEN' },
      orderBy: { createdAt: 'desc' },
    });
    if (t) return t.id;
    if (Date.now() > end) throw new Error(`no open ${type} task on ${caseId}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  for (const u of USERS) api[u] = await signedInClient(stack.baseUrl, u);
  for (const u of OFFICES) {
    const socket = io(stack.baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: await signIn(stack.baseUrl, u) },
      reconnection: false,
    });
    sockets.push(socket);
    socket.onAny((event: string, ...args: unknown[]) => frames[u]?.push({ event, args }));
    await new Promise<void>((resolve, reject) => {
      socket.once('live-ready', () => resolve());
      socket.once('connect_error', reject);
    });
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

const report = (where: string, riskLevel: 'low' | 'high') => ({
  tutoring: { sessions: 4, hours: 6, subjects: [said(`${where} subject`)] },
  material: [{ kind: 'rice' as const, description: said(`${where} item`), quantity: 15, valueVnd: 300_000 }],
  familyContact: { visits: 1, calls: 2 },
  absentDays: 3,
  riskLevel,
  notes: said(`${where} notes`),
});
const draft = (where: string) => ({
  resultsBefore: 'dat' as const,
  resultsAfter: 'kha' as const,
  conductBefore: 'tot' as const,
  conductAfter: 'tot' as const,
  progress: said(`${where} progress`),
  stillAtRisk: false,
  recommendation: 'continue' as const,
});

describe('the privacy scan', () => {
  it('drives cases through every step that takes free text', async () => {
    const identify = async (by: User, studentId: string) => {
      const r = await api[by].case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId,
        categories: ['economic_hardship'],
        reason: said(`proposal ${studentId}`),
      });
      cases.push(r.caseId);
      return r.caseId;
    };
    const huong = api['ct.huong'];

    // A proposal declined at screening.
    const declined = await identify('gv.lan', 'st-02');
    await huong.case.screen.mutate({ caseId: declined, decision: 'decline', reason: said('decline') });

    // An offer refused by the teacher.
    const refused = await identify('ct.huong', 'st-03');
    await huong.case.screen.mutate({ caseId: refused, decision: 'accept' });
    await recordConsent(huong, refused);
    await huong.case.assignHelper.mutate({
      caseId: refused,
      taskId: await openTaskId(refused, 'assign_helper'),
      helperId: 'u-gv-uyen',
      // setup: the coordinator's note to the offered teacher is free text too.
      note: said('offer note'),
    });
    await api['gv.uyen'].case.respondOffer.mutate({
      caseId: refused,
      taskId: await openTaskId(refused, 'respond_offer'),
      accept: false,
      reason: said('offer refused'),
    });

    // The whole life of one case.
    const c = await identify('gv.lan', 'st-01');
    await huong.student.setFamily.mutate({ studentId: 'st-01', text: said('family') });
    await huong.case.screen.mutate({ caseId: c, decision: 'accept' });
    await recordConsent(huong, c);
    await huong.case.assignHelper.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'assign_helper'),
      helperId: 'u-gv-duc',
      sponsor: { name: said('sponsor'), note: said('sponsor note') },
      note: said('offer note accepted'),
    });
    const duc = api['gv.duc'];
    await duc.case.respondOffer.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'respond_offer'),
      accept: true,
    });
    const plan = (where: string) => ({
      goals: {
        week: said(`${where} week`),
        month: said(`${where} month`),
        semester: said(`${where} semester`),
      },
      kinds: ['tutoring' as const, 'material' as const],
    });
    await duc.case.submitPlan.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'write_plan'),
      ...plan('plan 1'),
    });
    await huong.case.reviewPlan.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'review_plan'),
      approve: false,
      comment: said('plan returned'),
    });
    await duc.case.submitPlan.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'write_plan'),
      ...plan('plan 2'),
    });
    await huong.case.reviewPlan.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'review_plan'),
      approve: true,
      comment: said('plan approved'),
    });
    await duc.case.fileCheckIn.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'file_checkin'),
      report: report('check-in', 'high'),
    });
    await huong.case.acknowledge.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'risk_alert'),
      note: said('alert acknowledged'),
    });
    await duc.case.addNote.mutate({ caseId: c, text: said('note') });
    await huong.case.startEvaluation.mutate({ caseId: c, reason: said('early evaluation') });
    await duc.case.submitEvaluation.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'draft_evaluation'),
      draft: draft('evaluation 1'),
    });
    await huong.case.reviewEvaluation.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'review_evaluation'),
      approve: false,
      comment: said('evaluation returned'),
    });
    await duc.case.submitEvaluation.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'draft_evaluation'),
      draft: draft('evaluation 2'),
    });
    await huong.case.reviewEvaluation.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'review_evaluation'),
      approve: true,
      comment: said('evaluation reviewed'),
    });
    await api['ht.binh'].case.signOffEvaluation.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'signoff_evaluation'),
      approve: true,
      comment: said('evaluation signed off'),
    });
    await huong.case.replaceHelper.mutate({ caseId: c, helperId: 'u-gv-uyen', reason: said('replaced') });
    await huong.case.requestTransfer.mutate({
      caseId: c,
      toSchoolId: 's-thcs-quyetthang',
      note: said('transfer'),
    });
    await api['ct.phuong'].case.answerTransfer.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'accept_transfer'),
      approve: false,
      comment: said('transfer refused'),
    });
    await huong.case.proposeClosure.mutate({ caseId: c, reason: 'goal_reached', note: said('closure 1') });
    await api['ht.binh'].case.decideClosure.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'approve_closure'),
      approve: false,
      comment: said('closure refused'),
    });
    await huong.case.proposeClosure.mutate({ caseId: c, reason: 'goal_reached', note: said('closure 2') });
    await api['ht.binh'].case.decideClosure.mutate({
      caseId: c,
      taskId: await openTaskId(c, 'approve_closure'),
      approve: true,
      comment: said('closure approved'),
    });
    await huong.case.reopen.mutate({ caseId: c, reason: said('reopened') });

    // The school wrote it all: its own staff read it back (so the scan below can fail).
    const school = JSON.stringify(await huong.case.get.query({ caseId: c }));
    for (const where of [
      'plan 2 week',
      'plan returned',
      'check-in notes',
      'check-in item',
      'evaluation 2 progress',
    ])
      expect(school).toContain(said(where));
    const events = await stack.database.db.caseEvent.findMany({ where: { caseId: { in: cases } } });
    expect(JSON.stringify(events.map((e) => e.payload))).toContain(PLANTED);
  });

  it.each(OFFICES)('finds the name nowhere in what %s can read or was sent', async (office) => {
    const a = api[office];
    const answers: unknown[] = [];
    for (const caseId of cases) answers.push(await a.case.get.query({ caseId }));
    answers.push(
      await a.board.cards.query({}),
      await a.board.summary.query({}),
      await a.report.exportCases.mutate({}),
      await a.report.exportCases.mutate({ locale: 'en' }),
      await a.student.search.query({ q: 'ngoc anh planted' }),
      await a.student.search.query({ q: '' }),
      await a.task.inbox.query({}),
      await a.volunteer.list.query({ schoolId: 's-thcs-chiengle' }),
      await a.campaign.list.query({ activeOnly: false }),
      await a.campaign.get.query({ campaignId: demoCampaign.id }),
      await a.auth.me.query(),
    );
    expect(answers.length).toBeGreaterThan(cases.length);
    // Every event of every case reached the office's socket before we look at the frames.
    const count = await stack.database.db.caseEvent.count({ where: { caseId: { in: cases } } });
    await until(() => (frames[office]?.length ?? 0) >= count, 10_000).catch(() => undefined);
    expect(frames[office]?.length).toBeGreaterThan(0);
    for (const wire of [JSON.stringify(answers), JSON.stringify(frames[office])]) {
      expect(wire).not.toContain('Planted');
      expect(wire.normalize('NFD')).not.toContain(PLANTED.normalize('NFD'));
    }
  });
});
