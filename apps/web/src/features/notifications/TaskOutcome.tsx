import { notificationTitle } from '@donghanh/domain';
import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateTimeText, langOf } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { NS } from './strings';

/**
 * h13: where a bell item leads once its task left the person's inbox: what became of it (done,
 * when and by whom; expired; cancelled), with a link to the case when the person may still open
 * it. The server decides who did it and the link by the identity rule; `fallback` shows when the
 * person was never told of this task.
 */
export function TaskOutcome({ taskId, fallback }: { taskId: string; fallback: React.ReactNode }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const outcome = useQuery({ ...trpc.notification.taskOutcome.queryOptions({ taskId }), retry: false });
  if (outcome.isPending) return <Loader size="sm" aria-label={t('outcome.loading')} />;
  if (!outcome.data) return <>{fallback}</>;
  const o = outcome.data;
  return (
    <Card withBorder padding="md" radius="md" data-testid="task-outcome" data-status={o.status}>
      <Stack gap={4}>
        <Title order={3}>{notificationTitle(o.type, langOf(i18n.language))}</Title>
        <Text>{t('outcome.case', { code: o.caseCode })}</Text>
        <Alert color={o.status === 'DONE' ? 'green' : 'gray'}>
          <Text fw={600}>{t(`outcome.${o.status}`)}</Text>
          {o.completedAt && (
            <Text size="sm" data-testid="task-outcome-when">
              {t('outcome.when', { at: dateTimeText(o.completedAt) })}
              {o.completedBy ? ` ${t('outcome.by', { name: o.completedBy })}` : ''}
            </Text>
          )}
        </Alert>
        {o.caseId && (
          <Anchor component={Link} to={`/cases/${o.caseId}`} data-testid="task-outcome-case">
            {t('outcome.openCase')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
