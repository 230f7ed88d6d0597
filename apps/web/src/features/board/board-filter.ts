import { type BoardCard, CASE_CATEGORIES, type CaseCategory, searchKey } from '@donghanh/domain';

/** The board's filters; an empty field lets every card through. Pure, so it is unit-tested. */
export interface BoardFilter {
  schoolIds: string[];
  className: string | null;
  categories: CaseCategory[];
  risk: 'high' | 'medium' | 'low' | null;
  helperId: string | null;
  overdueOnly: boolean;
}

export const NO_FILTER: BoardFilter = {
  schoolIds: [],
  className: null,
  categories: [],
  risk: null,
  helperId: null,
  overdueOnly: false,
};

export function matchesFilter(card: BoardCard, f: BoardFilter): boolean {
  if (f.schoolIds.length > 0 && !f.schoolIds.includes(card.schoolId)) return false;
  if (f.className && card.className !== f.className) return false;
  if (f.categories.length > 0 && !card.categories.some((c) => f.categories.includes(c))) return false;
  if (f.risk && card.riskLevel !== f.risk) return false;
  if (f.helperId && card.helperId !== f.helperId) return false;
  if (f.overdueOnly && !card.overdue) return false;
  return true;
}

export function isFiltered(f: BoardFilter): boolean {
  return (
    f.schoolIds.length > 0 ||
    f.className !== null ||
    f.categories.length > 0 ||
    f.risk !== null ||
    f.helperId !== null ||
    f.overdueOnly
  );
}

/** The choices each filter offers: only values present on the board. */
export function filterOptions(cards: Iterable<BoardCard>) {
  const schools = new Map<string, string>();
  const classes = new Set<string>();
  const helpers = new Map<string, string>();
  for (const c of cards) {
    schools.set(c.schoolId, c.schoolName);
    if (c.className) classes.add(c.className);
    if (c.helperId) helpers.set(c.helperId, c.helperName ?? c.helperId);
  }
  return {
    schools,
    classes: [...classes].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true })),
    helpers,
  };
}

// wall (issue 14): filters in the address (a reload or a shared link keeps them), and the search box.

const RISKS = ['high', 'medium', 'low'] as const;
const listParam = (v: string | null) => (v ? v.split(',').filter((x) => x.length > 0 && x.length <= 64) : []);

/** The filters a URL's query holds; anything unknown or malformed is dropped, never trusted. */
export function filterFromParams(p: URLSearchParams): BoardFilter {
  const risk = p.get('risk');
  const className = p.get('class');
  const helperId = p.get('helper');
  return {
    schoolIds: listParam(p.get('school')).slice(0, 500),
    className: className && className.length <= 64 ? className : null,
    categories: listParam(p.get('category')).filter((c): c is CaseCategory =>
      (CASE_CATEGORIES as readonly string[]).includes(c),
    ),
    risk: (RISKS as readonly string[]).includes(risk ?? '') ? (risk as BoardFilter['risk']) : null,
    helperId: helperId && helperId.length <= 64 ? helperId : null,
    overdueOnly: p.get('overdue') === '1',
  };
}

/** The query for `f`: only what is set, in a fixed order, so equal filters give equal links. */
export function paramsFromFilter(f: BoardFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.schoolIds.length) p.set('school', f.schoolIds.join(','));
  if (f.className) p.set('class', f.className);
  if (f.categories.length) p.set('category', f.categories.join(','));
  if (f.risk) p.set('risk', f.risk);
  if (f.helperId) p.set('helper', f.helperId);
  if (f.overdueOnly) p.set('overdue', '1');
  return p;
}

/**
 * The search box: a case code always, and the child's name only on a card that carries it — a
 * masked card has no name field, so no one can find (or probe for) a name they may not see.
 * Without accents and case ("nguyen van" finds "Nguyễn Văn …"). Kept out of the address: a
 * child's name does not belong in a browser's history.
 */
export function matchesSearch(card: BoardCard, query: string, namesShown: boolean): boolean {
  const q = searchKey(query);
  if (!q) return true;
  if (
    searchKey(card.code).includes(q) ||
    searchKey(card.code).replace(/-/g, '').includes(q.replace(/-/g, ''))
  )
    return true;
  return namesShown && card.studentName !== undefined && searchKey(card.studentName).includes(q);
}
