import { type Algorithm, hash } from '@node-rs/argon2';

/**
 * The one set of argon2id parameters, shared by the API (sign-in, password changes) and the
 * demo seed, so every stored hash is made the same way. OWASP's minimum for argon2id:
 * 19 MiB of memory, 2 passes, 1 lane (about 20–40 ms per hash on a server core).
 */
export const PASSWORD_HASH_OPTIONS = {
  // Algorithm is a const enum in the binding's types; 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** An argon2id hash in PHC format (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PASSWORD_HASH_OPTIONS);
}
