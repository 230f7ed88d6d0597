import { Alert, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../features/auth/error-text';
import { clearDraft } from '../features/tasks/useDraft';
import { trpcClient, useTRPC } from '../trpc';
import { dismissNotice, flush, type QueuedCheckIn, useOutboxNotices } from './outbox';
import { NS } from './strings';

/** Why the case's workflow refused a step (STEP_REJECTED's `details.refusal`), if it did. */
const refusalOf = (err: unknown): string | null => {
  const data = (err as { data?: { appCode?: string; details?: { refusal?: unknown } } | null }).data;
  return data?.appCode === 'STEP_REJECTED' && typeof data.details?.refusal === 'string'
    ? data.details.refusal
    : null;
};

/** Retries while something waits, in case the browser's `online` event never comes. */
const RETRY_MS = 15_000;

/** Sends the queued check-ins of the signed-in person: now, when the line returns, and every 15 s. */
export function OutboxSender({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const run = () =>
      void flush(
        userId,
        (q: QueuedCheckIn) =>
          trpcClient.case.fileCheckIn.mutate({
            caseId: q.caseId,
            taskId: q.taskId,
            report: q.report as never,
          }),
        (q) => {
          clearDraft(q.taskId);
          void queryClient.invalidateQueries(trpc.task.inbox.queryFilter());
          void queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: q.caseId }));
        },
        (err) => ({ refusal: refusalOf(err), message: errorMessage(err) }),
        async (q) => {
          // fix3: filed only if the case holds this task's month and no longer waits for the task.
          if (!q.month) return false;
          const c = await trpcClient.case.get.query({ caseId: q.caseId });
          return c.checkIns.some((ci) => ci.month === q.month) && !c.tasks.some((t) => t.id === q.taskId);
        },
      );
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(run, RETRY_MS);
    return () => {
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [userId, queryClient, trpc]);
  return null;
}

/** What waits to be sent, and what was sent or refused since. */
export function OutboxNotices() {
  const { t } = useTranslation(NS);
  const notices = useOutboxNotices();
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="outbox">
      {notices.map((n) => (
        <Alert
          key={n.taskId}
          role="status"
          color={n.status === 'sent' ? 'green' : n.status === 'waiting' ? 'yellow' : 'red'}
          data-testid={`outbox-${n.status}`}
          data-task-id={n.taskId}
          withCloseButton={n.status !== 'waiting'}
          closeButtonLabel={t('dismiss')}
          onClose={() => dismissNotice(n.taskId)}
        >
          {t(n.lost ? 'lost' : n.status, { code: n.caseCode, message: n.message ?? '' })}
        </Alert>
      ))}
    </Stack>
  );
}
