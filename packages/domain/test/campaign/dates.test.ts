import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatViDate,
  isIsoDate,
  isoDateAt,
  monthBounds,
  monthKey,
  nextMonth,
  parseIsoDate,
  weekday,
} from '../../src/campaign';

describe('UTC date helpers on YYYY-MM-DD strings', () => {
  it('knows the length of months, leap years included', () => {
    expect(daysInMonth(2025, 11)).toBe(30);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-09-05')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2025-11-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-9-5')).toBe(false);
    expect(isIsoDate('05/09/2025')).toBe(false);
    expect(isIsoDate('2025-09-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250905)).toBe(false);
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(parseIsoDate('2026-01-17')).toEqual({ year: 2026, month: 1, day: 17 });
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-11-28', 3)).toBe('2025-12-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-09-05', 0)).toBe('2025-09-05');
    expect(() => addDays('2025-09-05', 1.5)).toThrow(RangeError);
    expect(daysBetween('2025-09-05', '2026-05-30')).toBe(267);
    expect(daysBetween('2026-05-30', '2025-09-05')).toBe(-267);
    expect(compareIsoDates('2025-12-25', '2026-05-25')).toBeLessThan(0);
  });

  it('gives weekdays (checked against `date -d`)', () => {
    expect(weekday('2025-09-05')).toBe(5); // Friday
    expect(weekday('2025-11-30')).toBe(0); // Sunday
    expect(weekday('2026-01-17')).toBe(6); // Saturday
    expect(weekday('2026-02-17')).toBe(2); // Tuesday, mùng 1 Tết
    expect(weekday('2026-04-26')).toBe(0); // Sunday, Giỗ Tổ
    expect(weekday('2026-05-30')).toBe(6); // Saturday
  });

  it('writes months and Vietnamese dates', () => {
    expect(formatIsoDate(2026, 2, 0)).toBe('2026-01-31');
    expect(formatIsoDate(2026, 2, 29)).toBe('2026-03-01');
    expect(formatIsoDate(25, 1, 1)).toBe('0025-01-01');
    expect(monthKey({ year: 2025, month: 9 })).toBe('2025-09');
    expect(nextMonth({ year: 2025, month: 12 })).toEqual({ year: 2026, month: 1 });
    expect(monthBounds({ year: 2026, month: 2 })).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(() => monthBounds({ year: 2026, month: 13 })).toThrow(RangeError);
    expect(formatViDate('2025-09-05')).toBe('05/09/2025');
  });

  it('turns an instant into the day in Vietnam (UTC+7) without local time', () => {
    expect(isoDateAt(new Date('2025-12-24T16:59:59Z'))).toBe('2025-12-24');
    expect(isoDateAt(new Date('2025-12-24T17:00:00Z'))).toBe('2025-12-25');
    expect(isoDateAt(new Date('2025-12-24T18:00:00Z'), 0)).toBe('2025-12-24');
    expect(() => isoDateAt(new Date('nope'))).toThrow(RangeError);
  });
});
