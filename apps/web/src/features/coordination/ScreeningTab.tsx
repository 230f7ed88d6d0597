import { Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { InboxTask } from '../sign-off/types';
import { DecideButtons } from './DecideButtons';
import { NS } from './strings';
import { TaskCase } from './TaskCase';
import { useAfterStep } from './useCaseStep';

/** The proposing teacher's own words: what the coordinator screens on (staff only, never an office). */
function ProposalReason({ task }: { task: InboxTask }) {
  const { t } = useTranslation(NS);
  const p = task.proposal;
  if (!p) return null;
  return (
    <Stack gap={2} data-testid="proposal-reason">
      <Text size="sm" fw={500}>
        {t('screening.proposalReason')}
        {p.by ? ` · ${t('screening.proposedBy', { name: p.by })}` : ''}
      </Text>
      {p.reason ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.reason}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('screening.noProposalReason')}
        </Text>
      )}
    </Stack>
  );
}

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
            <>
              <ProposalReason task={task} />
              <DecideButtons
                approveLabel={t('screening.accept')}
                returnLabel={t('screening.decline')}
                commentLabel={t('screening.reason')}
                commentRequired={t('screening.reasonRequired')}
                onDecide={(approve, reason) =>
                  screen.mutateAsync({
                    caseId: task.caseId,
                    decision: approve ? 'accept' : 'decline',
                    reason,
                  })
                }
              />
            </>
          )}
        </TaskCase>
      ))}
    </Stack>
  );
}
