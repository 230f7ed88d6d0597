import { Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import type { InboxTask } from '../sign-off/types';
import { AcknowledgeForm } from './AcknowledgeForm';
import { DecideButtons } from './DecideButtons';
import { EvaluationDetails, LatestCheckIn, PlanDetails } from './ReviewDetails';
import { NS } from './strings';
import { TaskCase } from './TaskCase';
import { useAfterStep } from './useCaseStep';

export const REVIEW_TYPES = [
  'review_plan',
  'review_evaluation',
  'risk_alert',
  'follow_up_overdue',
  'accept_transfer',
] as const;

/** Plans and evaluations to review, alerts to follow up, transfers to answer. */
export function ReviewsTab({ tasks }: { tasks: InboxTask[] }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterStep();
  const opts = { onSuccess: () => void after() };
  const reviewPlan = useMutation(trpc.case.reviewPlan.mutationOptions(opts));
  const reviewEvaluation = useMutation(trpc.case.reviewEvaluation.mutationOptions(opts));
  const answerTransfer = useMutation(trpc.case.answerTransfer.mutationOptions(opts));
  if (tasks.length === 0) return <Text c="dimmed">{t('reviews.empty')}</Text>;

  const decide = (task: InboxTask, m: typeof reviewPlan) => (approve: boolean, comment?: string) =>
    m.mutateAsync({ caseId: task.caseId, taskId: task.id, approve, comment });

  return (
    <Stack gap="md">
      {tasks.map((task) => {
        switch (task.type) {
          case 'review_plan':
            return (
              <TaskCase key={task.id} task={task} label={t('reviews.plan')}>
                {(c) => (
                  <>
                    <PlanDetails c={c} task={task} />
                    <DecideButtons
                      approveLabel={t('reviews.approvePlan')}
                      returnLabel={t('reviews.return')}
                      onDecide={decide(task, reviewPlan)}
                    />
                  </>
                )}
              </TaskCase>
            );
          case 'review_evaluation':
            return (
              <TaskCase key={task.id} task={task} label={t('reviews.evaluation')}>
                {(c) => (
                  <>
                    <EvaluationDetails c={c} task={task} />
                    <DecideButtons
                      approveLabel={t('reviews.approveEvaluation')}
                      returnLabel={t('reviews.return')}
                      onDecide={decide(task, reviewEvaluation)}
                    />
                  </>
                )}
              </TaskCase>
            );
          case 'accept_transfer':
            return (
              <TaskCase key={task.id} task={task} label={t('reviews.transfer')} color="grape">
                {(c) => (
                  <>
                    <Text size="sm">{t('reviews.fromSchool', { school: c.school.name })}</Text>
                    <DecideButtons
                      approveLabel={t('reviews.acceptTransfer')}
                      returnLabel={t('reviews.refuse')}
                      onDecide={decide(task, answerTransfer)}
                    />
                  </>
                )}
              </TaskCase>
            );
          default:
            return (
              <TaskCase
                key={task.id}
                task={task}
                label={task.type === 'risk_alert' ? t('reviews.alert') : t('reviews.overdue')}
                color={task.type === 'risk_alert' ? 'red' : 'orange'}
              >
                {(c) => (
                  <>
                    <LatestCheckIn c={c} task={task} />
                    <AcknowledgeForm task={task} />
                  </>
                )}
              </TaskCase>
            );
        }
      })}
    </Stack>
  );
}
