import { DAY_MS, dateAt, pinnedClock, realClock } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import { legalToday, pinnedToday, systemClock, systemNow, systemToday } from '../src/clock';

// 02/12/2026 at 08:00 in Vietnam: the day the demo's November test broke.
const NOW = Date.UTC(2026, 11, 2, 1);

describe('the pinned school calendar (DONGHANH_TODAY)', () => {
  it('follows the wall clock when unset or "today"', () => {
    expect(systemClock(NOW, {})).toEqual(realClock(NOW));
    expect(systemToday(NOW, { DONGHANH_TODAY: 'today' })).toBe('2026-12-02');
  });

  it('reads as the pinned day, with days still passing in real time', () => {
    const env = { DONGHANH_TODAY: '2026-11-23' };
    const clock = systemClock(NOW, env);
    expect(clock.msPerDay).toBe(DAY_MS);
    expect(dateAt(NOW, clock)).toBe('2026-11-23');
    expect(dateAt(NOW + DAY_MS, clock)).toBe('2026-11-24');
    // The day turns at midnight in Vietnam, as on the real clock.
    expect(clock.anchorMs).toBe(realClock(NOW).anchorMs);
    expect(systemToday(NOW, env)).toBe('2026-11-23');
  });

  it('refuses a day that is not YYYY-MM-DD, in both languages', () => {
    for (const bad of ['23/11/2026', '2026-02-30', 'tomorrow'])
      expect(() => pinnedToday({ DONGHANH_TODAY: bad })).toThrow(
        /không phải một ngày.*is not a YYYY-MM-DD day/,
      );
  });

  it('is pinned in the test run itself, so no test depends on the day it runs', () => {
    expect(pinnedToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives every legal date one today: the calendar’s, or a case clock’s when it runs later', () => {
    const env = { DONGHANH_TODAY: '2026-11-23' };
    expect(legalToday({ now: NOW, env })).toBe('2026-11-23');
    expect(legalToday({ now: NOW, env: {} })).toBe('2026-12-02');
    // A case started on the pinned day three days ago counts on from it.
    const started = pinnedClock(NOW - 3 * DAY_MS, '2026-11-23');
    expect(legalToday({ now: NOW, env, clock: started })).toBe('2026-11-26');
    // A case clock behind the calendar never moves today back.
    expect(legalToday({ now: NOW, env, clock: pinnedClock(NOW, '2026-09-01') })).toBe('2026-11-23');
  });

  it('moves now onto the pinned day, keeping the time of day', () => {
    expect(systemNow(NOW, {}).getTime()).toBe(NOW);
    expect(systemNow(NOW, { DONGHANH_TODAY: '2026-11-23' }).toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });
});
