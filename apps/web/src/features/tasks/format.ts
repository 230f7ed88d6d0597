import { dueDay, vnd } from '../../shared/format';

export { errorMessage } from '../auth/error-text';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "1.234.568 ₫", whatever the UI language. */
export const formatVnd = vnd;
export const formatNumber = (n: number) => numberFormat.format(Number.isFinite(n) ? n : 0);

/** The due day, dd/MM/yyyy with the weekday (dayjs follows the UI language). */
export const formatDue = (task: { dueOn?: string | null; dueAt?: string | Date | null }) =>
  dueDay(task)?.format('dddd, DD/MM/YYYY') ?? '';

/** "2026-11" → "11/2026". */
export const formatMonth = (key: string) => {
  const [y, m] = key.split('-');
  return m && y ? `${m}/${y}` : key;
};

/** A number from a form field that may still hold '' or a string while typing. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
