import { evaluationDraftSchema } from '@donghanh/domain';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EvaluationView } from '../sign-off/EvaluationView';
import type { CaseDetail, InboxTask } from '../sign-off/types';
import { NS } from './strings';

/** The version a plan-review task is about: its id ends with it (`<caseId>:plan-review:2`). */
const versionOf = (taskId: string) => Number(taskId.split(':').pop());

export function PlanDetails({ c, task }: { c: CaseDetail; task: InboxTask }) {
  const { t } = useTranslation(NS);
  const plan = c.plans.find((p) => p.version === versionOf(task.id)) ?? c.plans.at(-1);
  if (!plan) return <Text c="dimmed">{t('reviews.planMissing')}</Text>;
  const goals = (plan.goals ?? {}) as Partial<Record<'week' | 'month' | 'semester', string>>;
  return (
    <Stack gap={4} data-testid="plan">
      {(['week', 'month', 'semester'] as const).map((k) => (
        <Text size="sm" key={k}>
          <b>{t(`reviews.goals.${k}`)}:</b> {goals[k] ?? '—'}
        </Text>
      ))}
      <Group gap={4}>
        <Text size="sm" fw={700}>
          {t('reviews.kinds')}:
        </Text>
        {plan.kinds.map((k) => (
          <Badge key={k} size="sm" variant="light">
            {t(`reviews.kind.${k}`, { defaultValue: k })}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

export function EvaluationDetails({ c, task }: { c: CaseDetail; task: InboxTask }) {
  const { t } = useTranslation(NS);
  const p = (task.payload ?? {}) as { term?: string; version?: number };
  const e = c.evaluations.find((ev) => ev.term === p.term && ev.version === p.version);
  const draft = e ? evaluationDraftSchema.safeParse(e.content) : null;
  if (!draft?.success) return <Text c="dimmed">{t('reviews.planMissing')}</Text>;
  return <EvaluationView draft={draft.data} />;
}

/** The latest check-in: why a risk alert or an overdue follow-up was raised. */
export function LatestCheckIn({ c, task }: { c: CaseDetail; task: InboxTask }) {
  const { t } = useTranslation(NS);
  const month = (task.payload as { month?: string } | null)?.month;
  const last = c.checkIns.at(-1);
  const report = (last?.report ?? {}) as { absentDays?: number; notes?: string };
  return (
    <Stack gap={4}>
      {month && <Text size="sm">{t('reviews.month', { month })}</Text>}
      {last && (
        <Text size="sm">
          {t('reviews.lastCheckIn', {
            month: last.month,
            absent: report.absentDays ?? 0,
            risk: t(`reviews.risk.${last.riskLevel}`, { defaultValue: last.riskLevel }),
          })}
        </Text>
      )}
      {last && report.notes && (
        <Text size="sm">
          <b>{t('reviews.notes')}:</b> {report.notes}
        </Text>
      )}
    </Stack>
  );
}
