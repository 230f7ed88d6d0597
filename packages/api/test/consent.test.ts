import { AppError, pinnedClock } from '@donghanh/domain';
import { createCaseActivities } from '@donghanh/workflows/activities';
import { recordConsentUpdate, recordLegalBasisUpdate } from '@donghanh/workflows/messages';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, callerFor, cipher, database, setUpFixture } from './support/fixture';

/**
 * The consent and privacy routers end to end on the real database: what a coordinator records
 * and reads, what an office never sees, what the guardian's export holds, the admin's records.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const GUARDIAN = 'Mùa A Pao';
const consent = {
  caseId: CASE,
  recordingId: '5b1f0e3a-2c4d-4e6f-8a9b-0c1d2e3f4a5b',
  givenOn: '2026-09-10',
  guardian: { name: GUARDIAN, relation: 'father' },
  method: { kind: 'paper_form', formNumber: '07/ĐY', signedOn: '2026-09-10' },
  childAgreed: true,
  coverage: { help: true, schoolProcessing: true, officeSharing: true },
};

/**
 * The case workflow's consent step without Temporal: its update runs the step's activity, as the
 * workflow would (the workflow itself is tested in packages/workflows/test/case-consent.test.ts).
 */
function workflowStandIn(): Client {
  const activities = createCaseActivities({ db: database.db, cipher });
  const scope = {
    caseId: CASE,
    schoolUnitId: 'u-thcs-chiengle',
    clock: pinnedClock(Date.now(), '2026-11-23'),
  };
  return {
    connection: { withDeadline: (_: number, fn: () => Promise<unknown>) => fn() },
    workflow: {
      getHandle: () => ({
        executeUpdate: async (update: unknown, options: { args: [object] }) => {
          const args = { ...scope, ...options.args[0] } as never;
          // A refused step reaches the API as Temporal delivers it: the update failed, its cause the rule.
          const failed = (e: unknown) => {
            throw new WorkflowUpdateFailedError('Update failed', e as Error);
          };
          if (update === recordConsentUpdate) return activities.recordConsent(args).catch(failed);
          if (update === recordLegalBasisUpdate) return activities.recordLegalBasis(args).catch(failed);
          throw new Error('not a consent step');
        },
      }),
    },
  } as unknown as Client;
}

/** A Temporal frontend that does not answer (gRPC UNAVAILABLE). */
const unreachable = {
  connection: {
    withDeadline: async () => {
      throw Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14 });
    },
  },
  workflow: { getHandle: () => ({}) },
} as unknown as Client;

async function appCode(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    return cause instanceof AppError ? cause.code : (e as Error).message;
  }
}

describe('consent on a case', () => {
  it('writes nothing when the case workflow does not answer: the database and the workflow agree', async () => {
    const coordinator = await callerFor('coordinator', { temporal: unreachable });
    expect(await appCode(coordinator.consent.record(consent as never))).toBe('WORKFLOW_UNAVAILABLE');
    expect(await database.db.caseConsent.count({ where: { caseId: CASE } })).toBe(0);
    expect(
      await database.db.caseEvent.count({ where: { caseId: CASE, type: 'case.consent_recorded' } }),
    ).toBe(0);
    expect(await database.db.auditLog.count({ where: { caseId: CASE, action: 'consent.record' } })).toBe(0);
  });

  it('is recorded by the coordinator, read back with the guardian, and never reaches the office', async () => {
    const coordinator = await callerFor('coordinator', { temporal: workflowStandIn() });
    expect(await appCode(coordinator.consent.record({ ...consent, childAgreed: null } as never))).toBe(
      'CONSENT_CHILD_REQUIRED',
    );
    const recorded = await coordinator.consent.record(consent as never);
    expect(recorded.state).toBe('consent');
    const read = await coordinator.consent.get({ caseId: CASE });
    expect(read.current?.guardian?.name).toBe(GUARDIAN);
    expect(read.header.school).toMatch(/Chiềng Lề/);
    const office = await callerFor('office');
    const masked = await office.case.get({ caseId: CASE });
    expect(JSON.stringify(masked)).not.toContain('Pao');
    const event = masked.events.find((e) => e.type === 'case.consent_recorded');
    expect(event).toBeDefined();
    const stored = await database.db.caseEvent.findFirstOrThrow({
      where: { caseId: CASE, type: 'case.consent_recorded' },
    });
    expect(JSON.stringify(stored.payload)).not.toContain('Pao');
  });

  it('records a repeated request (the same form id, also at once) once; refuses one without the id', async () => {
    const coordinator = await callerFor('coordinator', { temporal: workflowStandIn() });
    const counts = async () => [
      await database.db.caseConsent.count({ where: { caseId: CASE } }),
      await database.db.auditLog.count({ where: { caseId: CASE, action: 'consent.record' } }),
      await database.db.caseEvent.count({ where: { caseId: CASE, type: 'case.consent_recorded' } }),
    ];
    const before = await counts();
    expect(before).toEqual([1, 1, 1]);
    const again = await coordinator.consent.record(consent as never);
    await Promise.all([
      coordinator.consent.record(consent as never),
      coordinator.consent.record(consent as never),
    ]);
    expect(again.state).toBe('consent');
    expect(await counts()).toEqual(before);
    const { recordingId: _, ...withoutId } = consent;
    expect(await appCode(coordinator.consent.record(withoutId as never))).not.toBe('ok');
    expect(await appCode(coordinator.consent.record({ ...consent, recordingId: 'lan-1' } as never))).not.toBe(
      'ok',
    );
    expect(await counts()).toEqual(before);
  });

  it('takes a legal basis from the admin’s list instead', async () => {
    const admin = await callerFor('admin');
    const { id } = await admin.privacy.legalBasis.create({
      code: 'nghia-vu-luat',
      title: 'Thực hiện nghĩa vụ theo quy định của luật',
      reference: 'Điều 19 Luật Bảo vệ dữ liệu cá nhân 2025',
    });
    const coordinator = await callerFor('coordinator', { temporal: workflowStandIn() });
    expect((await coordinator.privacy.legalBasis.list({ activeOnly: true })).map((b) => b.id)).toContain(id);
    const r = await coordinator.consent.recordLegalBasis({
      caseId: CASE,
      recordingId: '5b1f0e3a-2c4d-4e6f-8a9b-0c1d2e3f4a5c',
      legalBasisId: id,
      statedOn: '2026-09-11',
    });
    expect(r.state).toBe('legal_basis');
    const history = (await coordinator.consent.get({ caseId: CASE })).history;
    expect(history.map((h) => [h.version, h.basis, h.current])).toEqual([
      [2, 'legal_basis', true],
      [1, 'consent', false],
    ]);
  });
});

