import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../trpc';

/** After any step: the inbox, the board, the case and the volunteers' loads may all have moved. */
export function useAfterStep() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.task.inbox.queryFilter()),
        queryClient.invalidateQueries(trpc.board.cards.pathFilter()),
        queryClient.invalidateQueries(trpc.case.get.pathFilter()),
        queryClient.invalidateQueries(trpc.volunteer.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}
