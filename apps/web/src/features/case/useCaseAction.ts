import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';

/** After a coordinator's step: the case page, the inboxes and the board read the new state. */
export function useAfterAction(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.task.inbox.pathFilter()),
      queryClient.invalidateQueries(trpc.board.pathFilter()),
    ]);
  };
}
