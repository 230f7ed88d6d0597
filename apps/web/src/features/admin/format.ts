export { langOf, pick } from '../../shared/format';
export { errorMessage } from '../auth/error-text';

/** 'YYYY-MM-DD' as dd/MM/yyyy, read as text so the browser's time zone never shifts the day. */
export function isoDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
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
