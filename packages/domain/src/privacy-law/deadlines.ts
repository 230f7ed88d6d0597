// The law's clocks: answering a data subject, notifying a breach, erasing a closed case. Pure,
// zod-free (the retention workflow imports it), no wall clock: every "now" is an argument.

import { addDays, compareIsoDates, type IsoDate, parseIsoDate } from '../campaign/dates';
import type { SchoolCalendar } from '../campaign/schema';
import { birthdayInYear } from './age';

const HOUR_MS = 3_600_000;

export const SUBJECT_REQUEST_KINDS = ['access', 'correction'] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];

/**
 * How long personal data of a closed case is kept: to the end of the school year that is
 * `schoolYearsAfterClosure` years after the one the case closed in (0: the end of that same
 * year). Erased the day after.
 */
export interface RetentionSetting {
  schoolYearsAfterClosure: number;
}

/**
 * A campaign's privacy settings. Defaults (documented in docs/privacy.md):
 * - retention: to the end of the school year after the closure's (1 year), so the office's
 *   reports of the following year and a reopening can still find the case;
 * - answering a data subject's request: 72 hours from receipt — Decree 13/2023 art. 14–15 set
 *   72 hours; Decree 356/2025 (in force 01/01/2026, replacing it) asks for a first response
 *   within 2 working days. The product keeps the stricter 72 hours by default; an admin may set
 *   another figure per campaign when the ministry's guidance says so.
 */
export interface PrivacySettings {
  retention: RetentionSetting;
  accessAnswerHours: number;
  correctionAnswerHours: number;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  retention: { schoolYearsAfterClosure: 1 },
  accessAnswerHours: 72,
  correctionAnswerHours: 72,
};

/** A breach is notified to the Ministry of Public Security's A05 within 72 hours (Decree 13 art. 23; PDPL 2025 art. 23). */
export const BREACH_NOTIFY_HOURS = 72;

/** A campaign's privacy settings with the defaults filled in (settings saved before they existed have none). */
export function privacySettingsOf(settings: {
  privacy?: Partial<PrivacySettings> | undefined;
}): PrivacySettings {
  return { ...DEFAULT_PRIVACY_SETTINGS, ...(settings.privacy ?? {}) };
}

/** When the answer to a data subject's request is due. */
export function subjectRequestDueAt(
  kind: SubjectRequestKind,
  receivedAt: Date,
  settings: PrivacySettings = DEFAULT_PRIVACY_SETTINGS,
): Date {
  const hours = kind === 'access' ? settings.accessAnswerHours : settings.correctionAnswerHours;
  return new Date(receivedAt.getTime() + hours * HOUR_MS);
}

/** By when A05 must be told of a breach detected at `detectedAt`. */
export function breachNotifyBy(detectedAt: Date): Date {
  return new Date(detectedAt.getTime() + BREACH_NOTIFY_HOURS * HOUR_MS);
}

/** Whether an open deadline has passed at `now` (answered or notified ones never are). */
export function isOverdue(dueAt: Date, doneAt: Date | null, now: Date): boolean {
  return doneAt === null && now.getTime() > dueAt.getTime();
}

/**
 * The last day of the school year that holds `day`: the calendar's own year when `day` is within
 * it or before it; a day in the summer after belongs to the next year. Years past the calendars
 * given end on the same day-and-month as the latest known one (the ministry's frame moves by days,
 * not months).
 */
function schoolYearEndHolding(day: IsoDate, calendars: readonly SchoolCalendar[]): IsoDate {
  const sorted = [...calendars].sort((a, b) => compareIsoDates(a.yearEnd, b.yearEnd));
  const known = sorted.find((c) => compareIsoDates(day, c.yearEnd) <= 0);
  if (known) return known.yearEnd;
  const last = sorted[sorted.length - 1];
  if (!last) throw new RangeError('No school-year calendar');
  let end = last.yearEnd;
  while (compareIsoDates(day, end) > 0) end = birthdayInYear(end, parseIsoDate(end).year + 1);
  return end;
}

/**
 * The day a closed case's personal data is erased: the day after the end of the school year
 * `retention.schoolYearsAfterClosure` years after the one the case closed in. `calendars` are the
 * campaign calendars known (the case's own at least; later ones when admins have set them).
 */
export function personalDataEraseOn(
  closedOn: IsoDate,
  calendars: readonly SchoolCalendar[],
  retention: RetentionSetting = DEFAULT_PRIVACY_SETTINGS.retention,
): IsoDate {
  let end = schoolYearEndHolding(closedOn, calendars);
  for (let i = 0; i < retention.schoolYearsAfterClosure; i++) {
    end = schoolYearEndHolding(addDays(end, 1), calendars);
  }
  return addDays(end, 1);
}

/** A hold placed for an inquiry or a dispute; erasure waits while one is not lifted. */
export interface LegalHoldFacts {
  placedAt: Date;
  liftedAt: Date | null;
}

export type ErasureState = 'held' | 'due' | 'not_yet';

/** What the retention workflow does on `today`: wait, erase, or wait for a hold to be lifted. */
export function erasureState(
  eraseOn: IsoDate,
  today: IsoDate,
  holds: readonly LegalHoldFacts[],
): ErasureState {
  if (holds.some((h) => h.liftedAt === null)) return 'held';
  return compareIsoDates(today, eraseOn) >= 0 ? 'due' : 'not_yet';
}
