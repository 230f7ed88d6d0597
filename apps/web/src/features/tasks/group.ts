import type { InboxTask } from './types';

export const GROUPS = ['overdue', 'week', 'later', 'none'] as const;
export type Group = (typeof GROUPS)[number];

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Buckets by due date; the API already sorts overdue first, then by due date. */
export function groupByDue(tasks: InboxTask[], now = Date.now()): [Group, InboxTask[]][] {
  const by = new Map<Group, InboxTask[]>(GROUPS.map((g) => [g, []]));
  for (const t of tasks) {
    const g: Group =
      t.dueAt === null
        ? 'none'
        : t.overdue
          ? 'overdue'
          : new Date(t.dueAt).getTime() - now <= WEEK_MS
            ? 'week'
            : 'later';
    by.get(g)?.push(t);
  }
  return GROUPS.map((g) => [g, by.get(g) ?? []] as [Group, InboxTask[]]).filter(
    ([, list]) => list.length > 0,
  );
}
