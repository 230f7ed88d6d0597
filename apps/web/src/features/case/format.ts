import dayjs from 'dayjs';
import { errorText } from '../auth/error-text';

type Lang = 'vi' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** A label pair from the domain package, in the UI's language. */
export const pick = (label: { vi: string; en: string } | undefined, language: string, fallback = '') =>
  label ? label[langOf(language)] : fallback;

const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
/** Money the Vietnamese way whatever the UI language: "485.000 ₫". */
export const vnd = (n: number) => vndFormat.format(n);

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const num = (n: number) => numberFormat.format(n);

/** dd/MM/yyyy, the only date format schools read. */
export const dateText = (iso: string | Date | null | undefined) =>
  iso ? dayjs(iso).format('DD/MM/YYYY') : '';
export const dateTimeText = (iso: string | Date | null | undefined) =>
  iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
/** '2026-11' → 'tháng 11/2026' or 'November 2026', through dayjs's locale. */
export const monthText = (month: string) =>
  dayjs(`${month}-01`).format(dayjs.locale() === 'vi' ? 'MMMM/YYYY' : 'MMMM YYYY');

/**
 * A server error in the UI's language (the server always gives Vietnamese, English when it has it).
 * A step the case workflow refused carries its Vietnamese reason ("Hồ sơ không ở bước giúp đỡ"):
 * the generic message alone would not tell the coordinator what to do.
 */
export function errorMessage(err: unknown, language: string): string {
  const e = errorText(err);
  const reason = (err as { data?: { details?: { reason?: unknown } | null } | null })?.data?.details?.reason;
  const detail = typeof reason === 'string' && reason !== '' ? reason : null;
  if (langOf(language) === 'en') return e.en ? `${e.en}${detail ? ` (${detail})` : ''}` : e.vi;
  return detail ? `${e.vi}: ${detail}` : e.vi;
}
