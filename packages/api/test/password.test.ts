import { describe, expect, it } from 'vitest';
import { hashPassword, temporaryPassword, verifyPassword } from '../src/auth/password';
import {
  clearSessionCookie,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  withSecureFlag,
} from '../src/auth/session';
import { changePasswordInput, signInInput } from '../src/router/auth.schema';

describe('password hashing', () => {
  it('hashes with argon2id, a fresh salt each time, and verifies', async () => {
    const a = await hashPassword('donghanh2026');
    const b = await hashPassword('donghanh2026');
    expect(a.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'donghanh2026')).toBe(true);
    expect(await verifyPassword(a, 'donghanh2027')).toBe(false);
    expect(await verifyPassword(a, '')).toBe(false);
  });

  it('answers false, after a real verification, when there is no hash or a broken one', async () => {
    const hash = await hashPassword('warm-up');
    await verifyPassword(hash, 'warm-up');
    await verifyPassword(null, 'warm-up');
    const t0 = performance.now();
    await verifyPassword(hash, 'wrong password');
    const real = performance.now() - t0;
    const t1 = performance.now();
    expect(await verifyPassword(null, 'wrong password')).toBe(false);
    const dummy = performance.now() - t1;
    // Same parameters, so the same order of cost (generous bounds for a busy CI machine).
    expect(dummy).toBeGreaterThan(real / 5);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('makes temporary passwords of 16 unambiguous characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{16}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});

describe('password policy and sign-in input', () => {
  it('wants at least 10 characters, with the reason in Vietnamese', () => {
    const r = changePasswordInput.safeParse({ current: 'donghanh2026', next: 'ngan' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Mật khẩu mới phải có ít nhất 10 ký tự');
    expect(changePasswordInput.safeParse({ current: 'donghanh2026', next: 'donghanh2026' }).success).toBe(
      false,
    );
    expect(changePasswordInput.safeParse({ current: 'donghanh2026', next: 'một mật khẩu dài' }).success).toBe(
      true,
    );
  });

  it('refuses control characters in the username (PostgreSQL text holds no NUL)', () => {
    expect(signInInput.safeParse({ username: 'quan\u0000tri', password: 'x' }).success).toBe(false);
    expect(signInInput.safeParse({ username: ' QuanTri ', password: 'x' }).data?.username).toBe('QuanTri');
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ with a Max-Age; Secure only when asked', () => {
    const c = sessionCookie('t'.repeat(43));
    expect(c).toBe(`${SESSION_COOKIE}=${'t'.repeat(43)}; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax`);
    expect(withSecureFlag(c, false)).toBe(c);
    expect(withSecureFlag(c, true)).toBe(`${c}; Secure`);
    expect(withSecureFlag(withSecureFlag(c, true), true)).toBe(`${c}; Secure`);
    expect(clearSessionCookie()).toContain('Max-Age=0');
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; dh_session=abc; b=2', 'dh_session')).toBe('abc');
    expect(readCookie('xdh_session=abc', 'dh_session')).toBeNull();
    expect(readCookie(undefined, 'dh_session')).toBeNull();
  });
});
