import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerSubjectRequest,
  applyDataCorrection,
  caseConsentState,
  createLegalBasis,
  FieldCipher,
  openSubjectRequest,
  readCaseConsent,
  readSubjectExport,
  recordCaseConsent,
  recordCaseLegalBasis,
  writeWithdrawalRows,
} from '../src';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
const cipher = new FieldCipher(FieldCipher.generateKey());
const CASE = 'c-consent';
const YOUNG = 'c-consent-young';
const now = new Date('2026-12-02T03:00:00Z');
const who = (key: string) => ({ actorId: 'u-ct-cl', now, today: '2026-12-02', idempotencyKey: key });
const consent = {
  caseId: CASE,
  givenOn: '2026-12-01',
  guardian: { name: 'Mùa A Pao', relation: 'father' as const },
  method: { kind: 'paper_form' as const, formNumber: '07/ĐY', signedOn: '2026-12-01' },
  childAgreed: true,
  coverage: { help: true, schoolProcessing: true, officeSharing: true },
};

async function code(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  const db = database.db;
  await db.student.create({
    data: {
      id: 'st-young',
      schoolId: 's-thcs-chiengle',
      fullName: 'Lò Thị Bé',
      searchName: 'lo thi be',
      birthDate: new Date('2020-03-10T00:00:00Z'),
    },
  });
  for (const [id, studentId, code] of [
    [CASE, 'st-06', 'HS26-CONSENT'],
    [YOUNG, 'st-young', 'HS26-YOUNG'],
  ] as const)
    await db.case.create({
      data: {
        id,
        code,
        campaignId: 'camp-sl-2026',
        studentId,
        schoolId: 's-thcs-chiengle',
        stage: 'identified',
        categories: ['economic_hardship'],
        source: 'staff_proposal',
      },
    });
});
afterAll(() => database?.drop());

