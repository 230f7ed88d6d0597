import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../trpc';
import type { NavItem } from './nav';

/**
 * wall (issue 14): the menu's badges — open work per screen, from one grouped count of the
 * inbox (`task.counts`), refreshed every minute, when the window regains focus, and whenever a
 * screen invalidates the inbox after a step. The type lists are the screens' own queues:
 * sign-off (SignOffPage), coordination (its screening, assignment and review tabs).
 */
export const SIGN_OFF_TASK_TYPES: readonly string[] = ['signoff_evaluation', 'approve_closure'];
export const COORDINATION_TASK_TYPES: readonly string[] = [
  'screening',
  'assign_helper',
  'review_plan',
  'review_evaluation',
  'risk_alert',
  'follow_up_overdue',
  'accept_transfer',
];

export function badgeCounts(byType: Record<string, number>): Partial<Record<NavItem['label'], number>> {
  const sum = (types: readonly string[] | null) =>
    Object.entries(byType).reduce(
      (n, [type, count]) => (types === null || types.includes(type) ? n + count : n),
      0,
    );
  return { tasks: sum(null), signOff: sum(SIGN_OFF_TASK_TYPES), coordination: sum(COORDINATION_TASK_TYPES) };
}

export function useWorkCounts(): Partial<Record<NavItem['label'], number>> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A step finished (a screen reloaded the inbox): count again, once, instead of polling fast.
  useEffect(() => {
    const inboxKey = JSON.stringify(trpc.task.inbox.queryKey()[0]);
    return queryClient.getQueryCache().subscribe((e) => {
      if (e.type !== 'updated' || e.action.type !== 'success') return;
      if (JSON.stringify(e.query.queryKey[0]) !== inboxKey) return;
      void queryClient.invalidateQueries(trpc.task.counts.queryFilter());
    });
  }, [queryClient, trpc]);
  const counts = useQuery({
    ...trpc.task.counts.queryOptions({}),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  return counts.data ? badgeCounts(counts.data) : {};
}
