import type { FormerAudience } from '@donghanh/domain';
import type pg from 'pg';
import type { Db } from '../client';
import { CARD_COLUMNS, CARD_JOINS, type CardRow, cardRowOf } from './card-row';
import { cursorAfter, type FeedCursor } from './feed-cursor';

export interface FeedEvent {
  id: bigint;
  txid: bigint;
  caseId: string;
  type: string;
  createdAt: Date;
  /** The card as the case looks now, with the child's name: mask it per audience before sending. */
  card: CardRow['card'];
  audience: CardRow['audience'];
  /** Who may have held the case before this event; the gateway tells them it left. Never sent. */
  former: FormerAudience;
}

type Queryable = Pick<pg.Pool | pg.PoolClient | pg.Client, 'query'>;

/**
 * The oldest transaction still running, cluster-wide: every transaction below it has either
 * committed or aborted, so rows written below it are final.
 */
const WATERMARK_SQL = 'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin';

export async function feedWatermark(db: Queryable): Promise<bigint> {
  const r = await db.query<{ xmin: string }>(WATERMARK_SQL);
  return BigInt(r.rows[0]?.xmin ?? '0');
}

/** `feedHead` through Prisma: where a board read starts its live feed (taken before reading). */
export async function feedHeadOf(db: Db): Promise<FeedCursor> {
  const rows = await db.$queryRawUnsafe<{ xmin: string }[]>(WATERMARK_SQL);
  return { txid: BigInt(rows[0]?.xmin ?? '0'), id: 0n };
}

/** Where a new subscriber starts: everything already final counts as seen. */
export async function feedHead(db: Queryable): Promise<FeedCursor> {
  return { txid: await feedWatermark(db), id: 0n };
}

/**
 * Reads the events after `after` whose transaction is final, in (txid, id) order, with the
 * board card as the case looks now. Returns the cursor to continue from.
 */
export async function readFeed(
  db: Queryable,
  after: FeedCursor,
  limit = 500,
): Promise<{ events: FeedEvent[]; next: FeedCursor; more: boolean }> {
  const watermark = await feedWatermark(db);
  const r = await db.query(
    `SELECT e.id::text AS id, e.txid::text AS txid, e.type, e."createdAt" AS "eventAt",
            e.payload->>'fromSchoolId' AS "formerSchoolId",
            e.payload->>'fromHomeroomId' AS "formerHomeroomId",
            ARRAY(SELECT DISTINCT h."userId" FROM "CaseHelper" h
                   WHERE h."caseId" = c.id AND h.status IN ('ENDED', 'DECLINED', 'EXPIRED')) AS "formerUserIds",
            ${CARD_COLUMNS}
       FROM "CaseEvent" e
       JOIN "Case" c ON c.id = e."caseId" ${CARD_JOINS}
      WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND e.txid < $3::bigint
      ORDER BY e.txid, e.id
      LIMIT $4`,
    [after.txid.toString(), after.id.toString(), watermark.toString(), limit],
  );
  const events: FeedEvent[] = r.rows.map((row) => {
    const { card, audience } = cardRowOf(row);
    return {
      id: BigInt(row.id),
      txid: BigInt(row.txid),
      caseId: card.caseId,
      type: row.type,
      createdAt: row.eventAt,
      card,
      audience,
      former: {
        schoolIds: row.formerSchoolId && row.formerSchoolId !== card.schoolId ? [row.formerSchoolId] : [],
        // Former helpers (ended, declined, lapsed) and the homeroom teacher of the class a
        // transferred child left: the people who held the card, not everyone at the school.
        userIds: [
          ...new Set([
            ...((row.formerUserIds as string[] | null) ?? []),
            ...(row.formerHomeroomId ? [row.formerHomeroomId as string] : []),
          ]),
        ].filter((id) => !audience.helperUserIds.includes(id) && !audience.offeredUserIds.includes(id)),
      },
    };
  });
  const more = events.length === limit;
  const last = events[events.length - 1];
  let next: FeedCursor = last ? { txid: last.txid, id: last.id } : after;
  // A complete read has seen every final row: jump to the watermark so later reads stay small.
  if (!more) {
    const head = { txid: watermark, id: 0n };
    if (cursorAfter(head, next)) next = head;
  }
  return { events, next, more };
}

/** True when some event is written but not yet final: the tailer should look again soon. */
export async function hasPendingEvents(db: Queryable, after: FeedCursor): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM "CaseEvent" WHERE (txid, id) > ($1::bigint, $2::bigint) LIMIT 1', [
    after.txid.toString(),
    after.id.toString(),
  ]);
  return (r.rowCount ?? 0) > 0;
}
