import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDue } from '../src/features/tasks/format';
import { dueDay } from '../src/shared/format';

/**
 * December's check-in is due on 25/12 (the campaign calendar); its deadline instant is midnight
 * at the end of that day, 2026-12-25T17:00Z. A browser in Vietnam read that instant as 26/12 and
 * teachers filed a day late. The screens show the stored day, whatever the viewer's zone.
 */
const checkIn = { dueOn: '2026-12-25', dueAt: '2026-12-25T17:00:00.000Z' };

describe.each(['Asia/Ho_Chi_Minh', 'UTC', 'America/Los_Angeles'])('the due day in %s', (zone) => {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = before;
  });

  it('is the calendar day for a task set by the campaign calendar', () => {
    expect(formatDue(checkIn)).toMatch(/, 25\/12\/2026$/);
    expect(dueDay(checkIn)?.format('DD/MM/YYYY')).toBe('25/12/2026');
  });

  it("is the deadline instant's day for a task without a calendar day", () => {
    const instant = new Date(2026, 11, 9, 10, 0).toISOString(); // 10:00 on 9/12 in this zone
    expect(dueDay({ dueOn: null, dueAt: instant })?.format('DD/MM/YYYY')).toBe('09/12/2026');
  });

  it('is nothing when the task has no deadline', () => {
    expect(dueDay({ dueOn: null, dueAt: null })).toBeNull();
    expect(formatDue({})).toBe('');
  });
});
