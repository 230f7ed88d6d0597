import type { Db } from '../client';
import type { Tx } from '../write/record-case-event';

/**
 * The helper rows that hold a place in a teacher's capacity. An offer not yet answered counts:
 * accepting it must never push the teacher past what they volunteered.
 */
export const LOAD_STATUSES = ['OFFERED', 'ACTIVE'] as const;

/** How many cases one teacher holds now (see LOAD_STATUSES). */
export async function teacherLoad(db: Db | Tx, userId: string): Promise<number> {
  return db.caseHelper.count({ where: { userId, status: { in: [...LOAD_STATUSES] } } });
}

/** The load of several teachers in one query; a teacher with none is 0. */
export async function teacherLoads(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  const loads = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return loads;
  const rows = await db.caseHelper.groupBy({
    by: ['userId'],
    where: { userId: { in: [...userIds] }, status: { in: [...LOAD_STATUSES] } },
    _count: { _all: true },
  });
  for (const r of rows) loads.set(r.userId, r._count._all);
  return loads;
}