describe('recording consent', () => {
  it('writes the row with the guardian’s name sealed, a CaseEvent without names, and an audit row', async () => {
    const db = database.db;
    expect((await caseConsentState(db, CASE)).state).toBe('none');
    const r = await recordCaseConsent(db, cipher, consent, who('k1'));
    expect(r.applied).toBe(true);
    const row = await db.caseConsent.findFirstOrThrow({ where: { caseId: CASE } });
    expect(row.guardianNameSealed).not.toContain('Pao');
    expect(row.childAge).toBe(14);
    const event = await db.caseEvent.findUniqueOrThrow({ where: { idempotencyKey: 'k1' } });
    expect(event.type).toBe('case.consent_recorded');
    expect(JSON.stringify(event.payload)).not.toMatch(/Pao|Mùa|Dợ/);
    expect(event.payload).toMatchObject({
      basis: 'consent',
      version: 1,
      method: 'paper_form',
      childConsentRequired: true,
    });
    expect(await db.auditLog.count({ where: { action: 'consent.record', caseId: CASE } })).toBe(1);
    const read = await readCaseConsent(db, cipher, CASE);
    expect(read?.current?.guardian?.name).toBe('Mùa A Pao');
    expect((await caseConsentState(db, CASE)).state).toBe('consent');
  });

  it('writes nothing twice for a retried request, and keeps one current row with history', async () => {
    const db = database.db;
    expect((await recordCaseConsent(db, cipher, consent, who('k1'))).applied).toBe(false);
    await recordCaseConsent(
      db,
      cipher,
      { ...consent, coverage: { ...consent.coverage, officeSharing: false } },
      who('k2'),
    );
    const rows = await db.caseConsent.findMany({ where: { caseId: CASE }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.version, r.current])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('refuses a child of 7 or more who did not agree, and accepts a younger child without', async () => {
    const db = database.db;
    expect(await code(recordCaseConsent(db, cipher, { ...consent, childAgreed: null }, who('k3')))).toBe(
      'CONSENT_CHILD_REQUIRED',
    );
    expect(await db.caseEvent.count({ where: { idempotencyKey: 'k3' } })).toBe(0);
    // st-young turns 7 on 10/03/2027: on 01/12/2026 the guardian alone consents
    await recordCaseConsent(db, cipher, { ...consent, caseId: YOUNG, childAgreed: null }, who('k4'));
    const row = await db.caseConsent.findFirstOrThrow({ where: { caseId: YOUNG } });
    expect([row.childAge, row.childConsentRequired]).toEqual([6, false]);
  });

  it('needs two staff of the child’s school as witnesses for consent in person', async () => {
    const db = database.db;
    const inPerson = (ids: string[]) => ({
      ...consent,
      method: { kind: 'in_person' as const, witnessUserIds: ids },
    });
    expect(await code(recordCaseConsent(db, cipher, inPerson(['u-ct-cl', 'u-ct-th']), who('k5')))).toBe(
      'CONSENT_WITNESS_INVALID',
    );
    expect(await code(recordCaseConsent(db, cipher, inPerson(['u-ct-cl', 'u-gv-lan']), who('k6')))).toBe(
      'ok',
    );
  });

  it('records a legal basis instead, from the admin’s active list', async () => {
    const db = database.db;
    const { id } = await createLegalBasis(
      db,
      {
        code: 'nghia-vu-luat',
        title: 'Thực hiện nghĩa vụ theo luật',
        reference: 'Điều 19 Luật BVDLCN 2025',
        active: true,
      },
      { actorId: 'u-admin', now },
    );
    expect(
      await code(
        createLegalBasis(
          db,
          { code: 'nghia-vu-luat', title: 'x', reference: 'y', active: true },
          { actorId: 'u-admin', now },
        ),
      ),
    ).toBe('LEGAL_BASIS_CODE_TAKEN');
    await recordCaseLegalBasis(db, { caseId: YOUNG, legalBasisId: id, statedOn: '2026-12-02' }, who('k7'));
    expect((await caseConsentState(db, YOUNG)).state).toBe('legal_basis');
    const event = await db.caseEvent.findUniqueOrThrow({ where: { idempotencyKey: 'k7' } });
    expect(event.payload).toMatchObject({ basis: 'legal_basis', legalBasisCode: 'nghia-vu-luat' });
  });

  it('marks the current consent withdrawn once', async () => {
    const db = database.db;
    const w = { caseId: CASE, by: 'guardian' as const, on: '2026-12-02', note: 'Gia đình chuyển đi' };
    await db.$transaction((tx) => writeWithdrawalRows(tx, cipher, w, who('x')));
    expect((await caseConsentState(db, CASE)).state).toBe('withdrawn');
    expect(await code(db.$transaction((tx) => writeWithdrawalRows(tx, cipher, w, who('x'))))).toBe(
      'CONSENT_ALREADY_WITHDRAWN',
    );
  });
});

describe('the guardian’s rights', () => {
  it('opens a request due 72 hours later, answers it once, and exports what is held with who read it', async () => {
    const db = database.db;
    const opened = await openSubjectRequest(
      db,
      cipher,
      {
        caseId: CASE,
        kind: 'access',
        receivedAt: '2026-12-02T08:00:00+07:00',
        requester: { name: 'Mùa A Pao', relation: 'father' },
      },
      { actorId: 'u-ct-cl', now },
    );
    expect(opened.dueAt).toBe('2026-12-05T01:00:00.000Z');
    await answerSubjectRequest(db, opened.id, new Date('2026-12-02T02:30:00Z'), { actorId: 'u-ct-cl', now });
    expect(await code(answerSubjectRequest(db, opened.id, now, { actorId: 'u-ct-cl', now }))).toBe(
      'SUBJECT_REQUEST_ANSWERED',
    );
    await applyDataCorrection(
      db,
      cipher,
      {
        caseId: CASE,
        field: 'birthDate',
        value: '2012-09-19',
        reason: 'Giấy khai sinh',
        requestId: opened.id,
      },
      { actorId: 'u-ct-cl', now },
    );
    const student = await db.student.findUniqueOrThrow({ where: { id: 'st-06' } });
    expect(student.birthDate?.toISOString().slice(0, 10)).toBe('2012-09-19');
    const correction = await db.dataCorrection.findFirstOrThrow({ where: { studentId: 'st-06' } });
    expect(correction.oldValueSealed).not.toContain('2012');
    const exported = await readSubjectExport(db, cipher, CASE);
    expect(exported?.identity.fullName).toBe('Mùa Thị Dợ');
    expect(exported?.corrections[0]).toMatchObject({
      field: 'birthDate',
      from: '2012-09-09',
      to: '2012-09-19',
    });
    expect(exported?.readsOfTheRecord.map((r) => r.action)).toContain('consent.record');
    expect(exported?.cases[0]?.consent[0]?.guardian?.name).toBe('Mùa A Pao');
  });
});
