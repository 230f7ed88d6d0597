import { type BoardReach, type Db, schoolsUnder } from '@donghanh/db';
import type { BoardScope } from '@donghanh/domain';
import type { RoleOnUnit } from '../context';

const NAMED_ROLES: ReadonlySet<RoleOnUnit['role']> = new Set(['SCHOOL_COORDINATOR', 'PRINCIPAL']);

/**
 * What a user's board and live channel hold: their own schools by name, schools under their
 * office units by pseudonym, and (through `userId`) the cases they help or homeroom. Shared by
 * board.cards, board.summary, the case export and the socket.io gateway.
 */
export async function boardScopeOf(
  db: Db,
  user: { id: string; roles: readonly RoleOnUnit[] },
): Promise<BoardScope & { reach: BoardReach }> {
  const unitsWith = (want: (r: RoleOnUnit['role']) => boolean) =>
    user.roles.filter((r) => want(r.role)).map((r) => r.unitId);
  const namedUnits = unitsWith((r) => NAMED_ROLES.has(r));
  const [named, masked] = await Promise.all([
    // Exactly the school's own unit, as on the case page: a school role never names the
    // children of schools below some other unit, whatever the data says.
    namedUnits.length
      ? db.school
          .findMany({ where: { unitId: { in: namedUnits } }, select: { id: true } })
          .then((rows) => rows.map((r) => r.id))
      : Promise.resolve([]),
    schoolsUnder(
      db,
      unitsWith((r) => r === 'OFFICE_COORDINATOR'),
    ),
  ]);
  const namedSchoolIds = new Set(named);
  const maskedSchoolIds = new Set(masked.filter((id) => !namedSchoolIds.has(id)));
  return {
    userId: user.id,
    namedSchoolIds,
    maskedSchoolIds,
    reach: { userId: user.id, schoolIds: [...namedSchoolIds, ...maskedSchoolIds] },
  };
}
