import { createHash } from 'node:crypto';
import { resolveSession } from '@donghanh/api';
import { FieldCipher } from '@donghanh/db';
import { DEMO_PASSWORD, loadDemoOrganisation, setDemoPasswords } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
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

  it('refuses the 6th attempt on one account with 429 TOO_MANY_ATTEMPTS, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', 'auth.signIn', { input: { username: 'ht.binh', password: `sai-${i}` } });
      expect(r.body.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    }
    const r = await call('POST', 'auth.signIn', { input: { username: 'HT.Binh', password: DEMO_PASSWORD } });
    expect(r.status).toBe(429);
    expect(r.cookies).toEqual([]);
    expect(r.body.error?.message).toBe('Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ít phút');
    expect(r.body.error?.data).toMatchObject({ appCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429 });
    expect(r.body.error?.data.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // Another account from the same address is not affected.
    await signIn('ht.dung');
    // Failures older than 15 minutes no longer count.
    await database.db.loginAttempt.updateMany({ data: { at: new Date(Date.now() - 16 * 60 * 1000) } });
    await signIn('ht.binh');
  });

  it('allows 20 failures per address in 15 minutes; a success by someone else does not reset the count', async () => {
    for (let i = 0; i < 19; i++) {
      const r = await call('POST', 'auth.signIn', {
        input: { username: `thu.${i}`, password: 'sai-mat-khau' },
      });
      expect(r.status).toBe(401);
    }
    await signIn('gv.lan');
    expect(
      (await call('POST', 'auth.signIn', { input: { username: 'thu.x', password: 'sai' } })).status,
    ).toBe(401);
    const r = await call('POST', 'auth.signIn', { input: { username: 'gv.son', password: DEMO_PASSWORD } });
    expect(r.status).toBe(429);
    expect(r.body.error?.data.appCode).toBe('TOO_MANY_ATTEMPTS');
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
    await call('POST', 'auth.changePassword', {
      cookie: fresh,
      input: { current: temporaryPassword, next: 'mat-khau-rieng-cua-nga' },
    });
    expect((await me(fresh))?.mustChangePassword).toBe(false);
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

  it('sends CSP and the other headers; HSTS and a Secure cookie only over https', async () => {
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

    const https = await call('POST', 'auth.signIn', {
      input: { username: 'cv.tuan', password: DEMO_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(https.cookies[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });
});
