import { describe, expect, it } from 'vitest';
import { caseCodeFor } from '../src';

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
});
