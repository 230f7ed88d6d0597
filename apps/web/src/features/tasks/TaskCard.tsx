import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { termText } from '../../shared/format';
import { formatDue, formatMonth } from './format';
import { NS } from './strings';
import { type InboxTask, isTeacherTask, payloadOf, taskHref } from './types';

/** What a task is about, in a few words: the month of a check-in, the semester of an evaluation. */
function useDetail(task: InboxTask): string | null {
  const { t, i18n } = useTranslation(NS);
  const p = payloadOf(task);
  if (p.month) return t('month', { month: formatMonth(p.month) });
  if (p.term) return t('term', { term: termText(p.term, i18n.language) });
  if (p.schoolYear) return t('schoolYear', { year: `${p.schoolYear}–${p.schoolYear + 1}` });
  return null;
}

/** One task as a card: readable on a phone, the whole card is the link. */
export function TaskCard({ task }: { task: InboxTask }) {
  const { t } = useTranslation(NS);
  const detail = useDetail(task);
  const known = t(`type.${task.type}`, { defaultValue: '' });
  const href = taskHref(task);
  const action = isTeacherTask(task.type)
    ? t('open')
    : href === '/sign-off'
      ? t('openSignOff')
      : task.type === 'record_child_consent'
        ? t('openConsent')
        : t('openCoordination');
  return (
    <Card
      component={Link}
      to={href}
      withBorder
      padding="sm"
      radius="md"
      data-testid="task-card"
      data-task-id={task.id}
      data-task-type={task.type}
      data-overdue={task.overdue}
      aria-label={`${known || t('type.other')} · ${task.studentName ? `${task.studentName} · ` : ''}${task.caseCode}`}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{known || t('type.other')}</Text>
          {task.overdue && (
            <Badge color="red" variant="filled" data-testid="overdue-badge">
              {t('overdue')}
            </Badge>
          )}
        </Group>
        {task.studentName && (
          // wall (issue 14): the child's name, for those the identity rule lets see it.
          <Text size="sm" fw={600} data-testid="task-student">
            {task.studentName}
          </Text>
        )}
        <Text size="sm">
          {t('caseLine', { code: task.caseCode })}
          {detail ? ` · ${detail}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {task.schoolName}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c={task.overdue ? 'red' : undefined}>
            {task.dueAt ? t('due', { date: formatDue(task) }) : t('noDue')}
          </Text>
          <Group gap={4}>
            {payloadOf(task).returned && (
              <Badge color="orange" variant="light">
                {t('returned')}
              </Badge>
            )}
            {task.escalated && (
              <Badge color="grape" variant="light">
                {t('escalated')}
              </Badge>
            )}
            <Text size="sm" c="blue">
              {action} →
            </Text>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
