import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskIds, updateIds } from '../src/case/task-ids';
import { amendCheckInUpdate, fileCheckInUpdate, stateQuery } from '../src/messages';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  rejection,
  report,
  waitForState,
} from './support/case-harness';

/**
 * Correcting a filed check-in, on the real Temporal server and database: the corrected figures
 * replace the row's, the replaced version stays in CheckInAmendment with the reason and author,
 * each correction is an event and an audit row; nothing is written for a month not filed, without
 * a reason, or by a teacher who is not on the case.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const THUY = 'u-gv-thuy';
const MONTH = '2026-12';

describe('correcting a filed check-in', () => {
  it('keeps both versions, audited, and refuses what it must', async () => {
    const { caseId, handle } = await h.startActiveCase('st-16', THUY, compressed('2026-12-08', 60_000));
    const checkIn = taskIds.checkIn(caseId, MONTH);
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));

    // Not filed yet: nothing to correct.
    const early = await rejection(
      handle.executeUpdate(amendCheckInUpdate, {
        args: [{ actorId: THUY, month: MONTH, report: report(), reason: 'Ghi nhầm số giờ' }],
      }),
    );
    expect(early.refusal).toBe('NO_CHECKIN_FILED');

    await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: THUY, report: report() }],
    });
    const tooShort = await rejection(
      handle.executeUpdate(amendCheckInUpdate, {
        args: [{ actorId: THUY, month: MONTH, report: report(), reason: ' ' }],
      }),
    );
    expect(tooShort.refusal).toBe('AMEND_REASON_REQUIRED');
    // A teacher who is not on the case: the activity refuses, nothing is written.
    await rejection(
      handle.executeUpdate(amendCheckInUpdate, {
        args: [{ actorId: 'u-gv-duc', month: MONTH, report: report(), reason: 'Sửa giúp cô Thủy' }],
      }),
    );
    expect(await h.db.checkInAmendment.count({ where: { caseId } })).toBe(0);

    const corrected = report({
      tutoring: { sessions: 5, hours: 8, subjects: ['Toán'] },
      riskLevel: 'medium',
    });
    await handle.executeUpdate(amendCheckInUpdate, {
      args: [{ actorId: COORDINATOR, month: MONTH, report: corrected, reason: 'Ghi nhầm số giờ phụ đạo' }],
    });
    await handle.executeUpdate(amendCheckInUpdate, {
      args: [
        {
          actorId: THUY,
          month: MONTH,
          report: report({ absentDays: 1 }),
          reason: 'Em nghỉ một buổi, quên ghi',
        },
      ],
    });

    const row = await h.db.checkIn.findUniqueOrThrow({ where: { caseId_month: { caseId, month: MONTH } } });
    expect(row).toMatchObject({ tutoringHours: 6, riskLevel: 'low' });
    expect((row.report as { absentDays: number }).absentDays).toBe(1);
    const amendments = await h.db.checkInAmendment.findMany({
      where: { caseId },
      orderBy: { amendedAt: 'asc' },
    });
    expect(
      amendments.map((a) => [a.authorId, a.previousTutoringHours, a.previousRiskLevel, a.reason]),
    ).toEqual([
      [COORDINATOR, 6, 'low', 'Ghi nhầm số giờ phụ đạo'],
      [THUY, 8, 'medium', 'Em nghỉ một buổi, quên ghi'],
    ]);
    const hoursOf = (r: unknown) => (r as { tutoring: { hours: number } }).tutoring.hours;
    expect(hoursOf(amendments[0]?.report)).toBe(8);
    expect(hoursOf(amendments[1]?.previousReport)).toBe(8);

    const events = await h.db.caseEvent.findMany({ where: { caseId, type: 'case.checkin_amended' } });
    expect(events).toHaveLength(2);
    // The reason is free text: in the amendment row only, never in the event or the audit.
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain('Ghi nhầm');
    const audit = await h.db.auditLog.findMany({ where: { caseId, action: 'checkin.amend' } });
    // The refused attempt used number 1, as a refused note uses its sequence: numbers never repeat.
    expect(audit.map((a) => JSON.parse(a.reason ?? '{}'))).toEqual([
      { month: MONTH, amendment: 2 },
      { month: MONTH, amendment: 3 },
    ]);
    expect((await handle.query(stateQuery)).counters.amend).toBe(3);
  });

  it('writes a correction named by its form once: sent twice, and twice at once', async () => {
    const { caseId, handle } = await h.startActiveCase('st-17', THUY, compressed('2026-12-08', 60_000));
    const checkIn = taskIds.checkIn(caseId, MONTH);
    await waitForState(handle, (s) => s.openTaskIds.includes(checkIn));
    await handle.executeUpdate(fileCheckInUpdate, {
      args: [{ taskId: checkIn, actorId: THUY, report: report() }],
    });
    const amendmentId = randomUUID();
    const args = {
      actorId: THUY,
      month: MONTH,
      report: report({ tutoring: { sessions: 4, hours: 7, subjects: ['Toán'] } }),
      reason: 'Ghi nhầm số giờ',
      amendmentId,
    };
    const blank = await rejection(
      handle.executeUpdate(amendCheckInUpdate, { args: [{ ...args, amendmentId: ' ' }] }),
    );
    expect(blank.refusal).toBe('AMENDMENT_ID_REQUIRED');
    // Twice at once, as the API sends it (the form's id is the update's id)…
    const updateId = updateIds.checkInAmendment(amendmentId);
    const [a, b] = await Promise.all([
      handle.executeUpdate(amendCheckInUpdate, { args: [args], updateId }),
      handle.executeUpdate(amendCheckInUpdate, { args: [args], updateId }),
    ]);
    expect(b.eventId).toBe(a.eventId);
    // …and again under other update ids (a retry that reached a later run, or a second worker):
    // the workflow's key finds the first correction, one after the other and at once.
    const again = await handle.executeUpdate(amendCheckInUpdate, { args: [{ ...args, reason: 'Gửi lại' }] });
    await Promise.all([
      handle.executeUpdate(amendCheckInUpdate, { args: [args] }),
      handle.executeUpdate(amendCheckInUpdate, { args: [args] }),
    ]);
    expect(again.eventId).toBe(a.eventId);

    const amendments = await h.db.checkInAmendment.findMany({ where: { caseId } });
    expect(amendments.map((x) => [x.id, x.reason])).toEqual([
      [`${caseId}:checkin-amend:${amendmentId}`, 'Ghi nhầm số giờ'],
    ]);
    expect(await h.db.caseEvent.count({ where: { caseId, type: 'case.checkin_amended' } })).toBe(1);
    const audit = await h.db.auditLog.findMany({ where: { caseId, action: 'checkin.amend' } });
    expect(audit.map((x) => JSON.parse(x.reason ?? '{}'))).toEqual([
      { month: MONTH, amendment: amendmentId },
    ]);
    const row = await h.db.checkIn.findUniqueOrThrow({ where: { caseId_month: { caseId, month: MONTH } } });
    expect(row.tutoringHours).toBe(7);
    // The counter is for corrections without an id: a named one leaves it alone.
    expect((await handle.query(stateQuery)).counters.amend).toBeUndefined();
  });
});
