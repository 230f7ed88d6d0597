import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateText } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

const STATUS_COLOR = { SUBMITTED: 'yellow', APPROVED: 'green', RETURNED: 'red' } as const;
const GOALS = ['week', 'month', 'semester'] as const;

/** The latest version of the help plan, with its status and the coordinator's comment. */
export function PlanSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const plan = c.plans.at(-1);
  const goals = (plan?.goals ?? {}) as Partial<Record<(typeof GOALS)[number], string>>;
  return (
    <Paper withBorder p="md" data-testid="plan">
      <Title order={4} mb="sm">
        {t('plan.title')}
      </Title>
      {!plan ? (
        <Text c="dimmed">{t('plan.empty')}</Text>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={STATUS_COLOR[plan.status]} data-testid="plan-status">
              {t(`plan.status.${plan.status}`)}
            </Badge>
            <Text size="sm">{t('plan.version', { version: plan.version })}</Text>
            <Text size="sm" c="dimmed">
              {t('plan.submitted', { date: dateText(plan.submittedAt) })}
              {plan.reviewedAt ? ` · ${t('plan.reviewed', { date: dateText(plan.reviewedAt) })}` : ''}
            </Text>
          </Group>
          {!c.freeText && (
            <Text size="sm" c="dimmed" data-testid="plan-hidden">
              {GOALS.map((g) => `${t(`plan.goals.${g}`)}: ${t('hidden')}`).join(' · ')}
            </Text>
          )}
          {GOALS.map((g) =>
            goals[g] ? (
              <div key={g}>
                <Text size="xs" c="dimmed">
                  {t(`plan.goals.${g}`)}
                </Text>
                <Text size="sm">{goals[g]}</Text>
              </div>
            ) : null,
          )}
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('plan.kinds')}:
            </Text>
            {plan.kinds.map((k) => (
              <Badge key={k} variant="light" size="sm">
                {t(`plan.kind.${k}`, { defaultValue: k })}
              </Badge>
            ))}
          </Group>
          {plan.comment && (
            <div>
              <Text size="xs" c="dimmed">
                {t('plan.comment')}
              </Text>
              <Text size="sm">{plan.comment}</Text>
            </div>
          )}
        </Stack>
      )}
    </Paper>
  );
}
