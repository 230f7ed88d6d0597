import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, CASE, callerFor, database, setUpFixture } from './support/fixture';

/**
 * The dignity and privacy of the child: office roles see a pseudonym, reveal a name only with a
 * written reason for a limited time, and every read of a full record is audited in a trail no
 * one can edit.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const NAME = 'Mùa Thị Dợ'; // st-06, the child of the fixture's case

const open = async (actor: Actor) => (await callerFor(actor)).case.get({ caseId: CASE });
const audits = (actorId: string) =>
  database.db.auditLog.findMany({
    where: { actorId },
    orderBy: { id: 'asc' },
    select: { action: true, reason: true },
  });

describe('privacy of the child', () => {
  it('shows an office coordinator the pseudonym only, and audits nothing for it', async () => {
    // A note naming the child: free text reaches staff on the case, never a masked reader.
    await database.db.caseEvent.create({
      data: {
        caseId: CASE,
        type: 'case.note',
        payload: { text: `Đã gặp bà của em ${NAME}` },
        actorId: 'u-gv-lan',
        idempotencyKey: `${CASE}:note:privacy`,
      },
    });
    // A mail the server accepted names its recipient (staff) by id: the page gets the name.
    await database.db.caseEvent.create({
      data: {
        caseId: CASE,
        type: 'case.notification_mailed',
        payload: { kind: 'checkin_reminder', recipientId: 'u-gv-lan' },
        idempotencyKey: `${CASE}:mailed:privacy`,
      },
    });
    const seen = await open('office');
    expect(seen.events.find((e) => e.type === 'case.note')).toMatchObject({
      payload: {},
      actorName: 'Đặng Thị Lan',
      recipientName: null,
    });
    expect(seen.events.find((e) => e.type === 'case.notification_mailed')?.recipientName).toBe(
      'Đặng Thị Lan',
    );
    expect(seen.masked).toBe(true);
    expect(seen.identity).toBeNull();
    expect(seen.code).toBe('HS26-MATRIX');
    expect(JSON.stringify(seen)).not.toContain(NAME);
    expect(JSON.stringify(seen)).not.toContain('Dợ');
    expect(await audits('u-office')).toEqual([]);
  });

  it('shows the school staff on the case the name, and audits each read', async () => {
    for (const actor of ['coordinator', 'helper'] as const) {
      const seen = await open(actor);
      expect(seen.masked).toBe(false);
      expect(seen.identity?.fullName).toBe(NAME);
      expect(JSON.stringify(seen.events.find((e) => e.type === 'case.note')?.payload)).toContain(NAME);
    }
    expect((await audits('u-ct-cl')).map((a) => a.action)).toEqual(['student.read']);
    expect((await audits('u-gv-lan')).map((a) => a.action)).toEqual(['student.read']);
  });

  it('reveals a name to an office coordinator for a written reason, audited, until it expires', async () => {
    const office = await callerFor('office');
    await expect(office.case.revealIdentity({ caseId: CASE, reason: 'xem' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const r = await office.case.revealIdentity({
      caseId: CASE,
      reason: 'Xác minh trước khi xét khen thưởng',
    });
    expect(r.case.identity?.fullName).toBe(NAME);
    expect(Date.parse(r.case.revealedUntil ?? '') - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await audits('u-office')).toEqual([
      { action: 'identity.reveal', reason: 'Xác minh trước khi xét khen thưởng' },
      { action: 'student.read', reason: 'identity revealed' },
    ]);
    expect((await open('office')).masked).toBe(false);
    await database.db.identityReveal.updateMany({
      where: { userId: 'u-office' },
      data: { expiresAt: new Date(0) },
    });
    expect((await open('office')).masked).toBe(true);
  });

  it('seals the family circumstances at rest and opens them only for the school staff on the case', async () => {
    const text = 'Bố mất sớm, mẹ đi làm thuê ở Hà Nội; em ở với bà nội 78 tuổi.';
    await (await callerFor('coordinator')).student.setFamily({ studentId: 'st-06', text });
    const [row] = await database.db.$queryRaw<{ familySealed: string }[]>`
      SELECT "familySealed" FROM "Student" WHERE id = 'st-06'`;
    expect(row?.familySealed.startsWith('v1.')).toBe(true);
    expect(row?.familySealed).not.toContain('Hà Nội');
    expect((await open('helper')).identity?.family).toBe(text);
    const office = await open('office');
    expect(office.identity).toBeNull();
    expect(JSON.stringify(office)).not.toContain('Hà Nội');
    expect((await audits('u-ct-cl')).map((a) => a.action)).toContain('student.family.write');
  });

  it('keeps an audit trail that no one can edit or delete, and only admins read', async () => {
    await expect(database.db.$executeRaw`UPDATE "AuditLog" SET reason = 'sửa'`).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow(/append-only/);
    const trail = await (await callerFor('admin')).audit.list({ limit: 50 });
    expect(trail.length).toBeGreaterThanOrEqual(4);
    await expect((await callerFor('coordinator')).audit.list({ limit: 50 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
