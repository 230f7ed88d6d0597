import { createHash } from 'node:crypto';
import { resolveSession, type SignInSchedule, signInDelayMs } from '@donghanh/api';
import { FieldCipher } from '@donghanh/db';
import { DEMO_PASSWORD, loadDemoOrganisation, setDemoPasswords } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../src/app';

/**
 * Sign-in over real HTTP: the server on a migrated database with the demo accounts. Temporal is
 * not needed (its connection is lazy), so this file starts none.
 */
let database: TestDatabase;
let server: RunningServer;
let base: string;
const ALLOWED = 'https://donghanh.example.edu.vn';

interface Reply {
  status: number;
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: { appCode: string; httpStatus: number; messageEn: string } & Record<string, unknown>;
    };
  };
  headers: Headers;
  cookies: string[];
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  o: { input?: unknown; cookie?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.cookie) headers.cookie = o.cookie;
  let url = `${base}/trpc/${path}`;
  let body: string | undefined;
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.input ?? null);
  } else if (o.input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(o.input))}`;
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
  return {
    status: res.status,
    body: (await res.json()) as Reply['body'],
    headers: res.headers,
    cookies: res.headers.getSetCookie(),
  };
}

/** Signs in and returns the `Cookie` header value to send back. */
async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await call('POST', 'auth.signIn', { input: { username, password } });
  expect(r.status).toBe(200);
  const cookie = r.cookies.find((c) => c.startsWith('dh_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

async function me(cookie: string | null) {
  const r = await call('GET', 'auth.me', { cookie });
  expect(r.status).toBe(200);
  return r.body.result?.data as null | {
    user: { id: string; username: string; roles: { role: string; unitId: string }[] };
    mustChangePassword: boolean;
  };
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  server = await startServer({
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TIMEOUT_MS: 1500,
    ALLOWED_ORIGINS: `${ALLOWED}, http://localhost:5173`,
    DATA_KEY: FieldCipher.generateKey(),
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});
// Every test starts with a clean throttle (all requests come from 127.0.0.1).
beforeEach(async () => {
  await database.db.loginAttempt.deleteMany();
});

/** A second server on the same database with a short sign-in schedule, so delays stay small. */
function startServerWith(schedule: SignInSchedule): Promise<RunningServer> {
  return startServer(
    {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      TEMPORAL_NAMESPACE: 'default',
      DATA_KEY: FieldCipher.generateKey(),
      TEMPORAL_TIMEOUT_MS: 1500,
    },
    { signInSchedule: schedule },
  );
}

