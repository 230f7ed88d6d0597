import type { BoardCard, LiveCaseEvent } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import { applyLiveEvent, applyLiveRemoval, initialBoard } from '../src/features/board/board-state';

const card = (caseId: string, version: number, stage: BoardCard['stage'] = 'identified'): BoardCard => ({
  caseId,
  code: `HS25-${caseId}`,
  stage,
  categories: ['weak_results'],
  schoolId: 's1',
  schoolName: 'Trường THCS A',
  classId: null,
  className: '6A',
  riskLevel: null,
  helperId: null,
  helperName: null,
  overdue: false,
  version,
  updatedAt: '2025-09-05T00:00:00.000Z',
});
const event = (id: string, c: BoardCard): LiveCaseEvent => ({
  id,
  cursor: `100-${id}`,
  caseId: c.caseId,
  type: 'case.changed',
  at: c.updatedAt,
  card: c,
});

describe('board state', () => {
  it('adds a new card and moves an existing one', () => {
    let s = initialBoard([card('a', 1)], '1-0');
    s = applyLiveEvent(s, event('1', card('b', 1)), 0);
    s = applyLiveEvent(s, event('2', card('a', 2, 'assignment')), 0);
    expect(s.cards.get('b')?.stage).toBe('identified');
    expect(s.cards.get('a')?.stage).toBe('assignment');
    expect(s.cursor).toBe('100-2');
  });

  it('ignores a replayed event and an older version of a card', () => {
    let s = initialBoard([card('a', 3, 'plan')], '1-0');
    const before = s;
    s = applyLiveEvent(s, event('7', card('a', 2, 'assignment')), 0);
    expect(s.cards.get('a')?.stage).toBe('plan');
    const again = applyLiveEvent(s, event('7', card('a', 2, 'assignment')), 0);
    expect(again).toBe(s);
    expect(before.cards.get('a')?.version).toBe(3);
  });

  it('drops the card of a case that left the audience, once, and takes it back on a later event', () => {
    let s = initialBoard([card('a', 3, 'plan'), card('b', 1)], '1-0');
    s = applyLiveRemoval(s, { id: '8', cursor: '100-8', caseId: 'a' });
    expect([...s.cards.keys()]).toEqual(['b']);
    expect(s.cursor).toBe('100-8');
    expect(applyLiveRemoval(s, { id: '8', cursor: '100-8', caseId: 'a' })).toBe(s);
    s = applyLiveEvent(s, event('9', card('a', 5, 'active')), 0);
    expect(s.cards.get('a')?.stage).toBe('active');
  });
});
