import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseRecord, maskedCaseContent, maskedPayload } from '../src';

/**
 * The masked case view is an allow-list: whatever people write, wherever it sits in the record
 * (a column, a JSON field, an unexpected key), it does not come out.
 */
const MARK = 'Ánh Planted';
/** Free text as a teacher would write it: words around the child's name. */
const writing = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
  .map(([a, b]) => `${a} ${MARK} ${b}`);
const at = new Date('2026-11-20T03:00:00Z');

function record(t: () => string, extra: Record<string, string>): CaseRecord {
  return {
    id: 'c1',
    code: 'HS26-AAAAAA',
    stage: 'active',
    categories: ['economic_hardship'],
    source: 'staff_proposal',
    riskLevel: 'high',
    term: '2026-2027/1',
    closureReason: t(),
    closureNote: t(),
    closedAt: null,
    transferToSchoolId: null,
    sponsorName: t(),
    version: 3,
    createdAt: at,
    className: '7B',
    school: { id: 's1', name: 'THCS Chiềng Lề', unitId: 'u1', level: 'LOWER_SECONDARY' },
    helpers: [{ userId: 'u-gv', role: 'PRIMARY', status: 'ACTIVE', user: { displayName: 'Đặng Thị Lan' } }],
    plans: [
      {
        id: 'p1',
        version: 1,
        status: 'RETURNED',
        goals: { week: t(), month: t(), semester: t(), ...extra },
        kinds: ['tutoring', t()],
        authorId: 'u-gv',
        reviewerId: null,
        comment: t(),
        submittedAt: at,
        reviewedAt: null,
      },
    ],
    checkIns: [
      {
        id: 'ci1',
        month: '2026-11',
        term: '2026-2027/1',
        authorId: 'u-gv',
        report: {
          tutoring: { sessions: 2, hours: 3, subjects: [t()] },
          material: [{ kind: t(), description: t(), quantity: 1, valueVnd: 100 }],
          familyContact: { visits: 1, calls: 0 },
          absentDays: 0,
          riskLevel: t(),
          notes: t(),
          ...extra,
        },
        riskLevel: 'high',
        tutoringHours: 3,
        materialVnd: 100,
        dueAt: at,
        filedAt: at,
        late: false,
      },
    ],
    evaluations: [
      {
        id: 'e1',
        term: '2026-2027/1',
        version: 1,
        status: 'DRAFTED',
        content: { resultsBefore: t(), progress: t(), recommendation: t(), closureReason: t(), ...extra },
        decision: 'continue',
        authorId: 'u-gv',
        reviewerId: null,
        principalId: null,
        comment: t(),
        draftedAt: at,
        reviewedAt: null,
        decidedAt: null,
      },
    ],
    events: [
      {
        id: '1',
        type: 'case.note',
        actorId: 'u-gv',
        actorName: 'Đặng Thị Lan',
        recipientName: 'Lò Văn Hùng',
        createdAt: at,
        payload: { text: t(), reason: t(), note: t(), comment: t(), month: t(), kinds: [t()], ...extra },
      },
    ],
    tasks: [
      {
        id: 't1',
        type: 'risk_alert',
        status: 'OPEN',
        assigneeUserId: null,
        assigneeRole: 'SCHOOL_COORDINATOR',
        scopeUnitId: 'u1',
        dueAt: at,
        dueOn: '2026-12-25',
        remindAt: null,
        remindedAt: null,
        escalatedAt: null,
        payload: { month: '2026-11', note: t(), ...extra },
        createdAt: at,
      },
    ],
    totals: { tutoringHours: 3, materialVnd: 100, late: 0 },
  };
}

describe('the masked case view', () => {
  it('lets no free text through, wherever it is written', () => {
    fc.assert(
      fc.property(
        fc.array(writing, { minLength: 40, maxLength: 40 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), writing, { maxKeys: 4 }),
        (texts, extra) => {
          let i = 0;
          const masked = maskedCaseContent(record(() => texts[i++ % texts.length] as string, extra));
          expect(JSON.stringify(masked)).not.toContain('Planted');
        },
      ),
    );
  });

  it('keeps the codes, counts, dates and enums', () => {
    const masked = maskedCaseContent(record(() => 'goal_reached', {}));
    expect(masked.closureReason).toBe('goal_reached');
    expect(masked.checkIns[0]?.report).toEqual({
      tutoring: { sessions: 2, hours: 3 },
      material: [{ kind: 'other', quantity: 1, valueVnd: 100 }],
      familyContact: { visits: 1, calls: 0 },
      absentDays: 0,
      riskLevel: null,
    });
    expect(masked.plans[0]).toMatchObject({ goals: null, comment: null, kinds: ['tutoring'] });
    expect(
      maskedPayload({ month: '2026-11', round: 2, late: true, reason: 'dropped_out', kinds: ['material'] }),
    ).toEqual({ month: '2026-11', round: 2, late: true, reason: 'dropped_out', kinds: ['material'] });
  });

  it('drops a one-word free-text reason that looks like a code', () => {
    expect(maskedPayload({ reason: 'Anh', note: 'Anh', comment: 'Anh', text: 'Anh' })).toEqual({});
  });
});
