import type { BoardCard } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import { boardAnnouncement } from '../src/features/board/announce';

const card = (caseId: string, stage: BoardCard['stage'], studentName?: string): BoardCard => ({
  caseId,
  code: `HS26-${caseId}`,
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
  version: 1,
  updatedAt: '2026-11-23T00:00:00.000Z',
  ...(studentName ? { studentName } : {}),
});
const board = (...cards: BoardCard[]) => new Map(cards.map((c) => [c.caseId, c]));

describe('the board read out to a screen reader', () => {
  it('says a move in one sentence, by code, never the name', () => {
    const said = boardAnnouncement(
      board(card('a', 'assignment', 'Lò Văn Ánh')),
      board(card('a', 'plan', 'Lò Văn Ánh')),
      'vi',
    );
    expect(said).toBe('Hồ sơ HS26-a chuyển sang Kế hoạch giúp đỡ.');
    expect(said).not.toContain('Ánh');
  });

  it('gathers a burst into one message and says how many more', () => {
    const before = board(card('a', 'identified'), card('b', 'identified'), card('x', 'closure'));
    const after = board(
      card('a', 'assignment'),
      card('b', 'assignment'),
      card('c', 'identified'),
      card('d', 'identified'),
    );
    const said = boardAnnouncement(before, after, 'vi');
    expect(said.split('; ')).toHaveLength(4);
    expect(said).toContain('và 2 hồ sơ khác thay đổi');
    expect(boardAnnouncement(before, after, 'en')).toContain('and 2 more cases changed');
  });

  it('stays silent when no card changed column', () => {
    const before = board(card('a', 'active'));
    const after = board({ ...card('a', 'active'), riskLevel: 'high', version: 2 });
    expect(boardAnnouncement(before, after, 'vi')).toBe('');
  });
});
