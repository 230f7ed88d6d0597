import { proxyActivities, sleep } from '@temporalio/workflow';
import type { MailOutcome, MailPlan, NotificationActivities } from '../activities/notifications';

/** The delivery workflow's id: one per notification, so the relay starting it twice starts it once. */
export const notificationWorkflowId = (notificationId: string) => `notify-${notificationId}`;

export interface DeliverNotificationInput {
  id: string;
  /** Tests shorten these; production keeps the defaults (2 s doubling up to 10 min, 1 min per attempt). */
  retryInitialMs?: number;
  attemptTimeoutMs?: number;
}

/**
 * One notification's mail: delivered at once, or — when the activity says it must wait (quiet
 * hours, the digest) — after a durable sleep until it may go. Each delivery is retried with
 * backoff while the SMTP server is down and never sent twice (the activity's claim / send /
 * record protocol, docs/notifications.md).
 */
export async function deliverNotification(
  input: DeliverNotificationInput,
): Promise<{ plan: MailPlan['action']; outcome?: MailOutcome }> {
  const a = proxyActivities<NotificationActivities>({
    startToCloseTimeout: input.attemptTimeoutMs ?? 60_000,
    retry: {
      initialInterval: input.retryInitialMs ?? 2_000,
      backoffCoefficient: 2,
      maximumInterval: '10 minutes',
      nonRetryableErrorTypes: ['MissingRow'],
    },
  });
  const first = await a.deliverNotificationMail({ id: input.id });
  if (typeof first === 'string') return { plan: 'send', outcome: first };
  const plan = first.hold;
  if (plan.action === 'done') return { plan: 'done' };
  // The activity says how long in real time (its mail clock may run faster in tests); plans
  // from before it said so carry only the instant.
  const wait = plan.inMs ?? plan.at - Date.now();
  if (wait > 0) await sleep(wait);
  const outcome =
    plan.action === 'digest'
      ? await a.deliverDigest({ userId: plan.userId, digestId: plan.digestId })
      : await a.deliverNotificationMail({ id: input.id, due: true });
  if (typeof outcome !== 'string') throw new Error('a due mail was held again');
  return { plan: plan.action, outcome };
}
