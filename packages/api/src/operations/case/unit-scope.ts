import { type Db, unitAndAncestors } from '@donghanh/db';

/** True when `unitId` is `ancestorId` or sits below it in the unit tree. */
export async function isUnitWithin(db: Db, unitId: string, ancestorId: string): Promise<boolean> {
  return (await unitAndAncestors(db, unitId)).has(ancestorId);
}
