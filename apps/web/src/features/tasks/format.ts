import dayjs from 'dayjs';
import { errorText } from '../auth/error-text';

const vndFormat = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "1.234.568 ₫", whatever the UI language: money in this product is always written the Vietnamese way. */
export const formatVnd = (n: number) => vndFormat.format(Number.isFinite(n) ? n : 0);
export const formatNumber = (n: number) => numberFormat.format(Number.isFinite(n) ? n : 0);

/** dd/MM/yyyy with the weekday (dayjs follows the UI language). */
export const formatDue = (iso: string) => dayjs(iso).format('dddd, DD/MM/YYYY');

/** "2026-11" → "11/2026". */
export const formatMonth = (key: string) => {
  const [y, m] = key.split('-');
  return m && y ? `${m}/${y}` : key;
};

export function errorMessage(err: unknown, language: string): string {
  const e = errorText(err);
  return language === 'en' && e.en ? e.en : e.vi;
}

/** A number from a form field that may still hold '' or a string while typing. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
