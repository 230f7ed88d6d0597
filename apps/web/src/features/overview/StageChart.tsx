import { BOARD_STAGES, CASE_STAGE_LABELS, type CaseStage } from '@donghanh/domain';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick } from './format';
import { NS } from './strings';
import type { SchoolSummary } from './types';

const STAGE_COLOR: Record<CaseStage, string> = {
  identified: 'gray.5',
  assignment: 'violet.6',
  plan: 'indigo.6',
  active: 'blue.6',
  evaluation: 'cyan.6',
  closure: 'orange.6',
  closed: 'teal.6',
  declined: 'gray.3',
};

/** One stacked bar per school: how many cases stand at each stage. */
export function StageChart({ schools }: { schools: SchoolSummary[] }) {
  const { t, i18n } = useTranslation(NS);
  const stages: CaseStage[] = [...BOARD_STAGES, 'declined'];
  const data = schools.map((s) => ({
    school: s.schoolName.replace(/^Trường\s+/, ''),
    ...Object.fromEntries(stages.map((st) => [st, s.byStage[st] ?? 0])),
  }));
  const used = stages.filter((st) => schools.some((s) => (s.byStage[st] ?? 0) > 0));
  return (
    <Paper withBorder p="md" data-testid="stage-chart">
      <Title order={4} mb="sm">
        {t('charts.stages')}
      </Title>
      {used.length === 0 ? (
        <Text c="dimmed">{t('charts.noData')}</Text>
      ) : (
        <BarChart
          h={Math.max(220, 70 * data.length + 80)}
          data={data}
          dataKey="school"
          type="stacked"
          orientation="vertical"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 150 }}
          series={used.map((st) => ({
            name: st,
            label: pick(CASE_STAGE_LABELS[st], i18n.language, st),
            color: STAGE_COLOR[st],
          }))}
        />
      )}
    </Paper>
  );
}
