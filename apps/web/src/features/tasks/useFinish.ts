import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../trpc';
import type { InboxTask } from './types';
import { clearDraft } from './useDraft';

export interface DoneState {
  /** setup: `variant` picks a more precise message (an offer accepted or declined); `caseId` links to the case. */
  done: { type: string; code: string; caseId?: string; variant?: string };
}

/** After a step went through: forget the draft, refresh the inbox (the task is closed), go back to it. */
export function useFinish(task: InboxTask) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (variant?: string) => {
      clearDraft(task.id);
      await Promise.all([
        queryClient.invalidateQueries(trpc.task.inbox.queryFilter()),
        queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: task.caseId })),
      ]);
      const state: DoneState = {
        done: { type: task.type, code: task.caseCode, caseId: task.caseId, ...(variant ? { variant } : {}) },
      };
      navigate('/tasks', { state });
    },
    [task, queryClient, trpc, navigate],
  );
}
