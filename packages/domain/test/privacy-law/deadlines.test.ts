import { describe, expect, it } from 'vitest';
import {
  breachNotifyBy,
  campaignSettingsSchema,
  DEFAULT_2025_2026,
  DEFAULT_2026_2027,
  DEFAULT_PRIVACY_SETTINGS,
  erasureState,
  isOverdue,
  personalDataEraseOn,
  privacySettingsOf,
  subjectRequestDueAt,
} from '../../src';

const Y25 = DEFAULT_2025_2026.calendar; // 05/09/2025 – 30/05/2026
const Y26 = DEFAULT_2026_2027.calendar; // 05/09/2026 – 29/05/2027

describe('the erase-on day of a closed case', () => {
  it('by default keeps the data to the end of the school year after the closure’s', () => {
    expect(personalDataEraseOn('2026-03-15', [Y25, Y26])).toBe('2027-05-30');
    // closed in the summer: that summer belongs to the next school year
    expect(personalDataEraseOn('2026-07-10', [Y25, Y26])).toBe('2028-05-30');
    expect(personalDataEraseOn('2026-05-30', [Y25, Y26])).toBe('2027-05-30');
    expect(personalDataEraseOn('2026-05-31', [Y25, Y26])).toBe('2028-05-30');
  });

  it('follows the setting: 0 keeps to the end of the closure’s own year', () => {
    expect(personalDataEraseOn('2026-03-15', [Y25, Y26], { schoolYearsAfterClosure: 0 })).toBe('2026-05-31');
    expect(personalDataEraseOn('2026-03-15', [Y25, Y26], { schoolYearsAfterClosure: 2 })).toBe('2028-05-30');
  });

  it('without a later calendar, ends later years on the same day and month', () => {
    expect(personalDataEraseOn('2026-03-15', [Y25])).toBe('2027-05-31');
  });
});

describe('deadlines of the law', () => {
  it('answers a data subject 72 hours after receipt by default, or as the campaign says', () => {
    const received = new Date('2026-12-02T09:00:00+07:00');
    expect(subjectRequestDueAt('access', received).toISOString()).toBe('2026-12-05T02:00:00.000Z');
    const settings = privacySettingsOf({
      privacy: { ...DEFAULT_PRIVACY_SETTINGS, correctionAnswerHours: 240 },
    });
    expect(subjectRequestDueAt('correction', received, settings).toISOString()).toBe(
      '2026-12-12T02:00:00.000Z',
    );
    expect(privacySettingsOf({})).toEqual(DEFAULT_PRIVACY_SETTINGS);
  });

  it('tells A05 of a breach within 72 hours of its detection', () => {
    const by = breachNotifyBy(new Date('2026-12-02T01:00:00Z'));
    expect(by.toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(isOverdue(by, null, new Date('2026-12-05T01:00:01Z'))).toBe(true);
    expect(isOverdue(by, new Date('2026-12-04T00:00:00Z'), new Date('2026-12-06T00:00:00Z'))).toBe(false);
  });

  it('waits while a legal hold is not lifted', () => {
    const hold = { placedAt: new Date('2027-01-01T00:00:00Z'), liftedAt: null };
    expect(erasureState('2027-05-30', '2027-06-01', [hold])).toBe('held');
    expect(
      erasureState('2027-05-30', '2027-06-01', [{ ...hold, liftedAt: new Date('2027-02-01T00:00:00Z') }]),
    ).toBe('due');
    expect(erasureState('2027-05-30', '2027-05-29', [])).toBe('not_yet');
    expect(erasureState('2027-05-30', '2027-05-30', [])).toBe('due');
  });

  it('keeps the privacy block of a campaign’s settings, and refuses a bad one', () => {
    const parsed = campaignSettingsSchema.parse({ ...DEFAULT_2026_2027, privacy: DEFAULT_PRIVACY_SETTINGS });
    expect(parsed.privacy).toEqual(DEFAULT_PRIVACY_SETTINGS);
    expect(campaignSettingsSchema.parse(DEFAULT_2026_2027).privacy).toBeUndefined();
    const bad = campaignSettingsSchema.safeParse({
      ...DEFAULT_2026_2027,
      privacy: { ...DEFAULT_PRIVACY_SETTINGS, retention: { schoolYearsAfterClosure: 9 } },
    });
    expect(bad.success).toBe(false);
  });
});
