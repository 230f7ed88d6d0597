import { describe, expect, it } from 'vitest';
import { CASE_CODE_ATTEMPTS, caseCodeCandidate, caseCodeFor } from '../src';

describe('case code (pseudonym)', () => {
  it('is stable for a case and carries the school year', () => {
    expect(caseCodeFor('c123', 2025)).toBe(caseCodeFor('c123', 2025));
    expect(caseCodeFor('c123', 2025)).toMatch(/^HS25-[2-9A-HJKMNP-Z]{6}$/);
    expect(caseCodeFor('c123', 2030).startsWith('HS30-')).toBe(true);
  });

  it('rarely collides across many cases', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20_000; i++) codes.add(caseCodeFor(`case-${i}`, 2025));
    expect(codes.size).toBeGreaterThan(19_990);
  });

  it('never uses characters that are confused when read aloud', () => {
    for (let i = 0; i < 1000; i++) expect(caseCodeFor(`x${i}`, 2025).slice(5)).not.toMatch(/[01ILO]/);
  });

  it('has further candidates for a case whose code is taken: same school year, all different', () => {
    const first = caseCodeFor('c123', 2026);
    expect(caseCodeCandidate(first, 'c123', 0)).toBe(first);
    const all = Array.from({ length: CASE_CODE_ATTEMPTS }, (_, i) => caseCodeCandidate(first, 'c123', i));
    expect(new Set(all).size).toBe(CASE_CODE_ATTEMPTS);
    for (const [i, code] of all.entries()) {
      expect(code).toMatch(/^HS26-[2-9A-HJKMNP-Z]{6}$/);
      expect(code).toBe(caseCodeFor('c123', 2026, i));
    }
  });
});
