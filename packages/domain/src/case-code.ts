/**
 * A case's stable pseudonym: what office roles and the presentation board see instead of a
 * name. Derived from the case id so every process computes the same code without a lookup;
 * the database still enforces uniqueness.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: codes are read aloud on the phone

function fnv1a(text: string): number {
  let hash = 2166136261;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

/** e.g. `HS25-7KQ2MX` for a case of school year 2025–2026. */
export function caseCodeFor(caseId: string, schoolYearStart: number): string {
  let n = fnv1a(caseId);
  let code = '';
  for (let i = 0; i < 6; i++) {
    code += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return `HS${String(schoolYearStart % 100).padStart(2, '0')}-${code}`;
}
