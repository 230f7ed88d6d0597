import { Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { InboxTask } from '../sign-off/types';
import { DecideButtons } from './DecideButtons';
import { NS } from './strings';
import { TaskCase } from './TaskCase';
import { useAfterStep } from './useCaseStep';

/** Proposed cases: accept into the campaign, or decline with a reason. */
export function ScreeningTab({ tasks }: { tasks: InboxTask[] }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterStep();
  const screen = useMutation(trpc.case.screen.mutationOptions({ onSuccess: () => void after() }));
  if (tasks.length === 0) return <Text c="dimmed">{t('screening.empty')}</Text>;
  return (
    <Stack gap="md">
      {tasks.map((task) => (
        <TaskCase key={task.id} task={task} label={t('tabs.screening')}>
          {() => (
            <DecideButtons
              approveLabel={t('screening.accept')}
              returnLabel={t('screening.decline')}
              commentLabel={t('screening.reason')}
              commentRequired={t('screening.reasonRequired')}
              onDecide={(approve, reason) =>
                screen.mutateAsync({ caseId: task.caseId, decision: approve ? 'accept' : 'decline', reason })
              }
            />
          )}
        </TaskCase>
      ))}
    </Stack>
  );
}
