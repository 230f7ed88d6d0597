import { describe, expect, it } from 'vitest';
import {
  checkInReportSchema,
  evaluationDraftSchema,
  helpPlanSchema,
  requestIdSchema,
  schemaMessageIn,
} from '../src';

/** Every message the teachers' forms can show has its English. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('English for the schemas’ messages', () => {
  it('translates the messages of the check-in, plan and evaluation forms', () => {
    const found = [
      ...messages(
        checkInReportSchema.safeParse({
          tutoring: { sessions: -1, hours: 400, subjects: [''] },
          material: [{ kind: 'money', description: 'x', quantity: 0, valueVnd: -5 }],
          familyContact: { visits: 1.5, calls: 300 },
          absentDays: 40,
          riskLevel: 'low',
        }),
      ),
      ...messages(helpPlanSchema.safeParse({ goals: { week: '', month: '', semester: '' }, kinds: [] })),
      ...messages(
        evaluationDraftSchema.safeParse({
          resultsBefore: 'tot',
          resultsAfter: 'tot',
          conductBefore: 'tot',
          conductAfter: 'tot',
          progress: '',
          stillAtRisk: false,
          recommendation: 'propose_closure',
        }),
      ),
    ];
    expect(found.length).toBeGreaterThan(8);
    const untranslated = found.filter((m) => schemaMessageIn('en', m) === m);
    expect(untranslated).toEqual([]);
    expect(schemaMessageIn('en', 'Số ngày nghỉ học tối đa 31')).toBe('Days absent: at most 31');
    expect(messages(requestIdSchema.safeParse('lan-1')).map((m) => schemaMessageIn('en', m))).toEqual([
      'Invalid submission id',
    ]);
    expect(schemaMessageIn('vi', 'Số ngày nghỉ học tối đa 31')).toBe('Số ngày nghỉ học tối đa 31');
  });
});
