import dayjs from 'dayjs';

/** Formatting every screen shares: money, numbers and dates the way Vietnamese schools write them. */
export type Lang = 'vi' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** A label pair from the domain package, in the UI's language. */
export const pick = (label: { vi: string; en: string } | undefined, language: string, fallback = '') =>
  label ? label[langOf(language)] : fallback;

const vndFormat = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});
/** Money the Vietnamese way whatever the UI language: "485.000 ₫". */
export const vnd = (n: number) => vndFormat.format(Number.isFinite(n) ? n : 0);

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const num = (n: number) => numberFormat.format(n);

/** dd/MM/yyyy, the only date format schools read. */
export const dateText = (iso: string | Date | null | undefined) =>
  iso ? dayjs(iso).format('DD/MM/YYYY') : '';
/**
 * The day a task is due: the calendar's day when the task has one ('2026-12-25' is 25/12 in any
 * zone), else the day its deadline instant falls on for this viewer. Never the deadline instant
 * of a calendar day — that is midnight at the end of the day, i.e. already the next day.
 */
export const dueDay = (task: { dueOn?: string | null; dueAt?: string | Date | null }) =>
  task.dueOn ? dayjs(task.dueOn) : task.dueAt ? dayjs(task.dueAt) : null;
export const dateTimeText = (iso: string | Date | null | undefined) =>
  iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
