import { demoStudents } from '@donghanh/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, callerFor, database, setUpFixture } from './support/fixture';

/**
 * The inspector's register on the real database: each case's basis for processing and its
 * erasure, judged on the pinned day (2026-11-23), with codes only. Cases are written directly in
 * every state the register must tell apart.
 */
beforeAll(async () => {
  await setUpFixture();
  const db = database.db;
  const base = {
    campaignId: 'camp-sl-2026',
    schoolId: 's-thcs-chiengle',
    categories: ['economic_hardship'],
    source: 'staff_proposal',
  };
  const closed = { stage: 'closed' as const, closedAt: new Date('2026-05-20T03:00:00Z') };
  await db.case.createMany({
    data: [
      { ...base, id: 'c-reg-consent', code: 'HS26-REG01', studentId: 'st-01', stage: 'active' },
      { ...base, id: 'c-reg-legal', code: 'HS26-REG02', studentId: 'st-02', stage: 'plan' },
      { ...base, id: 'c-reg-await', code: 'HS26-REG03', studentId: 'st-03', stage: 'assignment' },
      {
        ...base,
        ...closed,
        id: 'c-reg-overdue',
        code: 'HS26-REG04',
        studentId: 'st-04',
        closureReason: 'consent_withdrawn',
        personalDataEraseOn: new Date('2026-06-01'),
      },
      {
        ...base,
        ...closed,
        id: 'c-reg-held',
        code: 'HS26-REG05',
        studentId: 'st-05',
        personalDataEraseOn: new Date('2026-06-01'),
      },
      {
        ...base,
        ...closed,
        id: 'c-reg-erased',
        code: 'HS26-REG07',
        studentId: 'st-07',
        personalDataEraseOn: new Date('2026-06-01'),
        personalDataErasedAt: new Date('2026-06-01T01:00:00Z'),
      },
      {
        ...base,
        ...closed,
        id: 'c-reg-later',
        code: 'HS26-REG08',
        studentId: 'st-08',
        personalDataEraseOn: new Date('2027-06-01'),
      },
    ],
  });
  await db.legalBasis.create({
    data: { id: 'lb-reg', code: 'LB-REG', title: 'Nhiệm vụ theo luật', reference: 'Điều 19 Luật BVDLCN' },
  });
  const consent = (caseId: string, extra: object = {}) => ({
    id: `${caseId}:consent:1`,
    caseId,
    version: 1,
    basis: 'consent',
    givenOn: new Date('2026-05-02'),
    recordedById: 'u-ct-cl',
    ...extra,
  });
  await db.caseConsent.createMany({
    data: [
      consent('c-reg-consent'),
      consent('c-reg-legal', { basis: 'legal_basis', legalBasisId: 'lb-reg' }),
      consent('c-reg-overdue', { withdrawnBy: 'guardian', withdrawnOn: new Date('2026-05-20') }),
      consent('c-reg-held'),
      consent('c-reg-erased'),
      consent('c-reg-later'),
    ],
  });
  await db.legalHold.create({
    data: { id: 'lh-reg', caseId: 'c-reg-held', reasonSealed: 'x', placedById: 'u-ht-cl' },
  });
  await db.caseEvent.create({
    data: {
      caseId: 'c-reg-erased',
      type: 'case.history_erased',
      payload: { runs: 3, scope: 'all_runs' },
      idempotencyKey: 'c-reg-erased:history-erased',
      createdAt: new Date('2026-06-01T01:05:00Z'),
    },
  });
});
afterAll(() => database?.drop());

describe("the inspector's register", () => {
  it('tells each case’s basis and erasure, flags what an inspector would question, and names no child', async () => {
    const admin = await callerFor('admin');
    const register = await admin.privacy.records.register({});
    expect(register.today).toBe('2026-11-23');
    const byCase = Object.fromEntries(register.rows.map((r) => [r.caseId, r]));
    expect(byCase['c-reg-consent']).toMatchObject({
      basisState: 'consent',
      erasureState: 'kept',
      flagged: false,
    });
    expect(byCase['c-reg-legal']).toMatchObject({ basisState: 'legal_basis', legalBasisCode: 'LB-REG' });
    expect(byCase['c-reg-await']).toMatchObject({ basisState: 'awaiting', flagged: false });
    // The fixture's case is being helped with no consent on record: the register says so.
    expect(byCase[CASE]).toMatchObject({ basisState: 'missing', flagged: true });
    expect(byCase['c-reg-overdue']).toMatchObject({
      basisState: 'withdrawn',
      erasureState: 'overdue',
      withdrawnOn: '2026-05-20',
      flagged: true,
    });
    expect(byCase['c-reg-held']).toMatchObject({ erasureState: 'held', activeHolds: 1, flagged: false });
    expect(byCase['c-reg-erased']).toMatchObject({
      erasureState: 'erased',
      erasedOn: '2026-06-01',
      historyErasedOn: '2026-06-01',
    });
    expect(byCase['c-reg-later']).toMatchObject({ erasureState: 'scheduled', eraseOn: '2027-06-01' });
    expect(register.summary).toMatchObject({ cases: 8, flagged: 2, historiesDeleted: 1 });
    expect(register.summary.erasure).toEqual({ kept: 4, scheduled: 1, held: 1, overdue: 1, erased: 1 });
    // Flagged rows come first, and can be asked for alone.
    expect(register.rows.slice(0, 2).every((r) => r.flagged)).toBe(true);
    const flagged = await admin.privacy.records.register({ flaggedOnly: true, limit: 1 });
    expect(flagged.rows).toHaveLength(1);
    expect(flagged.truncated).toBe(true);
    // Codes and schools only: no pupil's name.
    const wire = JSON.stringify(register);
    for (const [, , name] of demoStudents) expect(wire).not.toContain(name);
  });

  it('is the admin’s: a principal is refused', async () => {
    const principal = await callerFor('principal');
    await expect(principal.privacy.records.register({})).rejects.toThrow();
  });
});

describe('applying retention to cases closed before it', () => {
  it('asks each closed case with no erase-on day once, a batch at a time, continuing after the last', async () => {
    const db = database.db;
    const students = Array.from({ length: 205 }, (_, i) => ({
      id: `st-old-${String(i).padStart(3, '0')}`,
      schoolId: 's-thcs-chiengle',
      fullName: `Học Sinh ${i}`,
      searchName: `hoc sinh ${i}`,
    }));
    await db.student.createMany({ data: students });
    await db.case.createMany({
      data: students.map((s, i) => ({
        id: `c-old-${String(i).padStart(3, '0')}`,
        code: `HS25-OLD${String(i).padStart(3, '0')}`,
        campaignId: 'camp-sl-2026',
        studentId: s.id,
        schoolId: 's-thcs-chiengle',
        stage: 'closed' as const,
        categories: ['economic_hardship'],
        source: 'staff_proposal',
        closedAt: new Date('2025-05-20T03:00:00Z'),
      })),
    });
    const admin = await callerFor('admin');
    const first = await admin.privacy.retention.applyToClosed({});
    expect(first.asked).toBe(200);
    expect(first.nextAfterCaseId).toBe('c-old-199');
    const second = await admin.privacy.retention.applyToClosed({ afterCaseId: first.nextAfterCaseId ?? '' });
    // The five left, then nothing further: cases that already have their day are never asked.
    expect(second.asked).toBe(5);
    expect(second.nextAfterCaseId).toBeNull();
  });
});