describe('sign-in and the session', () => {
  it('sets an HttpOnly, SameSite cookie whose hash alone is stored, and `me` returns the user with roles', async () => {
    expect(await me(null)).toBeNull();
    const r = await call('POST', 'auth.signIn', { input: { username: 'ct.huong', password: DEMO_PASSWORD } });
    expect(r.status).toBe(200);
    const [cookie] = r.cookies;
    expect(cookie).toMatch(/^dh_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    const token = (cookie as string).split(';')[0]?.split('=')[1] as string;
    const sha = createHash('sha256').update(token).digest('hex');
    expect(await database.db.session.findUnique({ where: { id: sha } })).toMatchObject({
      userId: 'u-ct-cl',
      ip: '127.0.0.1',
    });
    expect(await database.db.session.count({ where: { id: token } })).toBe(0);

    const who = await me(`dh_session=${token}`);
    expect(who?.user).toMatchObject({ id: 'u-ct-cl', username: 'ct.huong' });
    expect(who?.user.roles).toContainEqual({ role: 'SCHOOL_COORDINATOR', unitId: 'u-thcs-chiengle' });
    expect(who?.mustChangePassword).toBe(false);
    expect(await me('dh_session=not-a-token')).toBeNull();
    expect(await me(`dh_session=${'A'.repeat(43)}`)).toBeNull();
  });

  it('gives the demo password to demo accounts loaded before sign-in existed, and only to them', async () => {
    await database.db.user.update({ where: { id: 'u-gv-son' }, data: { passwordHash: null } });
    const before = await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-lan' } });
    expect(before.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await setDemoPasswords(database.db)).toBe(1);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: 'u-gv-lan' } })).passwordHash).toBe(
      before.passwordHash,
    );
    await signIn('gv.son');
  });

  it('signs in by e-mail too, case-insensitively', async () => {
    await database.db.user.update({ where: { id: 'u-gv-duc' }, data: { email: 'duc@chiengle.edu.vn' } });
    const cookie = await signIn('Duc@ChiengLe.edu.vn');
    expect((await me(cookie))?.user.username).toBe('gv.duc');
  });

  it('answers a wrong password or an unknown account with 401 INVALID_CREDENTIALS in Vietnamese', async () => {
    for (const input of [
      { username: 'ct.huong', password: 'sai-mat-khau' },
      { username: 'khong.co.ai', password: DEMO_PASSWORD },
    ]) {
      const r = await call('POST', 'auth.signIn', { input });
      expect(r.status).toBe(401);
      expect(r.cookies).toEqual([]);
      expect(r.body.error?.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
      expect(r.body.error?.data).toMatchObject({ appCode: 'INVALID_CREDENTIALS', httpStatus: 401 });
    }
    expect(await database.db.loginAttempt.count({ where: { ok: false } })).toBe(2);
  });

  it('slows an account down after failures but still signs in the right password (no lock-out)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', 'auth.signIn', { input: { username: 'ht.binh', password: `sai-${i}` } });
      expect(r.status).toBe(401);
      expect(r.body.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    }
    // Usernames are guessable: five wrong guesses must not keep the owner out.
    const t0 = performance.now();
    const r = await call('POST', 'auth.signIn', { input: { username: 'HT.Binh', password: DEMO_PASSWORD } });
    const waited = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(r.cookies.some((c) => c.startsWith('dh_session='))).toBe(true);
    // … but each guess after the third waits longer (0.25 s, 0.5 s, 1 s after five).
    expect(waited).toBeGreaterThanOrEqual(signInDelayMs(5, 0) - 50);
    expect(signInDelayMs(3, 0)).toBeLessThan(signInDelayMs(4, 0));
    expect(signInDelayMs(40, 0)).toBe(signInDelayMs(400, 0));
    // Another account from the same address is not slowed by this one's failures.
    const t1 = performance.now();
    await signIn('ht.dung');
    expect(performance.now() - t1).toBeLessThan(signInDelayMs(5, 0));
  });

  it("counts an account's failures once, whether its username or its e-mail was typed", async () => {
    await database.db.user.update({ where: { id: 'u-gv-nga' }, data: { email: 'nga@tohieu.edu.vn' } });
    for (const username of ['gv.nga', 'NGA@tohieu.edu.vn', 'Gv.Nga', ' nga@tohieu.edu.vn ']) {
      const r = await call('POST', 'auth.signIn', { input: { username, password: 'sai-mat-khau' } });
      expect(r.status).toBe(401);
    }
    const rows = await database.db.loginAttempt.findMany({ where: { ok: false } });
    expect(rows.map((r) => r.identifier)).toEqual(Array(4).fill('u-gv-nga'));
    // Alternating the two names does not halve the slow-down: the fifth attempt waits for four.
    const t0 = performance.now();
    const r = await call('POST', 'auth.signIn', {
      input: { username: 'nga@tohieu.edu.vn', password: DEMO_PASSWORD },
    });
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(signInDelayMs(4, 0) - 20);
    // An unknown name is still counted, under what was typed (normalised).
    await call('POST', 'auth.signIn', { input: { username: '  Khong.Co.Ai ', password: 'sai-mat-khau' } });
    expect(await database.db.loginAttempt.count({ where: { identifier: 'khong.co.ai' } })).toBe(1);
  });

  it('takes parallel guesses on one account one at a time: ten at once wait the sum of their delays', async () => {
    // A short schedule, so the sum stays a few seconds; the address's own slow-down stays out.
    const schedule: SignInSchedule = {
      account: { free: 1, baseMs: 50, maxMs: 400 },
      address: { free: 1000, baseMs: 1, maxMs: 1 },
    };
    const fast = await startServerWith(schedule);
    try {
      const post = (password: string) =>
        fetch(`http://127.0.0.1:${fast.port}/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'gv.hoa', password }),
        }).then((r) => r.status);
      const owed = Array.from({ length: 10 }, (_, i) => signInDelayMs(i, 0, schedule));
      const t0 = performance.now();
      const wrong = Array.from({ length: 10 }, (_, i) => post(`sai-${i}`));
      // The owner, in the same burst: queued behind the guesses, never refused.
      const right = post(DEMO_PASSWORD);
      expect(await Promise.all(wrong)).toEqual(Array(10).fill(401));
      expect(await right).toBe(200);
      const elapsed = performance.now() - t0;
      const sum = owed.reduce((a, b) => a + b, 0);
      // (The owner's turn, wherever it fell, added its own wait on top.)
      expect(elapsed).toBeGreaterThanOrEqual(sum - 30);
      // Each failure was recorded at least its own wait after the one before: none overlapped.
      const rows = await database.db.loginAttempt.findMany({
        where: { identifier: 'u-gv-hoa', ok: false },
        orderBy: { at: 'asc' },
      });
      expect(rows).toHaveLength(10);
      for (let i = 1; i < rows.length; i++)
        expect(
          (rows[i] as { at: Date }).at.getTime() - (rows[i - 1] as { at: Date }).at.getTime(),
        ).toBeGreaterThanOrEqual((owed[i] as number) - 15);
    } finally {
      await fast.close();
    }
  });

  it("does not queue a school's other teachers behind a flood of guesses from their shared address", async () => {
    // A spray of guesses over many names from one address, each owing 400 ms: gv.son, behind the
    // same address, must not wait in a queue behind them.
    const schedule: SignInSchedule = {
      account: { free: 0, baseMs: 400, maxMs: 400 },
      address: { free: 1000, baseMs: 1, maxMs: 1 },
    };
    const fast = await startServerWith(schedule);
    try {
      const post = (username: string, password: string) =>
        fetch(`http://127.0.0.1:${fast.port}/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        }).then((r) => r.status);
      const flood = Array.from({ length: 10 }, (_, i) => post(`thu.phun.${i}`, 'sai-mat-khau'));
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      expect(await post('gv.son', DEMO_PASSWORD)).toBe(200);
      // Queued, the spray would take about 4 s; the colleague's sign-in is one argon2 check away.
      expect(performance.now() - t0).toBeLessThan(1_500);
      expect(await Promise.all(flood)).toEqual(Array(10).fill(401));
    } finally {
      await fast.close();
    }
  });

  it('never refuses a right password because others behind the same address failed', async () => {
    for (let i = 0; i < 24; i++) {
      const r = await call('POST', 'auth.signIn', {
        input: { username: `thu.${i}`, password: 'sai-mat-khau' },
      });
      expect(r.status).toBe(401);
    }
    // A school's shared network: everyone behind it still signs in.
    const r = await call('POST', 'auth.signIn', { input: { username: 'gv.son', password: DEMO_PASSWORD } });
    expect(r.status).toBe(200);
    expect(await database.db.loginAttempt.count({ where: { ip: '127.0.0.1', ok: false } })).toBe(24);
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    // The main server trusts no proxy: a forged header changes nothing.
    await call('POST', 'auth.signIn', {
      input: { username: 'gv.lan', password: 'sai-mat-khau' },
      headers: { 'x-forwarded-for': '198.51.100.9' },
    });
    expect(await database.db.loginAttempt.findFirst({ where: { identifier: 'u-gv-lan' } })).toMatchObject({
      ip: '127.0.0.1',
    });
    const proxied = await startServer({
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      TEMPORAL_NAMESPACE: 'default',
      DATA_KEY: FieldCipher.generateKey(),
      TEMPORAL_TIMEOUT_MS: 1500,
      TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8',
    });
    try {
      const url = `http://127.0.0.1:${proxied.port}/trpc/auth.signIn`;
      const post = (forwardedFor: string, password: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ username: 'gv.thuy', password }),
        });
      // The client appended by our proxies is the right-most address they did not add themselves;
      // what the client itself wrote to the left is ignored.
      expect((await post('192.0.2.1, 203.0.113.7, 10.1.2.3', 'sai-mat-khau')).status).toBe(401);
      expect((await post('203.0.113.8', 'sai-mat-khau')).status).toBe(401);
      const rows = await database.db.loginAttempt.findMany({
        where: { identifier: 'u-gv-thuy' },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.7', '203.0.113.8']);
      const ok = await post('203.0.113.9', DEMO_PASSWORD);
      expect(ok.status).toBe(200);
      const token = ok.headers.getSetCookie()[0]?.split(';')[0]?.split('=')[1] as string;
      const sha = createHash('sha256').update(token).digest('hex');
      expect((await database.db.session.findUnique({ where: { id: sha } }))?.ip).toBe('203.0.113.9');
    } finally {
      await proxied.close();
    }
  });

  it('checks passwords outside any transaction: ten parallel sign-ins hold no connection while argon2 runs', async () => {
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    try {
      let held = 0;
      let done = false;
      const burst = Promise.all(
        Array.from({ length: 10 }, () =>
          call('POST', 'auth.signIn', { input: { username: 'ct.huong', password: DEMO_PASSWORD } }),
        ),
      ).finally(() => {
        done = true;
      });
      // Connections the API holds open in a transaction (idle while argon2 runs, or queued on a lock).
      while (!done) {
        const r = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')`,
        );
        held = Math.max(held, r.rows[0]?.n ?? 0);
      }
      const replies = await burst;
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(held).toBe(0);
    } finally {
      await watcher.end();
    }
  });

  it('signs out: the row is deleted, the cookie cleared, and the old cookie no longer works', async () => {
    const cookie = await signIn('gv.uyen');
    expect((await me(cookie))?.user.username).toBe('gv.uyen');
    const r = await call('POST', 'auth.signOut', { cookie });
    expect(r.status).toBe(200);
    expect(r.cookies).toEqual(['dh_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']);
    expect(await me(cookie)).toBeNull();
    expect(await database.db.session.count({ where: { userId: 'u-gv-uyen' } })).toBe(0);
  });

  it('ends a session after 12 idle hours or 7 days, and deletes its row', async () => {
    const cookie = await signIn('gv.thuy');
    const hour = 60 * 60 * 1000;
    expect((await resolveSession(database.db, cookie, new Date(Date.now() + 11 * hour)))?.user.username).toBe(
      'gv.thuy',
    );
    // 11 h later it was used, so 12 h after the sign-in it is still alive …
    expect(await resolveSession(database.db, cookie, new Date(Date.now() + 12.5 * hour))).not.toBeNull();
    // … but not 7 days after the sign-in, however busy.
    expect(await resolveSession(database.db, cookie, new Date(Date.now() + 7 * 24 * hour + 1000))).toBeNull();
    expect(await me(cookie)).toBeNull();
    const idle = await signIn('gv.thuy');
    expect(await resolveSession(database.db, idle, new Date(Date.now() + 12 * hour + 1000))).toBeNull();
  });
});

