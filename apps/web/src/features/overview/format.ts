import { errorText } from '../auth/error-text';

const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
/** Money the Vietnamese way whatever the UI language: "1.234.568 ₫". */
export const vnd = (n: number) => vndFormat.format(n);
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const num = (n: number) => numberFormat.format(n);
const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
export const percent = (part: number, whole: number) => percentFormat.format(whole === 0 ? 0 : part / whole);

export const pick = (label: { vi: string; en: string } | undefined, language: string, fallback = '') =>
  label ? label[language === 'en' ? 'en' : 'vi'] : fallback;

export function errorMessage(err: unknown, language: string): string {
  const e = errorText(err);
  return language === 'en' ? (e.en ?? e.vi) : e.vi;
}
