import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, identifyCaseInputSchema } from '../src';

describe('identify case input', () => {
  it('accepts a proposal and defaults its source', () => {
    const r = identifyCaseInputSchema.parse({
      campaignId: 'camp-1',
      studentId: 'st-1',
      categories: ['dropout_risk'],
    });
    expect(r.source).toBe('staff_proposal');
  });

  it.each([
    [{ campaignId: 'camp-1', studentId: 'st-1', categories: [] }, 'categories'],
    [{ campaignId: 'camp-1', studentId: 'st-1', categories: ['rich'] }, 'categories'],
    [{ campaignId: 'camp 1', studentId: 'st-1', categories: ['weak_results'] }, 'campaignId'],
    [{ campaignId: 'camp-1', categories: ['weak_results'] }, 'studentId'],
  ])('rejects %j at %s', (input, path) => {
    const r = identifyCaseInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(path);
  });

  it('has a Vietnamese and an English message for every error code', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(m.vi, code).toMatch(/\S/);
      expect(m.en, code).toMatch(/\S/);
      expect(m.vi, code).not.toBe(m.en);
    }
  });
});
