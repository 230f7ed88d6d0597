import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../trpc';
import type { InboxTask } from './types';
import { clearDraft } from './useDraft';

export interface DoneState {
  done: { type: string; code: string };
}

/** After a step went through: forget the draft, refresh the inbox (the task is closed), go back to it. */
export function useFinish(task: InboxTask) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    clearDraft(task.id);
    await Promise.all([
      queryClient.invalidateQueries(trpc.task.inbox.queryFilter()),
      queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: task.caseId })),
    ]);
    const state: DoneState = { done: { type: task.type, code: task.caseCode } };
    navigate('/tasks', { state });
  }, [task, queryClient, trpc, navigate]);
}
