import type { Db } from '../client';
import type { Tx } from './record-case-event';

/** An uploaded class list nobody imported is dropped after a day: its cells hold pupils' names. */
export const CLASS_LIST_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the unfinished uploads older than the time limit (a finished one keeps only counts).
 * Run every hour by the server, and before each new upload. `now` is a real instant
 * (bookkeeping, not a calendar decision). Returns how many were deleted.
 */
export async function purgeExpiredClassListUploads(db: Db | Tx, now: Date): Promise<number> {
  const { count } = await db.classListUpload.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - CLASS_LIST_UPLOAD_TTL_MS) }, finishedAt: null },
  });
  return count;
}
