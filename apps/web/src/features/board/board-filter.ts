import type { BoardCard, CaseCategory } from '@donghanh/domain';

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
