import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { placeText, termText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { TaskOutcome } from '../notifications/TaskOutcome';
import { errorMessage, formatDue, formatMonth } from './format';
import { CheckInForm } from './forms/CheckInForm';
import { EvaluationForm } from './forms/EvaluationForm';
import { OfferForm } from './forms/OfferForm';
import { PlanForm } from './forms/PlanForm';
import { ReturnForm } from './forms/ReturnForm';
import { NS } from './strings';
import { type CaseDetail, type InboxTask, isTeacherTask, payloadOf, taskHref } from './types';

function TaskForm({ task, detail }: { task: InboxTask; detail: CaseDetail | undefined }) {
  switch (task.type) {
    case 'respond_offer':
      return <OfferForm task={task} />;
    case 'write_plan':
      return <PlanForm task={task} detail={detail} />;
    case 'file_checkin':
      return <CheckInForm task={task} detail={detail} />;
    case 'draft_evaluation':
      return <EvaluationForm task={task} detail={detail} />;
    case 'confirm_return':
      return <ReturnForm task={task} />;
    default:
      return null;
  }
}

/** Who the task is about: the code always, the child's name when the API gives it to this user. */
function CaseHeader({ task, detail }: { task: InboxTask; detail: CaseDetail | undefined }) {
  const { t, i18n } = useTranslation(NS);
  const p = payloadOf(task);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="task-case">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {t('caseLine', { code: task.caseCode })}
            {p.month ? ` · ${t('month', { month: formatMonth(p.month) })}` : ''}
            {p.term ? ` · ${t('term', { term: termText(p.term, i18n.language) })}` : ''}
          </Text>
          {task.overdue && (
            <Badge color="red" variant="filled">
              {t('overdue')}
            </Badge>
          )}
        </Group>
        {detail?.identity && (
          <Text size="lg" data-testid="child-name">
            {detail.identity.fullName}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {placeText(detail?.className, task.schoolName, t('classWord'))}
        </Text>
        <Group justify="space-between">
          <Text size="sm" c={task.overdue ? 'red' : undefined}>
            {task.dueAt ? t('due', { date: formatDue(task) }) : t('noDue')}
          </Text>
          <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
            {t('viewCase')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

export function TaskDetail() {
  const { t, i18n } = useTranslation(NS);
  const { taskId = '' } = useParams();
  const trpc = useTRPC();
  const inbox = useQuery(trpc.task.inbox.queryOptions({}));
  const task = inbox.data?.find((x) => x.id === taskId);
  const detail = useQuery({ ...trpc.case.get.queryOptions({ caseId: task?.caseId ?? '' }), enabled: !!task });

  if (task && !isTeacherTask(task.type)) return <Navigate to={taskHref(task)} replace />;
  return (
    <Stack gap="md" maw={720} data-testid="task-detail">
      <Anchor component={Link} to="/tasks" size="sm">
        {t('back')}
      </Anchor>
      {inbox.isPending && <Loader size="sm" aria-label={t('loading')} />}
      {inbox.error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(inbox.error, i18n.language) })}
        </Alert>
      )}
      {inbox.data && !task && (
        // h13: a bell item whose task is no longer in the inbox says what became of it.
        <TaskOutcome taskId={taskId} fallback={<Alert color="yellow">{t('notFound')}</Alert>} />
      )}
      {task && (
        <>
          <Title order={2}>{t(`type.${task.type}`)}</Title>
          <CaseHeader task={task} detail={detail.data} />
          {detail.isPending ? (
            <Loader size="sm" aria-label={t('loading')} />
          ) : (
            <TaskForm task={task} detail={detail.data} />
          )}
        </>
      )}
    </Stack>
  );
}
