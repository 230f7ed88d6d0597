// A child's age on a day of the school's calendar, for the law's "from the age of 7" rule.
// Zod-free and clock-free: workflow code may import it (a child who turns 7 during a case).
import { daysInMonth, formatIsoDate, type IsoDate, isoDateAt, parseIsoDate } from '../campaign/dates';

/** From this age the child's own consent is needed too (Decree 13/2023 art. 20; PDPL 2025). */
export const CHILD_CONSENT_AGE = 7;

/**
 * The day a person born on `birthDate` turns `years` old. A birthday on 29/02 falls on 28/02 in
 * a common year: the Civil Code (2015, art. 148) ends a period counted in years on the last day
 * of the month when that month has no such day.
 */
export function birthdayInYear(birthDate: IsoDate, year: number): IsoDate {
  const { month, day } = parseIsoDate(birthDate);
  return formatIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The day the child reaches `years` (by default the consent age). */
export function dayReachingAge(birthDate: IsoDate, years = CHILD_CONSENT_AGE): IsoDate {
  return birthdayInYear(birthDate, parseIsoDate(birthDate).year + years);
}

/**
 * Age in whole years on `onDate`, both calendar days in Vietnam (no time zone involved: a day is
 * a day). Negative never: a date before the birth gives -1, which callers treat as invalid.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const born = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  const years = on.year - born.year;
  return onDate < birthdayInYear(birthDate, on.year) ? years - 1 : years;
}

/** Age on the Vietnamese calendar day of an instant (UTC+7): 2026-03-09T18:00Z is already 10/03. */
export function ageAt(birthDate: IsoDate, instant: Date): number {
  return ageOn(birthDate, isoDateAt(instant));
}

/**
 * Whether the child's own consent is needed on `onDate`. An unknown birth date cannot prove the
 * child is under 7, so the answer is yes: the law asks that the age be verified.
 */
export function childConsentNeeded(birthDate: IsoDate | null, onDate: IsoDate): boolean {
  return birthDate === null || ageOn(birthDate, onDate) >= CHILD_CONSENT_AGE;
}
