import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { num, percent, vnd } from './format';
import { NS } from './strings';
import type { SchoolSummary } from './types';

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The unit at a glance: the sums over its schools. */
export function Totals({ schools }: { schools: SchoolSummary[] }) {
  const { t } = useTranslation(NS);
  const sum = (f: (s: SchoolSummary) => number) => schools.reduce((n, s) => n + f(s), 0);
  const total = sum((s) => s.total);
  const overdue = sum((s) => s.overdue);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="overview-totals">
      <Stat
        testId="stat-cases"
        label={t('totals.cases')}
        value={num(total)}
        hint={`${t('totals.schools')}: ${schools.length}`}
      />
      <Stat
        testId="stat-overdue"
        label={t('totals.overdueRate')}
        value={percent(overdue, total)}
        hint={t('totals.overdueOf', { overdue, total })}
      />
      <Stat testId="stat-high-risk" label={t('totals.highRisk')} value={num(sum((s) => s.highRisk))} />
      <Stat
        testId="stat-checkins"
        label={t('totals.checkIns')}
        value={num(sum((s) => s.checkIns))}
        hint={t('totals.lateOf', { late: sum((s) => s.lateCheckIns) })}
      />
      <Stat testId="stat-hours" label={t('totals.hours')} value={num(sum((s) => s.tutoringHours))} />
      <Stat testId="stat-vnd" label={t('totals.vnd')} value={vnd(sum((s) => s.materialVnd))} />
    </SimpleGrid>
  );
}
