import { listCardRowsByIds, listInboxTasks } from '@donghanh/db';
import { cardViewFor } from '@donghanh/domain';
import { boardScopeOf } from '../../access/board-scope';
import type { Context, SessionUser } from '../../context';

/**
 * My open tasks, each naming the child exactly as the case's board card would for me
 * (issue 14): the identity rule on the `board_card` surface — named for the school's
 * coordinators and principal, the helper and the homeroom teacher; a teacher only offered the
 * case, or an office, gets the case code alone (the task list is not an audited read).
 */
export async function listInbox(ctx: Context & { user: SessionUser }) {
  const tasks = await listInboxTasks(ctx.db, { userId: ctx.user.id, roles: ctx.user.roles });
  if (tasks.length === 0) return tasks.map((t) => ({ ...t, studentName: undefined as string | undefined }));
  const [scope, rows] = await Promise.all([
    boardScopeOf(ctx.db, ctx.user),
    listCardRowsByIds(ctx.db, [...new Set(tasks.map((t) => t.caseId))]),
  ]);
  const names = new Map<string, string>();
  for (const row of rows)
    if (cardViewFor(scope, row.audience, 'board_card') === 'named')
      names.set(row.card.caseId, row.card.studentName);
  return tasks.map((t) => ({ ...t, studentName: names.get(t.caseId) }));
}
