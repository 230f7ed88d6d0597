import type { AppRouter } from '@donghanh/api';
import { demoCampaign, demoStudents, loadDemoOrganisation } from '@donghanh/db/seed';
import { LIVE_EVENT, type LiveCaseEvent } from '@donghanh/domain';
import { caseWorkflowId } from '@donghanh/workflows/messages';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../src/app';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { until } from './support/until';

/**
 * The slice end to end on real parts: tRPC → update-with-start → workflow → activity writes the
 * case and its CaseEvent in one transaction → LISTEN/NOTIFY tailer → socket.io client.
 */
let stack: TestStack;
let api: ReturnType<typeof createTRPCClient<AppRouter>>;
/** The coordinator of the upper-secondary school: the other school's students are not hers. */
let apiTH: ReturnType<typeof createTRPCClient<AppRouter>>;
const sockets: Socket[] = [];
let cookieCL: string;
let cookieTH: string;
const names = demoStudents.map((s) => s[2] as string);

/** A socket signed in as the coordinator of THCS Chiềng Lề (or `cookie`'s user). */
function connect(cursor?: string, cookie = cookieCL): Promise<{ socket: Socket; events: LiveCaseEvent[] }> {
  const socket = io(stack.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: cursor ? { cursor } : {},
    reconnection: false,
  });
  sockets.push(socket);
  const events: LiveCaseEvent[] = [];
  socket.on(LIVE_EVENT, (e: LiveCaseEvent) => events.push(e));
  return new Promise((resolve, reject) => {
    socket.once('live-ready', () => resolve({ socket, events }));
    socket.once('connect_error', reject);
  });
}

async function appError(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  return (e as TRPCClientError<AppRouter>).data as {
    appCode: string;
    httpStatus: number;
    messageEn: string;
  } & Record<string, unknown>;
}

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  api = await signedInClient(stack.baseUrl, 'ct.huong');
  apiTH = await signedInClient(stack.baseUrl, 'ct.thao');
  cookieCL = await signIn(stack.baseUrl, 'ct.huong');
  cookieTH = await signIn(stack.baseUrl, 'ct.thao');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

