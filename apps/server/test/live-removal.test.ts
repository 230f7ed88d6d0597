import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { LIVE_EVENT, LIVE_REMOVED, type LiveCaseEvent, type LiveCaseRemoved } from '@donghanh/domain';
import type { createTRPCClient } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { recordConsent } from './support/consent';
import { until } from './support/until';

/**
 * A card leaves the boards that lose the case: a replaced helper's, and after a transfer the
 * former school's (its coordinator, the child's former homeroom teacher, the ended helper).
 * Until this, the card stayed there — named — until the page was reloaded. A teacher of that
 * school who never held the card is told nothing: a removal would hand her a case id.
 */
type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
let stack: TestStack;
const sockets: Socket[] = [];
// gv.thuy teaches at the same school (homeroom of 8A) but never had this case.
const USERS = ['ct.huong', 'ct.phuong', 'cv.tuan', 'gv.lan', 'gv.duc', 'gv.uyen', 'gv.thuy'] as const;
type User = (typeof USERS)[number];
const apis = {} as Record<User, Api>;
const live = {} as Record<User, { events: LiveCaseEvent[]; removed: LiveCaseRemoved[] }>;

async function connect(user: User) {
  const socket = io(stack.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: await signIn(stack.baseUrl, user) },
    reconnection: false,
  });
  sockets.push(socket);
  const got = { events: [] as LiveCaseEvent[], removed: [] as LiveCaseRemoved[] };
  socket.on(LIVE_EVENT, (e: LiveCaseEvent) => got.events.push(e));
  socket.on(LIVE_REMOVED, (e: LiveCaseRemoved) => got.removed.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('live-ready', () => resolve());
    socket.once('connect_error', reject);
  });
  live[user] = got;
}

const openTask = (caseId: string, type: string) =>
  stack.database.db.task.findFirstOrThrow({ where: { caseId, type, status: 'OPEN' } });

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  for (const u of USERS) apis[u] = await signedInClient(stack.baseUrl, u);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

describe('cards that leave an audience', () => {
  it('are removed from the replaced helper, then from the school the case leaves', async () => {
    // st-01 is in 6A, whose homeroom teacher is gv.lan.
    const { caseId } = await apis['ct.huong'].case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-01',
      categories: ['economic_hardship'],
    });
    await apis['ct.huong'].case.screen.mutate({ caseId, decision: 'accept' });
    await recordConsent(apis['ct.huong'], caseId);
    const assign = await openTask(caseId, 'assign_helper');
    await apis['ct.huong'].case.assignHelper.mutate({ caseId, taskId: assign.id, helperId: 'u-gv-duc' });
    const offer = await openTask(caseId, 'respond_offer');
    await apis['gv.duc'].case.respondOffer.mutate({ caseId, taskId: offer.id, accept: true });
    for (const u of USERS) await connect(u);

    await apis['ct.huong'].case.replaceHelper.mutate({
      caseId,
      helperId: 'u-gv-uyen',
      reason: 'Nghỉ sinh con',
    });
    const gone = await until(() => live['gv.duc'].removed.find((r) => r.caseId === caseId));
    expect(Object.keys(gone).sort()).toEqual(['caseId', 'cursor', 'id']);
    expect(live['gv.duc'].events.filter((e) => e.caseId === caseId)).toEqual([]);
    const uyen = await until(() => live['gv.uyen'].events.find((e) => e.caseId === caseId));
    expect(uyen.card.studentName).toBe('Lò Văn Ánh');
    expect(live['ct.huong'].removed).toEqual([]);

    await apis['ct.huong'].case.requestTransfer.mutate({ caseId, toSchoolId: 's-thcs-quyetthang' });
    const transfer = await openTask(caseId, 'accept_transfer');
    await apis['ct.phuong'].case.answerTransfer.mutate({ caseId, taskId: transfer.id, approve: true });

    for (const u of ['ct.huong', 'gv.lan', 'gv.uyen'] as const)
      await until(() => live[u].removed.some((r) => r.caseId === caseId));
    const arrived = await until(() => live['ct.phuong'].events.find((e) => e.caseId === caseId));
    expect(arrived.card.studentName).toBe('Lò Văn Ánh');
    // The commune office is above both schools: it keeps the card, masked, and loses nothing.
    await until(() =>
      live['cv.tuan'].events.some((e) => e.caseId === caseId && e.type === 'case.transferred'),
    );
    expect(live['cv.tuan'].removed).toEqual([]);
    expect(live['cv.tuan'].events.every((e) => !('studentName' in e.card))).toBe(true);
    // The school's other teachers never held the card: no removal, no event, no case id.
    expect(live['gv.thuy'].removed).toEqual([]);
    expect(live['gv.thuy'].events.filter((e) => e.caseId === caseId)).toEqual([]);
    // Told once: later events of the case do not tell the former helper again.
    expect(live['gv.duc'].removed.filter((r) => r.caseId === caseId)).toHaveLength(1);
    expect(live['ct.phuong'].removed).toEqual([]);
  });
});
