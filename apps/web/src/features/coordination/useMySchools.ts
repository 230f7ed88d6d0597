import type { BoardCard } from '@donghanh/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../trpc';

export interface MySchool {
  schoolId: string;
  schoolName: string;
}

/**
 * The schools the caller coordinates or heads. The session holds unit ids only, so the school
 * ids come from the board: a coordinator's or principal's board names the children of their own
 * schools (other cards are masked), so the schools of named cards are theirs. A school with no
 * case yet is not found this way.
 */
export function useMySchools() {
  const trpc = useTRPC();
  const board = useQuery(trpc.board.cards.queryOptions({}));
  const schools = useMemo(() => {
    const seen = new Map<string, MySchool>();
    for (const c of board.data?.cards ?? [])
      if (c.studentName !== undefined && !seen.has(c.schoolId))
        seen.set(c.schoolId, { schoolId: c.schoolId, schoolName: c.schoolName });
    return [...seen.values()];
  }, [board.data]);
  const cards: BoardCard[] = board.data?.cards ?? [];
  return { schools, cards, isLoading: board.isLoading, error: board.error };
}
