/**
 * A pupil is 3 to 25 years old in the campaign's school year (counted the Vietnamese way, by
 * calendar year: born in 2012 is 14 in the school year 2026–2027). A birth date outside that is a
 * typing error (2099, 1890), never a child the campaign can help.
 */
export const PUPIL_AGE = { min: 3, max: 25 } as const;

/** The birth years a pupil of the school year starting in `schoolYearStart` can have. */
export function pupilBirthYears(schoolYearStart: number): { from: number; to: number } {
  return { from: schoolYearStart - PUPIL_AGE.max, to: schoolYearStart - PUPIL_AGE.min };
}

/** Whether `birthDate` (YYYY-MM-DD, or a Date) fits a pupil of that school year. */
export function birthDateFitsSchoolYear(birthDate: string | Date, schoolYearStart: number): boolean {
  const year = typeof birthDate === 'string' ? Number(birthDate.slice(0, 4)) : birthDate.getUTCFullYear();
  const { from, to } = pupilBirthYears(schoolYearStart);
  return Number.isInteger(year) && year >= from && year <= to;
}
