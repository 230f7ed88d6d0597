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
    await Promise.all(
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
      }),
    );
    if (rows.length > 0)
      await o.db.notification.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, dispatchedAt: null },
        data: { dispatchedAt: new Date() },
      });
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
