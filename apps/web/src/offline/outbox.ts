import { useSyncExternalStore } from 'react';

/**
 * Check-ins written without a line: kept in localStorage until the server has them, sent when
 * the line returns. Sending twice is harmless: the case's workflow files one check-in per task
 * (its validator refuses a second, NO_CHECKIN_PENDING) and the record is keyed by the month.
 */
export interface QueuedCheckIn {
  taskId: string;
  caseId: string;
  caseCode: string;
  /** Whose check-in: another person signing in on the same phone does not send it. */
  userId: string;
  /** The task's month ('YYYY-MM'), to find the check-in on the case after a lost answer. */
  month?: string | undefined;
  report: unknown;
}

/** What the person sees: waiting, sent once the line came back, or refused by the server. */
export interface OutboxNotice {
  taskId: string;
  caseCode: string;
  status: 'waiting' | 'sent' | 'refused';
  message?: string;
  /** Refused because the case no longer waits for it (closed, transferred): nothing was filed. */
  lost?: boolean;
}

const KEY = 'dh.outbox';
const listeners = new Set<() => void>();
let notices: OutboxNotice[] = [];

export function queued(): QueuedCheckIn[] {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as QueuedCheckIn[]) : [];
  } catch {
    return [];
  }
}

function save(list: QueuedCheckIn[]) {
  try {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the check-in stays in this page's memory only (notices)
  }
}

function setNotice(n: OutboxNotice) {
  notices = [...notices.filter((x) => x.taskId !== n.taskId), n];
  for (const l of listeners) l();
}

export function dismissNotice(taskId: string) {
  notices = notices.filter((x) => x.taskId !== taskId);
  for (const l of listeners) l();
}

/** One check-in per task: queuing it again replaces the earlier copy. */
export function enqueue(item: QueuedCheckIn) {
  save([...queued().filter((q) => q.taskId !== item.taskId), item]);
  setNotice({ taskId: item.taskId, caseCode: item.caseCode, status: 'waiting' });
}

/** The queue's waiting items for this person, as notices (after a reload the memory is empty). */
function restoreNotices(userId: string) {
  for (const q of queued())
    if (q.userId === userId && !notices.some((n) => n.taskId === q.taskId))
      setNotice({ taskId: q.taskId, caseCode: q.caseCode, status: 'waiting' });
}

/** A request that never reached the server (no answer at all), as opposed to a refusal. */
export function isNetworkFailure(err: unknown): boolean {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
  const e = err as { data?: unknown; name?: string } | null;
  return !!e && e.name === 'TRPCClientError' && e.data == null;
}

let sending = false;

/**
 * Sends this person's queued check-ins, one at a time. `send` resolves when the server filed it;
 * `onSent` refreshes what the page shows. A refusal ends the item with the server's message (its
 * draft stays, to be corrected in the form). NO_CHECKIN_PENDING is ambiguous: an earlier send
 * reached the server but its answer was lost, or the case dropped the check-in (closed,
 * transferred); `wasFiled` reads the case to tell which.
 */
export async function flush(
  userId: string,
  send: (q: QueuedCheckIn) => Promise<unknown>,
  onSent: (q: QueuedCheckIn) => void,
  describe: (err: unknown) => { refusal: string | null; message: string },
  wasFiled: (q: QueuedCheckIn) => Promise<boolean>,
) {
  restoreNotices(userId);
  if (sending) return;
  sending = true;
  try {
    for (const q of queued().filter((x) => x.userId === userId)) {
      try {
        await send(q);
        settle(q, { status: 'sent' });
        onSent(q);
      } catch (err) {
        if (isNetworkFailure(err)) return;
        const { refusal, message } = describe(err);
        if (refusal !== 'NO_CHECKIN_PENDING') {
          settle(q, { status: 'refused', message });
          continue;
        }
        let filed: boolean;
        try {
          filed = await wasFiled(q);
        } catch (readErr) {
          if (isNetworkFailure(readErr)) return;
          filed = false; // the case is no longer this person's to read: nothing of theirs is on it
        }
        if (filed) {
          settle(q, { status: 'sent' });
          onSent(q);
        } else settle(q, { status: 'refused', lost: true });
      }
    }
  } finally {
    sending = false;
  }
}

function settle(q: QueuedCheckIn, n: Pick<OutboxNotice, 'status' | 'message' | 'lost'>) {
  save(queued().filter((x) => x.taskId !== q.taskId));
  setNotice({ taskId: q.taskId, caseCode: q.caseCode, ...n });
}

/** The notices now (what the hook below renders). */
export const outboxNotices = (): OutboxNotice[] => notices;

export function useOutboxNotices(): OutboxNotice[] {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, outboxNotices);
}
