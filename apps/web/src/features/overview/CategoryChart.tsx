import { CASE_CATEGORIES, CASE_CATEGORY_LABELS } from '@donghanh/domain';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick } from './format';
import { NS } from './strings';
import type { SchoolSummary } from './types';

const SCHOOL_COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'lime.6', 'cyan.6', 'pink.6'];

/** Cases per category (a case may count in several), split by school. */
export function CategoryChart({ schools }: { schools: SchoolSummary[] }) {
  const { t, i18n } = useTranslation(NS);
  const withCases = schools.filter((s) => s.total > 0);
  const data = CASE_CATEGORIES.map((cat) => ({
    category: pick(CASE_CATEGORY_LABELS[cat], i18n.language, cat),
    ...Object.fromEntries(withCases.map((s) => [s.schoolId, s.byCategory[cat] ?? 0])),
  }));
  return (
    <Paper withBorder p="md" data-testid="category-chart">
      <Title order={4} mb="sm">
        {t('charts.categories')}
      </Title>
      {withCases.length === 0 ? (
        <Text c="dimmed">{t('charts.noData')}</Text>
      ) : (
        <BarChart
          h={320}
          data={data}
          dataKey="category"
          type="stacked"
          orientation="vertical"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 190 }}
          series={withCases.map((s, i) => ({
            name: s.schoolId,
            label: s.schoolName,
            color: SCHOOL_COLORS[i % SCHOOL_COLORS.length] ?? 'blue.6',
          }))}
        />
      )}
    </Paper>
  );
}
