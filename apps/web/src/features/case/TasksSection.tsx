import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dueDay } from '../../shared/format';
import { NS } from './strings';
import type { CaseDetail } from './types';

/** What is waiting on this case now, and whether it is late. */
export function TasksSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const now = Date.now();
  return (
    <Paper withBorder p="md" data-testid="open-tasks">
      <Title order={4} mb="sm">
        {t('tasks.title')}
      </Title>
      {c.tasks.length === 0 ? (
        <Text c="dimmed">{t('tasks.empty')}</Text>
      ) : (
        <Stack gap="xs">
          {c.tasks.map((task) => {
            const overdue = task.dueAt != null && new Date(task.dueAt).getTime() < now;
            return (
              <Group key={task.id} gap="xs" data-testid="open-task" data-type={task.type}>
                <Text size="sm" fw={500}>
                  {t(`tasks.type.${task.type}`, { defaultValue: t('tasks.other', { type: task.type }) })}
                </Text>
                {task.dueAt && (
                  <Text size="xs" c="dimmed">
                    {t('tasks.due', { date: dueDay(task)?.format('DD/MM/YYYY') })}
                  </Text>
                )}
                {overdue && (
                  <Badge color="red" size="xs">
                    {t('tasks.overdue')}
                  </Badge>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
