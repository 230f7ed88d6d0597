import type { BoardCard } from '@donghanh/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../trpc';

export interface MySchool {
  schoolId: string;
  schoolName: string;
}

/** The schools the caller coordinates or heads (from `auth.me`), and the board's cards. */
export function useMySchools() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const board = useQuery(trpc.board.cards.queryOptions({}));
  const schools = useMemo(() => {
    const managed = new Set(
      (me.data?.user.roles ?? [])
        .filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL')
        .map((r) => r.unitId),
    );
    return (me.data?.schools ?? [])
      .filter((s) => managed.has(s.unitId))
      .map((s) => ({ schoolId: s.id, schoolName: s.name }));
  }, [me.data]);
  const cards: BoardCard[] = board.data?.cards ?? [];
  return { schools, cards, isLoading: board.isLoading || me.isLoading, error: board.error ?? me.error };
}
