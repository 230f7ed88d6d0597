import type { BoardCard } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import { filterOptions, isFiltered, matchesFilter, NO_FILTER } from '../src/features/board/board-filter';

const card = (over: Partial<BoardCard>): BoardCard => ({
  caseId: 'c1',
  code: 'HS26-A',
  stage: 'active',
  categories: ['weak_results'],
  schoolId: 's1',
  schoolName: 'THCS A',
  classId: 'cl1',
  className: '7B',
  riskLevel: null,
  helperId: 'u1',
  helperName: 'Cô Lan',
  overdue: false,
  version: 1,
  updatedAt: '2026-11-23T00:00:00.000Z',
  ...over,
});

describe('board filters', () => {
  it('lets everything through when empty', () => {
    expect(matchesFilter(card({}), NO_FILTER)).toBe(true);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('narrows by each field, all together', () => {
    const high = card({ riskLevel: 'high', overdue: true, categories: ['dropout_risk', 'weak_results'] });
    expect(matchesFilter(high, { ...NO_FILTER, risk: 'high' })).toBe(true);
    expect(matchesFilter(card({}), { ...NO_FILTER, risk: 'high' })).toBe(false);
    expect(matchesFilter(high, { ...NO_FILTER, overdueOnly: true })).toBe(true);
    expect(matchesFilter(card({}), { ...NO_FILTER, overdueOnly: true })).toBe(false);
    expect(matchesFilter(high, { ...NO_FILTER, categories: ['dropout_risk'] })).toBe(true);
    expect(matchesFilter(card({}), { ...NO_FILTER, categories: ['dropout_risk'] })).toBe(false);
    expect(matchesFilter(card({}), { ...NO_FILTER, schoolIds: ['s2'] })).toBe(false);
    expect(matchesFilter(card({}), { ...NO_FILTER, className: '7B', helperId: 'u1' })).toBe(true);
    expect(matchesFilter(card({}), { ...NO_FILTER, className: '7B', helperId: 'u2' })).toBe(false);
  });

  it('offers only the values on the board, classes in natural order', () => {
    const o = filterOptions([card({ className: '10A1' }), card({ className: '9A', helperId: null })]);
    expect(o.classes).toEqual(['9A', '10A1']);
    expect([...o.helpers.keys()]).toEqual(['u1']);
    expect([...o.schools]).toEqual([['s1', 'THCS A']]);
  });
});
