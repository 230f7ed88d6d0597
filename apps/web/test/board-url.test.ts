import type { BoardCard } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import {
  filterFromParams,
  matchesSearch,
  NO_FILTER,
  paramsFromFilter,
} from '../src/features/board/board-filter';

const card = (over: Partial<BoardCard>): BoardCard => ({
  caseId: 'c1',
  code: 'HS26-AB12CD',
  stage: 'active',
  categories: ['weak_results'],
  schoolId: 's1',
  schoolName: 'THCS A',
  classId: 'cl1',
  className: '7B',
  riskLevel: null,
  helperId: null,
  helperName: null,
  overdue: false,
  version: 1,
  updatedAt: '2026-11-23T00:00:00.000Z',
  ...over,
});

describe('board filters in the address (issue 14)', () => {
  it('round-trips every filter, and an empty filter is an empty query', () => {
    const f = {
      schoolIds: ['s1', 's2'],
      className: '7B',
      categories: ['weak_results' as const, 'economic_hardship' as const],
      risk: 'high' as const,
      helperId: 'u-gv-lan',
      overdueOnly: true,
    };
    expect(filterFromParams(paramsFromFilter(f))).toEqual(f);
    expect(paramsFromFilter(NO_FILTER).toString()).toBe('');
    expect(filterFromParams(new URLSearchParams())).toEqual(NO_FILTER);
  });

  it('drops what it does not know from a hand-edited link', () => {
    const f = filterFromParams(new URLSearchParams('risk=extreme&category=weak_results,bogus&overdue=yes'));
    expect(f).toEqual({ ...NO_FILTER, categories: ['weak_results'] });
  });
});

describe('the board search', () => {
  it('finds a case by code, and by name only on a card that carries it, without accents', () => {
    const named = card({ studentName: 'Cầm Thị Bích' });
    expect(matchesSearch(named, 'cam thi bich', true)).toBe(true);
    expect(matchesSearch(named, 'CẦM', true)).toBe(true);
    expect(matchesSearch(named, 'ab12', true)).toBe(true);
    expect(matchesSearch(named, 'hs26ab12cd', true)).toBe(true);
    // Presentation mode hides names: no finding by one either.
    expect(matchesSearch(named, 'bich', false)).toBe(false);
    // A masked card has no name: a name finds nothing.
    expect(matchesSearch(card({}), 'bich', true)).toBe(false);
    expect(matchesSearch(card({}), '', false)).toBe(true);
  });
});
