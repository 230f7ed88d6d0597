import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../trpc';
import type { InboxTask } from './types';

export interface Decision {
  approve: boolean;
  comment?: string | undefined;
}

/** The principal's decision on one queued task: sign-off of an evaluation, or of a closure. */
export function useDecide() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const signOff = useMutation(trpc.case.signOffEvaluation.mutationOptions());
  const closure = useMutation(trpc.case.decideClosure.mutationOptions());
  const decide = useCallback(
    async (task: InboxTask, d: Decision) => {
      const input = { caseId: task.caseId, taskId: task.id, approve: d.approve, comment: d.comment };
      if (task.type === 'signoff_evaluation') await signOff.mutateAsync(input);
      else await closure.mutateAsync(input);
    },
    [signOff.mutateAsync, closure.mutateAsync],
  );
  // Once per batch, not per item: the queue refetches when the whole run is done.
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.task.inbox.queryFilter()),
        queryClient.invalidateQueries(trpc.case.get.pathFilter()),
      ]),
    [queryClient, trpc],
  );
  return { decide, refresh };
}
