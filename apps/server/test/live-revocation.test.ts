import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { LIVE_EVENT, type LiveCaseEvent } from '@donghanh/domain';
import { createTRPCClient, httpLink } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../src/app';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { until } from './support/until';

/**
 * Revocation reaches open sockets at once, on every server process: a sign-out, a disabled
 * account or changed roles — made through one server — close or move the sockets open on
 * another, through PostgreSQL NOTIFY, while the periodic check (here ten minutes) stays a backstop.
 */
type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
let stack: TestStack;
let other: RunningServer;
let otherUrl: string;
const sockets: Socket[] = [];
const FAST_MS = 3_000;

interface Live {
  socket: Socket;
  events: LiveCaseEvent[];
  errors: { code?: string }[];
  closedAt: Promise<number>;
}

async function connect(cookie: string): Promise<Live> {
  const socket = io(otherUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  const live: Live = {
    socket,
    events: [],
    errors: [],
    closedAt: new Promise((resolve) => socket.once('disconnect', () => resolve(Date.now()))),
  };
  socket.on(LIVE_EVENT, (e: LiveCaseEvent) => live.events.push(e));
  socket.on('live-error', (e: { code?: string }) => live.errors.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('live-ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return live;
}

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
    liveSessionCheckMs: 600_000,
  });
  await loadDemoOrganisation(stack.database.db);
  // A second server process on the same database: the sockets live there, the changes are
  // made through the first.
  other = await startServer({
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: stack.database.url,
    TEMPORAL_ADDRESS: stack.temporal.address,
    TEMPORAL_NAMESPACE: stack.temporal.namespace ?? 'default',
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
    TEMPORAL_TIMEOUT_MS: 10_000,
    DATA_KEY: stack.dataKey,
    LIVE_SESSION_CHECK_MS: 600_000,
  });
  otherUrl = `http://127.0.0.1:${other.port}`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await other?.close();
  await stack?.stop();
});

describe('revocation at once, across server processes', () => {
  it('closes the sockets of a disabled account', async () => {
    const live = await connect(await signIn(stack.baseUrl, 'gv.son'));
    const admin = await signedInClient(stack.baseUrl, 'quantri');
    const start = Date.now();
    await admin.admin.setDisabled.mutate({ userId: 'u-gv-son', disabled: true });
    const closed = await Promise.race([
      live.closedAt,
      new Promise<number>((r) => setTimeout(() => r(-1), 10_000)),
    ]);
    expect(closed).toBeGreaterThan(0);
    console.info(`[revocation] disabled account's socket closed in ${closed - start} ms`);
    expect(closed - start).toBeLessThan(FAST_MS);
    expect(live.errors).toContainEqual(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('closes the sockets of a session signed out on another server', async () => {
    const cookie = await signIn(stack.baseUrl, 'ct.huong');
    const live = await connect(cookie);
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${stack.baseUrl}/trpc`, headers: { cookie } })],
    });
    const start = Date.now();
    await client.auth.signOut.mutate();
    const closed = await Promise.race([
      live.closedAt,
      new Promise<number>((r) => setTimeout(() => r(-1), 10_000)),
    ]);
    expect(closed).toBeGreaterThan(0);
    expect(closed - start).toBeLessThan(FAST_MS);
  });

  it("moves an open socket to its new rooms as soon as the user's roles change", async () => {
    const live = await connect(await signIn(stack.baseUrl, 'ct.thao'));
    const admin: Api = await signedInClient(stack.baseUrl, 'quantri');
    // ct.thao (THPT Tô Hiệu) becomes an officer of the commune office above THCS Chiềng Lề.
    await admin.admin.setRoles.mutate({
      userId: 'u-ct-th',
      roles: [{ role: 'OFFICE_COORDINATOR', unitId: 'u-vhxh-chiengle' }],
    });
    await new Promise((r) => setTimeout(r, 500));
    const huong = await signedInClient(stack.baseUrl, 'ct.huong');
    const cl = await huong.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-09',
      categories: ['weak_results'],
    });
    const e = await until(() => live.events.find((x) => x.caseId === cl.caseId), FAST_MS);
    expect('studentName' in e.card).toBe(false);
  });
});
