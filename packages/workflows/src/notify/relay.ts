import type { Db } from '@donghanh/db';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { type DeliverNotificationInput, notificationWorkflowId } from './deliver-workflow';

export interface RelayOptions {
  db: Db;
  client: Client;
  taskQueue: string;
  /** How often the outbox is read when nothing wakes the relay. */
  intervalMs?: number;
  /** Rows handed over per round. */
  batch?: number;
  /** Passed to every delivery workflow (tests shorten the retry and attempt timeouts). */
  delivery?: Omit<DeliverNotificationInput, 'id'>;
  onError?: (error: unknown) => void;
}

/**
 * The outbox relay: hands each notification a step wrote to its own delivery workflow, whose id
 * is the notification's (so a relay that dies after starting one, or two relays at once, start it
 * once), then marks the row dispatched. Runs beside every worker.
 */
export function startNotificationRelay(o: RelayOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;

  async function round(): Promise<number> {
    const rows = await o.db.notification.findMany({
      where: { dispatchedAt: null },
      orderBy: { createdAt: 'asc' },
      take: o.batch ?? 200,
      select: { id: true },
    });
    // Each row on its own: one that cannot be started now (its error reported) is tried again
    // next round, and does not hold back the others.
    const started = await Promise.allSettled(
      rows.map(async ({ id }) => {
        try {
          await o.client.workflow.start('deliverNotification', {
            workflowId: notificationWorkflowId(id),
            taskQueue: o.taskQueue,
            args: [{ id, ...(o.delivery ?? {}) }],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
        return id;
      }),
    );
    const handed = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const r of started) if (r.status === 'rejected') o.onError?.(r.reason);
    if (handed.length > 0)
      await o.db.notification.updateMany({
        where: { id: { in: handed }, dispatchedAt: null },
        data: { dispatchedAt: new Date() },
      });
    if (handed.length < rows.length) return 0;
    return rows.length;
  }

  const tick = () => {
    if (stopped) return;
    running = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await round()) === (o.batch ?? 200)) {}
        } catch (error) {
          o.onError?.(error);
        }
      } while (again && !stopped);
      if (!stopped) timer = setTimeout(tick, o.intervalMs ?? 500);
    })();
  };
  tick();
  return {
    /** Read the outbox now (a step just wrote to it). */
    kick() {
      again = true;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type NotificationRelay = ReturnType<typeof startNotificationRelay>;