describe('passwords', () => {
  it('changes the password: policy in Vietnamese, the old one stops working, other sessions end', async () => {
    expect(
      (
        await call('POST', 'auth.changePassword', {
          input: { current: DEMO_PASSWORD, next: 'mat-khau-moi-2026' },
        })
      ).body.error?.data.appCode,
    ).toBe('UNAUTHENTICATED');
    const other = await signIn('gv.hoa');
    const cookie = await signIn('gv.hoa');
    const short = await call('POST', 'auth.changePassword', {
      cookie,
      input: { current: DEMO_PASSWORD, next: 'ngan' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error?.data.issues).toEqual([
      { path: ['next'], message: 'Mật khẩu mới phải có ít nhất 10 ký tự' },
    ]);
    const wrong = await call('POST', 'auth.changePassword', {
      cookie,
      input: { current: 'khong-dung-2026', next: 'mat-khau-moi-2026' },
    });
    expect(wrong.body.error?.data.appCode).toBe('INVALID_CREDENTIALS');

    const ok = await call('POST', 'auth.changePassword', {
      cookie,
      input: { current: DEMO_PASSWORD, next: 'mat-khau-moi-2026' },
    });
    expect(ok.status).toBe(200);
    expect((await me(cookie))?.user.username).toBe('gv.hoa');
    expect(await me(other)).toBeNull();
    const old = await call('POST', 'auth.signIn', { input: { username: 'gv.hoa', password: DEMO_PASSWORD } });
    expect(old.body.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    await signIn('gv.hoa', 'mat-khau-moi-2026');
  });

  it('lets only an administrator reset a password; the temporary one works once set', async () => {
    const teacher = await signIn('gv.nga');
    const principal = await signIn('ht.minh');
    const denied = await call('POST', 'auth.adminResetPassword', {
      cookie: principal,
      input: { userId: 'u-gv-nga' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.data.appCode).toBe('FORBIDDEN');
    const anonymous = await call('POST', 'auth.adminResetPassword', { input: { userId: 'u-gv-nga' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.data.appCode).toBe('UNAUTHENTICATED');

    const admin = await signIn('quantri');
    const missing = await call('POST', 'auth.adminResetPassword', {
      cookie: admin,
      input: { userId: 'u-nobody' },
    });
    expect(missing.body.error?.data.appCode).toBe('USER_NOT_FOUND');
    const reset = await call('POST', 'auth.adminResetPassword', {
      cookie: admin,
      input: { userId: 'u-gv-nga' },
    });
    expect(reset.status).toBe(200);
    const { temporaryPassword } = (reset.body.result?.data ?? {}) as { temporaryPassword?: string };
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await me(teacher)).toBeNull();
    const fresh = await signIn('gv.nga', temporaryPassword as string);
    expect((await me(fresh))?.mustChangePassword).toBe(true);
    // The reset is on the audit trail: who, whose account, from where — never the password.
    const audit = await database.db.auditLog.findMany({ where: { action: 'admin.user.resetPassword' } });
    expect(audit).toMatchObject([{ actorId: 'u-admin', subjectType: 'user', subjectId: 'u-gv-nga' }]);
    expect(JSON.stringify(audit, (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      temporaryPassword as string,
    );

    // Until the temporary password is replaced, only me, changePassword and signOut answer.
    for (const [method, path] of [
      ['GET', 'task.inbox'],
      ['GET', 'board.cards'],
    ] as const) {
      const r = await call(method, path, { cookie: fresh, input: {} });
      expect(r.status).toBe(403);
      expect(r.body.error?.data).toMatchObject({ appCode: 'PASSWORD_CHANGE_REQUIRED', httpStatus: 403 });
      expect(r.body.error?.message).toBe('Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục');
    }
    await call('POST', 'auth.changePassword', {
      cookie: fresh,
      input: { current: temporaryPassword, next: 'mat-khau-rieng-cua-nga' },
    });
    expect((await me(fresh))?.mustChangePassword).toBe(false);
    expect((await call('GET', 'task.inbox', { cookie: fresh, input: {} })).status).toBe(200);
  });

  it('holds a new account to the same rule: its first password must be changed first', async () => {
    const admin = await signIn('quantri');
    const created = await call('POST', 'admin.createUser', {
      cookie: admin,
      input: {
        username: 'gv.moi',
        displayName: 'Giáo viên Mới',
        roles: [{ role: 'TEACHER', unitId: 'u-thcs-chiengle' }],
      },
    });
    expect(created.status).toBe(200);
    const { temporaryPassword } = (created.body.result?.data ?? {}) as { temporaryPassword: string };
    const cookie = await signIn('gv.moi', temporaryPassword);
    const r = await call('GET', 'task.inbox', { cookie, input: {} });
    expect(r.body.error?.data.appCode).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await me(cookie))?.user.username).toBe('gv.moi');
    // The live board is no exception.
    const socket = io(base, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    const refused = await new Promise<{ data?: { code?: string } }>((resolve) => {
      socket.once('connect_error', (e) => resolve(e as { data?: { code?: string } }));
      socket.once('connect', () => resolve({ data: { code: 'connected' } }));
    });
    socket.close();
    expect(refused.data?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call('POST', 'auth.signOut', { cookie })).status).toBe(200);
  });
});

describe('cross-origin requests and security headers', () => {
  it('refuses a POST from another origin with 403 and a stable code, writing nothing', async () => {
    const r = await call('POST', 'auth.signIn', {
      input: { username: 'ct.huong', password: DEMO_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status).toBe(403);
    expect(r.cookies).toEqual([]);
    expect(r.body.error?.data).toMatchObject({ appCode: 'CROSS_ORIGIN_REJECTED', httpStatus: 403 });
    expect(r.body.error?.message).toBe('Yêu cầu đến từ một trang web khác nên bị từ chối');
    expect(await database.db.loginAttempt.count()).toBe(0);
    const nul = await call('POST', 'case.identify', { input: {}, headers: { origin: 'null' } });
    expect(nul.status).toBe(403);
  });

  it('accepts its own origin and the ALLOWED_ORIGINS ones', async () => {
    for (const origin of [base, ALLOWED, 'http://localhost:5173']) {
      const r = await call('POST', 'auth.signIn', {
        input: { username: 'cv.ha', password: DEMO_PASSWORD },
        headers: { origin },
      });
      expect(r.status).toBe(200);
    }
  });

  it('sends CSP and the other headers; HSTS and a Secure cookie only over https, told so only by a trusted proxy', async () => {
    const health = await fetch(`${base}/trpc/auth.me`);
    const csp = health.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws: wss:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
    expect(health.headers.get('strict-transport-security')).toBeNull();

    // The main server trusts no proxy: a client saying "https" over plain http is not believed.
    const forged = await call('POST', 'auth.signIn', {
      input: { username: 'cv.tuan', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.status).toBe(200);
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    expect(forged.cookies[0]).toMatch(/; HttpOnly; SameSite=Lax$/);

    // Behind a trusted proxy its word counts: the value it wrote, the right-most one.
    const proxied = await startServer({
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      TEMPORAL_NAMESPACE: 'default',
      DATA_KEY: FieldCipher.generateKey(),
      TEMPORAL_TIMEOUT_MS: 1500,
      TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      const post = (proto: string) =>
        fetch(`http://127.0.0.1:${proxied.port}/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
          body: JSON.stringify({ username: 'cv.tuan', password: DEMO_PASSWORD }),
        });
      const https = await post('https');
      expect(https.status).toBe(200);
      expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(https.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
      const appended = await post('https, http');
      expect(appended.headers.get('strict-transport-security')).toBeNull();
      expect(appended.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax$/);
    } finally {
      await proxied.close();
    }
  });
});

describe('the HTTP boundary', () => {
  /** A raw request, for what the tRPC client would never send. */
  async function raw(path: string, init: RequestInit = {}) {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let body: Reply['body'] = {};
    try {
      body = JSON.parse(text) as Reply['body'];
    } catch {}
    return { status: res.status, body, text };
  }

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE before reading it, declared or streamed', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' });
    const declared = await raw('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error?.data).toMatchObject({ appCode: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(declared.body.error?.message).toBe('Yêu cầu quá lớn');
    // Without a Content-Length (chunked), the reader stops at the limit.
    const encoder = new TextEncoder();
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(encoder.encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const streamed = await raw('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error?.data).toMatchObject({
      appCode: 'PAYLOAD_TOO_LARGE',
      messageEn: 'The request is too large',
    });
    expect(await database.db.loginAttempt.count()).toBe(0);
  });

  it('answers a batch of more than 16 calls with 413 PAYLOAD_TOO_LARGE; 16 still work', async () => {
    const paths = (n: number) => Array(n).fill('auth.me').join(',');
    const input = (n: number) =>
      encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, null]))));
    const ok = await raw(`/trpc/${paths(16)}?batch=1&input=${input(16)}`);
    expect(ok.status).toBe(200);
    const tooMany = await raw(`/trpc/${paths(17)}?batch=1&input=${input(17)}`);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error?.data).toMatchObject({
      appCode: 'PAYLOAD_TOO_LARGE',
      details: { maxBatchSize: 16 },
    });
  });

  it('names an unknown procedure, a wrong method and a body that is not JSON, in Vietnamese and English', async () => {
    const unknown = await raw('/trpc/case.doesNotExist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toBe('Không có chức năng này');
    expect(unknown.body.error?.data).toMatchObject({
      appCode: 'PROCEDURE_NOT_FOUND',
      messageEn: 'No such operation',
    });

    const method = await raw('/trpc/auth.signIn');
    expect(method.status).toBe(405);
    expect(method.body.error?.data).toMatchObject({ appCode: 'METHOD_NOT_ALLOWED', httpStatus: 405 });
    expect(method.body.error?.message).toBe('Chức năng này không nhận kiểu yêu cầu đã gửi');

    const notJson = await raw('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "ct.huong", pass',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.data).toMatchObject({
      appCode: 'BODY_NOT_JSON',
      messageEn: 'The request body is not valid JSON',
    });
    expect(notJson.body.error?.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ');
    expect(notJson.text).not.toMatch(/Unexpected|JSON at position|SyntaxError/);
  });

  it('refuses a cross-site GET (a link or a form on another website), so no audited read can be forced', async () => {
    const cookie = await signIn('ct.huong');
    const navigate = {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    };
    const forced = await call('GET', 'case.get', { cookie, input: { caseId: 'c-any' }, headers: navigate });
    expect(forced.status).toBe(403);
    expect(forced.body.error?.data).toMatchObject({ appCode: 'CROSS_ORIGIN_REJECTED' });
    const sibling = await call('GET', 'task.inbox', {
      cookie,
      input: {},
      headers: { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(sibling.status).toBe(403);
    // The dashboard's own reads, and a listed origin's CORS reads, still answer.
    const own = await call('GET', 'task.inbox', {
      cookie,
      input: {},
      headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
    });
    expect(own.status).toBe(200);
    const listed = await call('GET', 'task.inbox', {
      cookie,
      input: {},
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', origin: ALLOWED },
    });
    expect(listed.status).toBe(200);
    expect(await database.db.auditLog.count({ where: { action: 'student.read' } })).toBe(0);
  });
});
