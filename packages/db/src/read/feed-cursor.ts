/**
 * Position in the CaseEvent feed: the (writing transaction id, event id) of the last row
 * delivered. The feed is delivered in (txid, id) order and only up to the oldest running
 * transaction, so every row behind a cursor has been delivered and none can appear later.
 */
export interface FeedCursor {
  txid: bigint;
  id: bigint;
}

export function encodeCursor(c: FeedCursor): string {
  return `${c.txid}-${c.id}`;
}

export function decodeCursor(text: string): FeedCursor | null {
  const m = /^(\d{1,20})-(\d{1,20})$/.exec(text);
  if (!m) return null;
  return { txid: BigInt(m[1] as string), id: BigInt(m[2] as string) };
}

export function cursorAfter(a: FeedCursor, b: FeedCursor): boolean {
  return a.txid > b.txid || (a.txid === b.txid && a.id > b.id);
}
