import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxTask } from '../sign-off/types';
import { AssignmentItem } from './AssignmentItem';
import { ASSIGN_NS } from './assign-strings';
import { NS } from './strings';
import { TaskCase } from './TaskCase';

/** Cases waiting for a helper, each with its suggested teachers. */
export function AssignmentTab({ tasks }: { tasks: InboxTask[] }) {
  const { t } = useTranslation(NS);
  const { t: ta } = useTranslation(ASSIGN_NS);
  // setup: the case leaves the queue once offered, so what happened is said here, with the next step.
  const [done, setDone] = useState<{ message: string; caseId: string } | null>(null);
  return (
    <Stack gap="md">
      {done && (
        <Alert
          color="green"
          role="status"
          data-testid="assign-done"
          withCloseButton
          onClose={() => setDone(null)}
        >
          <Text size="sm">
            {done.message}{' '}
            <Anchor component={Link} to={`/cases/${done.caseId}`} size="sm">
              {ta('viewCase')}
            </Anchor>
          </Text>
        </Alert>
      )}
      {tasks.length === 0 ? (
        <Text c="dimmed">{t('assignment.empty')}</Text>
      ) : (
        tasks.map((task) => (
          <TaskCase key={task.id} task={task} label={t('tabs.assignment')} color="teal">
            {() => (
              <AssignmentItem task={task} onDone={(message) => setDone({ message, caseId: task.caseId })} />
            )}
          </TaskCase>
        ))
      )}
    </Stack>
  );
}