describe('the guardian’s right to see and correct', () => {
  it('logs the request with its due time, exports everything held with the reads, audits the export', async () => {
    const coordinator = await callerFor('coordinator');
    const opened = await coordinator.privacy.subjectRequest.open({
      caseId: CASE,
      kind: 'access',
      receivedAt: '2026-09-10T08:00:00+07:00',
      requester: { name: GUARDIAN, relation: 'father' },
    });
    expect(opened.dueAt).toBe('2026-09-13T01:00:00.000Z');
    await coordinator.privacy.dataCorrection.record({
      caseId: CASE,
      field: 'ethnicity',
      value: 'Thái',
      reason: 'Theo giấy khai sinh',
      requestId: opened.id,
    });
    const doc = await coordinator.privacy.subjectRequest.export({ caseId: CASE, requestId: opened.id });
    expect(doc.identity.ethnicity).toBe('Thái');
    expect(doc.corrections[0]).toMatchObject({ field: 'ethnicity', from: "H'Mông", to: 'Thái' });
    expect(doc.readsOfTheRecord.map((r) => r.action)).toEqual(
      expect.arrayContaining(['consent.record', 'data.correct.ethnicity']),
    );
    expect(await database.db.auditLog.count({ where: { action: 'subject.export', caseId: CASE } })).toBe(1);
    await coordinator.privacy.subjectRequest.answer({
      caseId: CASE,
      requestId: opened.id,
      answeredAt: '2026-09-11T08:00:00+07:00',
    });
    const [listed] = await coordinator.privacy.subjectRequest.list({ caseId: CASE });
    expect(listed).toMatchObject({ answeredAt: '2026-09-11T01:00:00.000Z', requester: { name: GUARDIAN } });
    // A request of another case cannot be answered through this one.
    expect(
      await appCode(
        coordinator.privacy.subjectRequest.answer({
          caseId: 'c-other',
          requestId: opened.id,
          answeredAt: '2026-09-11T08:00:00+07:00',
        }),
      ),
    ).not.toBe('ok');
  });
});

describe('records for an inspector', () => {
  it('builds the processing record from the settings and the identity rule, and keeps a breach log with A05’s deadline', async () => {
    const admin = await callerFor('admin');
    const record = await admin.privacy.records.processing({});
    expect(record.readers.find((r) => r.key === 'office')?.views.case_page).toBe('masked');
    expect(record.retention.length).toBeGreaterThan(0);
    expect(record.retention[0]?.schoolYearsAfterClosure).toBe(1);
    const b = await admin.privacy.breach.create({
      detectedAt: '2026-09-10T08:00:00+07:00',
      description: 'Mất máy tính xách tay',
      categories: ['identity'],
      affectedCount: 3,
    });
    expect(b.notifyBy).toBe('2026-09-13T01:00:00.000Z');
    await admin.privacy.breach.update({
      id: b.id,
      notifiedAt: '2026-09-11T08:00:00+07:00',
      notificationRef: 'A05-01',
    });
    const [row] = await admin.privacy.breach.list({});
    expect(row).toMatchObject({ status: 'notified', notificationRef: 'A05-01' });
  });
});

describe('legal holds', () => {
  it('are placed and lifted by the school’s principal, with the reason sealed and audited', async () => {
    const principal = await callerFor('principal');
    const { id } = await principal.privacy.legalHold.place({
      caseId: CASE,
      reason: 'Thanh tra Sở đang xác minh',
    });
    const row = await database.db.legalHold.findUniqueOrThrow({ where: { id } });
    expect(row.reasonSealed).not.toContain('Thanh tra');
    expect(await principal.privacy.legalHold.list({ caseId: CASE })).toMatchObject([
      { id, reason: 'Thanh tra Sở đang xác minh', liftedAt: null },
    ]);
    const coordinator = await callerFor('coordinator');
    expect(await appCode(coordinator.privacy.legalHold.lift({ caseId: CASE, holdId: id }))).toBe('FORBIDDEN');
    await principal.privacy.legalHold.lift({ caseId: CASE, holdId: id });
    expect(await appCode(principal.privacy.legalHold.lift({ caseId: CASE, holdId: id }))).toBe(
      'LEGAL_HOLD_NOT_FOUND',
    );
    expect(
      await database.db.auditLog.count({
        where: { caseId: CASE, action: { in: ['legal_hold.place', 'legal_hold.lift'] } },
      }),
    ).toBe(2);
  });
});
