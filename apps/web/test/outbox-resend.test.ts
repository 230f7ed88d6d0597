import { beforeEach, describe, expect, it } from 'vitest';
import { enqueue, flush, outboxNotices, type QueuedCheckIn, queued } from '../src/offline/outbox';

// fix3: NO_CHECKIN_PENDING after a resend means "already filed" only if the case holds it.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
});
const notice = () => outboxNotices().find((n) => n.taskId === 't-1');

const item: QueuedCheckIn = {
  taskId: 't-1',
  caseId: 'c-1',
  caseCode: 'HS-001',
  userId: 'u-1',
  month: '2026-11',
  report: { riskLevel: 'low' },
};
const noCheckInPending = () => Promise.reject(new Error('refused'));
const describeRefusal = () => ({ refusal: 'NO_CHECKIN_PENDING', message: 'Không còn báo cáo nào chờ' });

describe('resending a queued check-in the workflow says it no longer waits for', () => {
  beforeEach(() => store.clear());

  it('is sent when the case holds the check-in (an earlier answer was lost)', async () => {
    enqueue(item);
    const sent: string[] = [];
    const asked: string[] = [];
    await flush(
      'u-1',
      noCheckInPending,
      (q) => sent.push(q.taskId),
      describeRefusal,
      async (q) => {
        asked.push(q.taskId);
        return true;
      },
    );
    expect(asked).toEqual(['t-1']);
    expect(sent).toEqual(['t-1']);
    expect(queued()).toEqual([]);
    expect(notice()).toMatchObject({ status: 'sent' });
  });

  it('is refused, not reported sent, when the case dropped it (closed, transferred)', async () => {
    enqueue(item);
    const sent: string[] = [];
    await flush(
      'u-1',
      noCheckInPending,
      (q) => sent.push(q.taskId),
      describeRefusal,
      async () => false,
    );
    expect(sent).toEqual([]); // the draft is cleared only for a sent check-in
    expect(queued()).toEqual([]);
    expect(notice()).toMatchObject({ status: 'refused', lost: true });
  });

  it('is refused when the case can no longer be read, and waits when the read has no line', async () => {
    enqueue(item);
    await flush(
      'u-1',
      noCheckInPending,
      () => expect.fail('not sent'),
      describeRefusal,
      () =>
        Promise.reject(
          Object.assign(new Error('x'), { name: 'TRPCClientError', data: { code: 'NOT_FOUND' } }),
        ),
    );
    expect(queued()).toEqual([]);
    expect(notice()).toMatchObject({ status: 'refused', lost: true });
    enqueue(item);
    await flush(
      'u-1',
      noCheckInPending,
      () => expect.fail('not sent'),
      describeRefusal,
      () => Promise.reject(Object.assign(new Error('x'), { name: 'TRPCClientError', data: null })),
    );
    expect(queued()).toEqual([item]);
    expect(notice()).toMatchObject({ status: 'waiting' });
  });
});
