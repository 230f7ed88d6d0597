import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { CaseSummary } from '../sign-off/CaseSummary';
import { dateText, errorMessage } from '../sign-off/format';
import type { CaseDetail, InboxTask } from '../sign-off/types';
import { NS } from './strings';

interface Props {
  task: InboxTask;
  label: string;
  color?: string;
  children: (c: CaseDetail) => ReactNode;
}

/** One task of the coordinator's queue with the case it is about; the step's form comes in `children`. */
export function TaskCase({ task, label, color = 'blue', children }: Props) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const detail = useQuery(trpc.case.get.queryOptions({ caseId: task.caseId }));
  return (
    <Card
      withBorder
      padding="md"
      data-testid="coord-task"
      data-task-type={task.type}
      data-case-code={task.caseCode}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Badge color={color}>{label}</Badge>
          <Group gap={4}>
            {task.overdue && (
              <Badge color="red" variant="light">
                {t('overdue')}
              </Badge>
            )}
            {task.dueAt && (
              <Text size="sm" c="dimmed">
                {t('dueOn', { date: dateText(task.dueAt) })}
              </Text>
            )}
          </Group>
        </Group>
        {detail.isLoading && <Text c="dimmed">{t('loading')}</Text>}
        {detail.error && (
          <Alert color="red">{t('loadError', { message: errorMessage(detail.error, i18n.language) })}</Alert>
        )}
        {detail.data && (
          <>
            <CaseSummary c={detail.data} />
            {children(detail.data)}
          </>
        )}
      </Stack>
    </Card>
  );
}
