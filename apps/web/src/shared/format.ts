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

// a11y: words and small things (issue 14) — terms, hours, material help, where a pupil studies
const ROMAN = ['', 'I', 'II'] as const;

/**
 * A term key ('2026-2027-HK1') the way a school says it: "Học kỳ I, năm học 2026–2027". A key
 * of another shape is returned as it is rather than guessed at.
 */
export function termText(term: string | null | undefined, language: string): string {
  if (!term) return '';
  const m = /^(\d{4})-(\d{4})-HK([12])$/.exec(term);
  if (!m) return term;
  const [, from, to, n] = m;
  return langOf(language) === 'en'
    ? `Semester ${n}, school year ${from}–${to}`
    : `Học kỳ ${ROMAN[Number(n)]}, năm học ${from}–${to}`;
}

/** Hours of tutoring with the word, not a bare "h": "6,5 giờ" / "6,5 hours". */
export function hoursText(hours: number, language: string): string {
  if (langOf(language) === 'vi') return `${num(hours)} giờ`;
  return `${num(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
}

const MATERIAL_WORDS: Record<string, { vi: string; en: string; unitVi: string; unitEn: string }> = {
  money: { vi: 'tiền mặt', en: 'cash', unitVi: '', unitEn: '' },
  rice: { vi: 'gạo', en: 'rice', unitVi: 'kg', unitEn: 'kg' },
  clothes: { vi: 'quần áo', en: 'clothes', unitVi: 'bộ', unitEn: 'sets of' },
  books: { vi: 'sách vở', en: 'books', unitVi: 'quyển', unitEn: '' },
  supplies: { vi: 'đồ dùng học tập', en: 'school supplies', unitVi: 'bộ', unitEn: 'sets of' },
  bicycle: { vi: 'xe đạp', en: 'bicycles', unitVi: 'chiếc', unitEn: '' },
  other: { vi: 'hiện vật khác', en: 'other goods', unitVi: '', unitEn: '' },
};

/**
 * One item of material help, quantity with its unit before the goods and the value after:
 * "15 kg gạo · 250.000 ₫"; money is its amount: "Tiền mặt · 500.000 ₫".
 */
export function materialText(
  item: { kind: string; quantity: number; valueVnd?: number | undefined },
  language: string,
): string {
  const l = langOf(language);
  const w = MATERIAL_WORDS[item.kind];
  // Goods measured in kg may come without a value (₫): no "0 ₫" then.
  const value = item.valueVnd === undefined ? '' : ` · ${vnd(item.valueVnd)}`;
  if (!w) return `${item.kind} ${num(item.quantity)}${value}`;
  const goods = l === 'en' ? w.en : w.vi;
  if (item.kind === 'money') return `${goods[0]?.toUpperCase()}${goods.slice(1)}${value}`;
  const unit = l === 'en' ? w.unitEn : w.unitVi;
  const what = unit ? `${num(item.quantity)} ${unit} ${goods}` : `${num(item.quantity)} ${goods}`;
  return item.valueVnd !== undefined && item.valueVnd > 0 ? `${what}${value}` : what;
}

/**
 * Where a pupil studies, leaving out what is not known: "Lớp 7A · THCS Chiềng Lề", or just the
 * school for a pupil not yet in a class (never "Lớp  · …").
 */
export function placeText(
  className: string | null | undefined,
  school: string | null | undefined,
  classWord: string,
): string {
  const cls = className?.trim();
  return [cls ? `${classWord} ${cls}` : '', school?.trim() ?? ''].filter(Boolean).join(' · ');
}
