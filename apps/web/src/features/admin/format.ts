import { errorText } from '../auth/error-text';

type Lang = 'vi' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** A label pair from the domain package, in the UI's language. */
export const pick = (label: { vi: string; en: string }, language: string) => label[langOf(language)];

/** 'YYYY-MM-DD' as dd/MM/yyyy, read as text so the browser's time zone never shifts the day. */
export function isoDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** A server error in the UI's language (the server always gives Vietnamese, English when it has it). */
export function errorMessage(err: unknown, language: string): string {
  const e = errorText(err);
  return langOf(language) === 'en' ? (e.en ?? e.vi) : e.vi;
}

export interface FieldIssue {
  path: string[];
  message: string;
}

/**
 * Where a server refusal points: `details.issues` of CALENDAR_INVALID, or the zod issues of a
 * VALIDATION_FAILED; both are `{ path, message }` with Vietnamese messages.
 */
export function issuesOf(err: unknown): FieldIssue[] {
  const data = (err as { data?: { issues?: unknown; details?: { issues?: unknown } | null } | null })?.data;
  const list = data?.details?.issues ?? data?.issues;
  return Array.isArray(list) ? (list as FieldIssue[]) : [];
}

/**
 * What an admin types into a date field, dd/mm/yyyy as Vietnamese write it (also with '-' or
 * '.'), as 'YYYY-MM-DD'; null when it is not a real day. Mantine's default parser goes through
 * `new Date(text)`, which reads 05/09/2026 as 9 May.
 */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
