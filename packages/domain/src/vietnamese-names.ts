/**
 * Vietnamese names are sorted by given name (the last word), then middle names, then family
 * name, with the Vietnamese collator — code-point order would put Đ and Ư after Z.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Accent-aware tie-break; one instance, since `localeCompare` builds a collator per call. */
const accentAware = new Intl.Collator('vi');

export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const parts = normalizeName(fullName).split(' ').filter(Boolean);
  if (parts.length === 0) return { family: '', middle: '', given: '' };
  if (parts.length === 1) return { family: '', middle: '', given: parts[0] ?? '' };
  return {
    family: parts[0] ?? '',
    middle: parts.slice(1, -1).join(' '),
    given: parts[parts.length - 1] ?? '',
  };
}

export function compareVietnameseNames(a: string, b: string): number {
  const x = splitVietnameseName(a);
  const y = splitVietnameseName(b);
  return (
    collator.compare(x.given, y.given) ||
    collator.compare(x.middle, y.middle) ||
    collator.compare(x.family, y.family) ||
    // base sensitivity treats "An" and "Ân" as equal: fall back to an accent-aware order
    accentAware.compare(a, b)
  );
}

/**
 * NFC, single spaces, trimmed, each word starting with a capital ("cầm  thị xuân" → "Cầm Thị
 * Xuân"): names from Excel and forms arrive in NFC and NFD, in any case.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** Accent-free lower-case form for search: "Nguyễn Văn Đạt" → "nguyen van dat". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
