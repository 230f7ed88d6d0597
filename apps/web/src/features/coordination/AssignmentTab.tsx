import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxTask } from '../sign-off/types';
import { AssignmentItem } from './AssignmentItem';
import { NS } from './strings';
import { TaskCase } from './TaskCase';

/** Cases waiting for a helper, each with its suggested teachers. */
export function AssignmentTab({ tasks }: { tasks: InboxTask[] }) {
  const { t } = useTranslation(NS);
  if (tasks.length === 0) return <Text c="dimmed">{t('assignment.empty')}</Text>;
  return (
    <Stack gap="md">
      {tasks.map((task) => (
        <TaskCase key={task.id} task={task} label={t('tabs.assignment')} color="teal">
          {() => <AssignmentItem task={task} />}
        </TaskCase>
      ))}
    </Stack>
  );
}
