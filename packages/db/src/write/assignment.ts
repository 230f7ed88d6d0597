import { teacherLoad } from '../read/volunteer-load';
import { RuleViolation } from './domain-failures';
import type { Tx } from './record-case-event';

/**
 * Locks the teachers' rows and checks each can take one more case: exists, teaches at the
 * school, and stays within the capacity they volunteered. Two cases offered at once serialise
 * on the lock, so a teacher's capacity is never exceeded. setup: a teacher in `askIds` with no
 * free place is *asked* instead of refused (the coordinator chose to ask); the answer lists them,
 * and their capacity grows by one only if they accept (`raiseCapacityOnAccept`).
 */
export async function checkHelpersCanTake(
  tx: Tx,
  ids: string[],
  schoolUnitId: string,
  askIds: readonly string[] = [],
): Promise<{ asked: string[] }> {
  const asked: string[] = [];
  // A disabled account is as good as absent: it could never answer the offer.
  const users = await tx.$queryRaw<{ id: string; capacity: number }[]>`
    SELECT id, capacity FROM "User" WHERE id = ANY(${ids}) AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  for (const id of ids) {
    const user = users.find((u) => u.id === id);
    if (!user) throw new RuleViolation('HELPER_NOT_FOUND', `Không tìm thấy giáo viên ${id}`, { userId: id });
    const inSchool = await tx.roleAssignment.count({
      where: { userId: id, unitId: schoolUnitId, role: 'TEACHER' },
    });
    if (inSchool === 0)
      throw new RuleViolation('HELPER_OUTSIDE_SCHOOL', 'Giáo viên không thuộc trường của học sinh', {
        userId: id,
      });
    const load = await teacherLoad(tx, id);
    if (load + 1 > user.capacity && askIds.includes(id)) {
      asked.push(id);
      continue;
    }
    if (load + 1 > user.capacity)
      throw new RuleViolation('CAPACITY_EXCEEDED', 'Giáo viên đã nhận đủ số học sinh đăng ký giúp đỡ', {
        userId: id,
        capacity: user.capacity,
        load,
      });
  }
  return { asked };
}

/**
 * setup: a teacher who accepts a case they were asked for (no free place) takes one more place:
 * their capacity grows by one, under their row lock, audited as the teacher's own change.
 */
export async function raiseCapacityOnAccept(
  tx: Tx,
  userId: string,
  caseId: string,
  ip: string | null = null,
): Promise<void> {
  const rows = await tx.$queryRaw<{ capacity: number }[]>`
    SELECT capacity FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const before = rows[0]?.capacity ?? 0;
  await tx.user.update({ where: { id: userId }, data: { capacity: before + 1 } });
  await tx.auditLog.create({
    data: {
      actorId: userId,
      action: 'volunteer.capacity.asked',
      subjectType: 'user',
      subjectId: userId,
      caseId,
      reason: `${before} → ${before + 1}`,
      ip,
    },
  });
}
