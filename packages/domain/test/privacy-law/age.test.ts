import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageAt,
  ageOn,
  CHILD_CONSENT_AGE,
  childConsentNeeded,
  dayReachingAge,
  isoDateAt,
} from '../../src';

describe('the child’s age on a day', () => {
  it('turns a year older on the birthday, not the day after nor before', () => {
    expect(ageOn('2019-03-10', '2026-03-09')).toBe(6);
    expect(ageOn('2019-03-10', '2026-03-10')).toBe(7);
    expect(ageOn('2019-03-10', '2026-12-31')).toBe(7);
    expect(ageOn('2019-03-10', '2019-03-10')).toBe(0);
  });

  it('counts a 29/02 birthday on 28/02 in a common year (Civil Code art. 148)', () => {
    expect(ageOn('2016-02-29', '2023-02-27')).toBe(6);
    expect(ageOn('2016-02-29', '2023-02-28')).toBe(7);
    expect(ageOn('2016-02-29', '2024-02-28')).toBe(7);
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
    expect(dayReachingAge('2016-02-29')).toBe('2023-02-28');
  });

  it('takes the day in Vietnam of an instant, whatever the machine’s time zone', () => {
    // 17:30 UTC on 09/03 is already 00:30 on 10/03 in Hà Nội: the seventh birthday.
    expect(ageAt('2019-03-10', new Date('2026-03-09T17:30:00Z'))).toBe(7);
    expect(ageAt('2019-03-10', new Date('2026-03-09T16:59:59Z'))).toBe(6);
  });

  it('asks the child from 7, and when the birth date is unknown', () => {
    expect(CHILD_CONSENT_AGE).toBe(7);
    expect(childConsentNeeded('2019-03-10', '2026-03-09')).toBe(false);
    expect(childConsentNeeded('2019-03-10', '2026-03-10')).toBe(true);
    expect(childConsentNeeded(null, '2026-03-10')).toBe(true);
  });

  it('agrees with the day the child reaches 7, for any birth date and any day', () => {
    const day = fc
      .date({
        min: new Date('2005-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => isoDateAt(d, 0));
    fc.assert(
      fc.property(day, day, (born, on) => {
        if (on < born) return;
        const seven = dayReachingAge(born);
        expect(childConsentNeeded(born, on)).toBe(on >= seven);
        expect(ageOn(born, addDays(seven, -1))).toBe(6);
        expect(ageOn(born, seven)).toBe(7);
      }),
    );
  });
});
