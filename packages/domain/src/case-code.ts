/**
 * A case's stable pseudonym: what office roles and the presentation board see instead of a
 * name. Derived from the case id so every process computes the same code without a lookup.
 * Six characters of a 31-letter alphabet are about 30 bits: at 10,000 cases a year two of them
 * share a code about once in twenty years, so the writer takes the next candidate of the same
 * case (`attempt` 1, 2, …) when the first is already another case's; the database enforces
 * uniqueness.
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

function suffixOf(seed: string): string {
  let n = fnv1a(seed);
  let code = '';
  for (let i = 0; i < 6; i++) {
    code += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return code;
}

/** e.g. `HS25-7KQ2MX` for a case of school year 2025–2026; attempt 0 is the code cases always had. */
export function caseCodeFor(caseId: string, schoolYearStart: number, attempt = 0): string {
  const prefix = `HS${String(schoolYearStart % 100).padStart(2, '0')}-`;
  return `${prefix}${suffixOf(attempt === 0 ? caseId : `${caseId}#${attempt}`)}`;
}

/** The `attempt`-th candidate for a case whose first candidate is `firstCode` (same school year). */
export function caseCodeCandidate(firstCode: string, caseId: string, attempt: number): string {
  if (attempt === 0) return firstCode;
  return `${firstCode.slice(0, firstCode.indexOf('-') + 1)}${suffixOf(`${caseId}#${attempt}`)}`;
}

/** Candidates tried before giving up (each collision is ~1 in 887 million). */
export const CASE_CODE_ATTEMPTS = 16;
