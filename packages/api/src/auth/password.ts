import { randomBytes } from 'node:crypto';
import { hashPassword as hashArgon2id, PASSWORD_HASH_OPTIONS } from '@donghanh/db';
import { verify } from '@node-rs/argon2';

/** Passwords are hashed with argon2id (parameters in @donghanh/db, shared with the demo seed). */
export { PASSWORD_HASH_OPTIONS };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(plain: string): Promise<string> {
  return hashArgon2id(plain);
}

/**
 * A hash of a random secret made with the same parameters, verified when the account does not
 * exist (or has no password) so that a wrong username costs as long as a wrong password.
 */
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= hashArgon2id(randomBytes(24).toString('base64'));
  return dummyHash;
}

/**
 * Checks a password against a stored hash. With no hash (unknown account, or an account
 * without a password) it still runs one argon2id verification and answers false.
 */
export async function verifyPassword(stored: string | null | undefined, plain: string): Promise<boolean> {
  if (!stored) {
    await verify(await dummy(), plain).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, plain);
  } catch {
    // A malformed stored hash is a wrong password, never a crash with details.
    return false;
  }
}

/** A one-time password for an administrator's reset: 16 characters, no look-alikes. */
export function temporaryPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (b >= 256 - (256 % alphabet.length)) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === length) return out;
  }
  return out + temporaryPassword(length - out.length);
}
