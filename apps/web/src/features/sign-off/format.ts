import { errorText } from '../auth/error-text';

type Lang = 'vi' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** A label pair from the domain package, in the UI's language. */
export const pick = (label: { vi: string; en: string }, language: string) => label[langOf(language)];

const vndFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
export const vnd = (n: number) => vndFormat.format(n);

/** dd/MM/yyyy whatever the browser's locale. */
export function dateText(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A server error in the UI's language (the server always gives Vietnamese, English when it has it). */
export function errorMessage(err: unknown, language: string): string {
  const e = errorText(err);
  return langOf(language) === 'en' ? (e.en ?? e.vi) : e.vi;
}