describe('one case, live, end to end', () => {
  it('answers /healthz with 200 and the state of the database and Temporal', async () => {
    const res = await fetch(`${stack.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
  });

  it('identifies a student: the case, its event and its task are written, and the socket gets the card', async () => {
    const { cursor } = await api.board.cards.query({});
    const { events } = await connect(cursor);
    const sent = Date.now();
    const r = await api.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-04',
      categories: ['weak_results', 'dropout_risk'],
    });
    expect(r.created).toBe(true);
    expect(r.code).toMatch(/^HS26-/);
    const e = await until(() => events.find((x) => x.caseId === r.caseId));
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(e.type).toBe('case.identified');
    expect(e.card).toMatchObject({
      code: r.code,
      stage: 'identified',
      className: '7B',
      schoolName: 'Trường THCS Chiềng Lề',
    });

    const db = stack.database.db;
    const row = await db.case.findUniqueOrThrow({ where: { id: r.caseId } });
    expect(row.stage).toBe('identified');
    expect(await db.caseEvent.count({ where: { caseId: r.caseId } })).toBe(1);
    const task = await db.task.findFirstOrThrow({ where: { caseId: r.caseId } });
    expect(task).toMatchObject({ type: 'screening', status: 'OPEN', assigneeRole: 'SCHOOL_COORDINATOR' });

    // The school's coordinator sees the child's name; other children's names never reach her
    // (live-privacy.test.ts covers every audience).
    const own = names[3] as string;
    expect(e.card.studentName).toBe(own);
    const wire = JSON.stringify(events);
    for (const name of names.filter((n) => n !== own)) expect(wire).not.toContain(name);
  });

  it('starting the same case twice, even concurrently, makes one workflow and one case', async () => {
    const input = {
      campaignId: demoCampaign.id,
      studentId: 'st-07',
      categories: ['economic_hardship' as const],
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => api.case.identify.mutate(input)));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    const again = await api.case.identify.mutate(input);
    expect(again).toMatchObject({ caseId: results[0]?.caseId, created: false });

    const caseId = results[0]?.caseId as string;
    const db = stack.database.db;
    expect(await db.case.count({ where: { studentId: 'st-07' } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
    expect(await db.task.count({ where: { caseId } })).toBe(1);
    const desc = await stack.temporal.client.workflow.getHandle(caseWorkflowId(caseId)).describe();
    expect(desc.status.name).toBe('RUNNING');
    const count = await stack.temporal.client.workflow.count(`WorkflowId = '${caseWorkflowId(caseId)}'`);
    expect(count.count).toBeLessThanOrEqual(1);
  });

  it('moves the card when the case is screened, and rejects a second screening with a stable code', async () => {
    const { cursor } = await api.board.cards.query({});
    const { events } = await connect(cursor);
    const { caseId } = await api.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-08',
      categories: ['weak_results'],
    });
    const screened = await api.case.screen.mutate({ caseId, decision: 'accept' });
    expect(screened.stage).toBe('assignment');
    const moved = await until(() => events.find((e) => e.caseId === caseId && e.type === 'case.accepted'));
    expect(moved.card.stage).toBe('assignment');
    expect(moved.card.version).toBe(2);

    const err = await appError(api.case.screen.mutate({ caseId, decision: 'accept' }));
    expect(err).toMatchObject({ appCode: 'STEP_REJECTED', httpStatus: 409 });
    expect((await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe(
      'assignment',
    );
  });

  it('rejects bad input with a code and a Vietnamese message, and writes nothing', async () => {
    const before = await stack.database.db.case.count();
    const missing = await appError(
      api.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId: 'st-nobody',
        categories: ['weak_results'],
      }),
    );
    // A student the caller may not see, or who does not exist, is refused alike: no existence leak.
    expect(missing).toMatchObject({ appCode: 'FORBIDDEN', httpStatus: 403 });

    const invalid = await appError(
      api.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId: 'st-01',
        categories: [] as never[],
      }),
    );
    expect(invalid).toMatchObject({ appCode: 'VALIDATION_FAILED', httpStatus: 400 });
    expect(invalid.issues).toEqual([{ path: ['categories'], message: 'Chọn ít nhất một diện' }]);

    const noReason = await appError(api.case.screen.mutate({ caseId: 'cdoesnotexist', decision: 'decline' }));
    expect(noReason.appCode).toBe('VALIDATION_FAILED');
    const unknownCase = await appError(
      api.case.screen.mutate({ caseId: 'cdoesnotexist', decision: 'accept' }),
    );
    expect(unknownCase).toMatchObject({ appCode: 'FORBIDDEN', httpStatus: 403 });
    const anonymous = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${stack.baseUrl}/trpc` })] });
    const unsigned = await appError(
      anonymous.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId: 'st-01',
        categories: ['weak_results'],
      }),
    );
    expect(unsigned).toMatchObject({ appCode: 'UNAUTHENTICATED', httpStatus: 401 });

    const raw = await fetch(`${stack.baseUrl}/trpc/case.identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
    expect(await stack.database.db.case.count()).toBe(before);
  });

  it('replays what a reconnecting client missed, in order, without duplicates', async () => {
    const { cursor } = await apiTH.board.cards.query({});
    const first = await connect(cursor, cookieTH);
    const a = await apiTH.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-11',
      categories: ['dropout_risk'],
    });
    const seenA = await until(() => first.events.find((e) => e.caseId === a.caseId));
    first.socket.close();

    const missed: { caseId: string }[] = [];
    for (const studentId of ['st-13', 'st-14', 'st-16']) {
      missed.push(
        await apiTH.case.identify.mutate({
          campaignId: demoCampaign.id,
          studentId,
          categories: ['weak_results'],
        }),
      );
    }
    const second = await connect(seenA.cursor, cookieTH);
    await until(() => missed.every((m) => second.events.some((e) => e.caseId === m.caseId)));
    const ids = second.events.map((e) => e.caseId);
    expect(ids).not.toContain(a.caseId);
    expect(ids.filter((id) => missed.some((m) => m.caseId === id))).toEqual(missed.map((m) => m.caseId));
    expect(new Set(second.events.map((e) => e.id)).size).toBe(second.events.length);
  });

  it('answers /healthz with 503 when Temporal is unreachable', async () => {
    const broken = await startServer({
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: stack.database.url,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TIMEOUT_MS: 1500,
      DATA_KEY: stack.dataKey,
    });
    try {
      const res = await fetch(`http://127.0.0.1:${broken.port}/healthz`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'unavailable', database: { ok: true }, temporal: { ok: false } });
      const err = await appError(
        (await signedInClient(`http://127.0.0.1:${broken.port}`, 'ct.thao')).case.identify.mutate({
          campaignId: demoCampaign.id,
          studentId: 'st-15',
          categories: ['weak_results'],
        }),
      );
      expect(err).toMatchObject({ appCode: 'WORKFLOW_UNAVAILABLE', httpStatus: 503 });
      expect(await stack.database.db.case.count({ where: { studentId: 'st-15' } })).toBe(0);
    } finally {
      await broken.close();
    }
  });
});
