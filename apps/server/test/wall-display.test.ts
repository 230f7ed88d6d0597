import { demoCampaign, demoStudents, loadDemoOrganisation } from '@donghanh/db/seed';
import { LIVE_EVENT, type LiveCaseEvent } from '@donghanh/domain';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { until } from './support/until';

/**
 * A wall display (issue 14) against the real server: its cookie reads the masked board over
 * HTTP and the socket, every other procedure refuses it, a person's session cannot open a wall
 * socket, and revoking closes its socket at once (NOTIFY), with the periodic check at ten minutes.
 */
let stack: TestStack;
const sockets: Socket[] = [];
const NAMES = demoStudents.map((s) => s[2]);

async function trpc(method: 'GET' | 'POST', path: string, o: { cookie?: string; input?: unknown } = {}) {
  const headers: Record<string, string> = o.cookie ? { cookie: o.cookie } : {};
  let url = `${stack.baseUrl}/trpc/${path}`;
  let body: string | undefined;
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.input ?? null);
  } else url += `?input=${encodeURIComponent(JSON.stringify(o.input ?? {}))}`;
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as { result?: { data: unknown }; error?: { data: { appCode: string } } },
    cookies: res.headers.getSetCookie(),
  };
}

function open(cookie: string, auth: Record<string, unknown>) {
  const socket = io(stack.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth,
    reconnection: false,
  });
  sockets.push(socket);
  const frames: string[] = [];
  const events: LiveCaseEvent[] = [];
  const errors: { code?: string }[] = [];
  socket.onAny((name, payload) => frames.push(`${name} ${JSON.stringify(payload)}`));
  socket.on(LIVE_EVENT, (e: LiveCaseEvent) => events.push(e));
  socket.on('live-error', (e: { code?: string }) => errors.push(e));
  const closedAt = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now())));
  const ready = new Promise<string>((resolve) => {
    socket.once('live-ready', () => resolve('ready'));
    socket.once('connect_error', (e) => resolve(e.message));
  });
  return { socket, frames, events, errors, closedAt, ready };
}

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
    liveSessionCheckMs: 600_000,
  });
  await loadDemoOrganisation(stack.database.db);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

describe('a wall display on the real server', () => {
  let displayCookie = '';
  let displayId = '';

  it('pairs once, over HTTP, into an HttpOnly cookie', async () => {
    const huong = await signedInClient(stack.baseUrl, 'ct.huong');
    const made = await huong.display.create.mutate({ unitId: 'u-thcs-chiengle', label: 'Phòng hội đồng' });
    displayId = made.id;
    const paired = await trpc('POST', 'wall.pair', { input: { code: made.pairCode } });
    expect(paired.status).toBe(200);
    const set = paired.cookies.find((c) => c.startsWith('dh_display='));
    expect(set).toMatch(/HttpOnly; SameSite=Strict/);
    displayCookie = set?.split(';')[0] ?? '';
    const again = await trpc('POST', 'wall.pair', { input: { code: made.pairCode } });
    expect(again.body.error?.data.appCode).toBe('DISPLAY_PAIR_INVALID');
  });

  it('reads the masked board and nothing else', async () => {
    const board = await trpc('GET', 'wall.board', { cookie: displayCookie });
    expect(board.status).toBe(200);
    for (const name of NAMES) expect(board.text).not.toContain(name);
    for (const path of ['board.cards', 'board.summary', 'task.inbox', 'display.list', 'case.get']) {
      const r = await trpc('GET', path, {
        cookie: displayCookie,
        input: path === 'case.get' ? { caseId: 'c-any' } : {},
      });
      expect([path, r.status, r.body.error?.data.appCode]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    const me = await trpc('GET', 'auth.me', { cookie: displayCookie });
    expect(me.body.result?.data).toBeNull();
  });

  it("opens a wall socket on the display cookie only — a person's session opens none", async () => {
    // The display cookie on an ordinary socket: no person, so refused.
    expect(await open(displayCookie, {}).ready).toBe('UNAUTHENTICATED');
    // A coordinator's session asking for a wall socket: refused, whatever it may see elsewhere.
    expect(await open(await signIn(stack.baseUrl, 'ct.huong'), { wall: true }).ready).toBe(
      'DISPLAY_NOT_PAIRED',
    );
  });

  it('keeps the wall live with masked cards, and closes it at once when revoked', async () => {
    const wall = open(displayCookie, { wall: true });
    expect(await wall.ready).toBe('ready');
    const huong = await signedInClient(stack.baseUrl, 'ct.huong');
    const created = await huong.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: 'st-09',
      categories: ['weak_results'],
    });
    const e = await until(() => wall.events.find((x) => x.caseId === created.caseId), 10_000);
    expect('studentName' in e.card).toBe(false);
    for (const name of NAMES) expect(wall.frames.join('\n')).not.toContain(name);
    // A case of another school never reaches this wall.
    const thao = await signedInClient(stack.baseUrl, 'ct.thao');
    const elsewhere = await thao.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: (await stack.database.db.student.findFirstOrThrow({ where: { schoolId: 's-thpt-tohieu' } }))
        .id,
      categories: ['weak_results'],
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(wall.events.some((x) => x.caseId === elsewhere.caseId)).toBe(false);

    const start = Date.now();
    await huong.display.revoke.mutate({ displayId });
    const closed = await Promise.race([
      wall.closedAt,
      new Promise<number>((r) => setTimeout(() => r(-1), 10_000)),
    ]);
    expect(closed).toBeGreaterThan(0);
    expect(closed - start).toBeLessThan(3_000);
    expect(wall.errors).toContainEqual(expect.objectContaining({ code: 'DISPLAY_NOT_PAIRED' }));
    const after = await trpc('GET', 'wall.board', { cookie: displayCookie });
    expect([after.status, after.body.error?.data.appCode]).toEqual([401, 'DISPLAY_NOT_PAIRED']);
    expect(await open(displayCookie, { wall: true }).ready).toBe('DISPLAY_NOT_PAIRED');
  });
});
