// The charts' CSS comes with this lazily loaded screen, not with the board's first bundle.
import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num, vnd } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { downloadXlsx } from './figures';
import { SchoolSelect } from './SchoolSelect';
import { NS } from './strings';

/** A school's monthly figures: a chart per month, the sums per semester and year, per teacher. */
export function MonthlyFigures({
  campaignId,
  schools,
}: {
  campaignId: string;
  schools: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [period, setPeriod] = useState('s1');
  const q = useQuery({
    ...trpc.reportRound.monthly.queryOptions({ campaignId, schoolId }),
    enabled: !!schoolId,
  });
  const exp = useMutation(
    trpc.reportRound.exportMonthly.mutationOptions({ onSuccess: (r) => downloadXlsx(r.base64, r.filename) }),
  );
  const data = q.data;
  return (
    <Stack gap="sm" data-testid="monthly">
      <Title order={3}>{t('monthly.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('monthly.note')}
      </Text>
      <SchoolSelect label={t('monthly.school')} schools={schools} value={schoolId} onChange={setSchoolId} />
      {q.isPending ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : q.isError ? (
        <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>
      ) : data ? (
        <>
          <Paper withBorder p="md" data-testid="monthly-chart">
            <Title order={5} mb="sm">
              {t('monthly.chart')}
            </Title>
            <BarChart
              h={240}
              data={data.months.map((m) => ({
                month: `${m.slice(5)}/${m.slice(0, 4)}`,
                pupils: data.school.months[m]?.pupils ?? 0,
                sessions: data.school.months[m]?.tutoringSessions ?? 0,
                visits: data.school.months[m]?.familyVisits ?? 0,
              }))}
              dataKey="month"
              withLegend
              series={[
                { name: 'pupils', label: t('monthly.pupils'), color: 'blue.6' },
                { name: 'sessions', label: t('fig.sessions'), color: 'teal.6' },
                { name: 'visits', label: t('fig.visits'), color: 'orange.6' },
              ]}
            />
          </Paper>
          <Group gap="sm">
            <SegmentedControl
              value={period}
              onChange={setPeriod}
              data={[
                { value: 's1', label: t('monthly.s1') },
                { value: 's2', label: t('monthly.s2') },
                { value: 'year', label: t('monthly.year') },
                ...data.months.map((m) => ({ value: m, label: `${m.slice(5)}/${m.slice(2, 4)}` })),
              ]}
            />
            <Button
              variant="default"
              loading={exp.isPending}
              onClick={() => exp.mutate({ campaignId, schoolId, period })}
            >
              {t('monthly.export')}
            </Button>
          </Group>
          <Table withTableBorder striped data-testid="monthly-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monthly.teacher')}</Table.Th>
                <Table.Th ta="right">{t('monthly.pupils')}</Table.Th>
                <Table.Th ta="right">{t('fig.sessions')}</Table.Th>
                <Table.Th ta="right">{t('fig.hours')}</Table.Th>
                <Table.Th ta="right">{t('fig.money')}</Table.Th>
                <Table.Th ta="right">{t('fig.rice')}</Table.Th>
                <Table.Th ta="right">{t('fig.goods')}</Table.Th>
                <Table.Th ta="right">{t('fig.visits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...data.teachers.map((x) => ({
                  key: x.teacherId,
                  name: x.name,
                  f: x.spans[period] ?? x.months[period],
                })),
                {
                  key: 'school',
                  name: t('monthly.school'),
                  f: data.school.spans[period] ?? data.school.months[period],
                },
              ].map((row) =>
                row.f ? (
                  <Table.Tr key={row.key} fw={row.key === 'school' ? 700 : undefined}>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td ta="right">{num(row.f.pupils)}</Table.Td>
                    <Table.Td ta="right">{num(row.f.tutoringSessions)}</Table.Td>
                    <Table.Td ta="right">{num(row.f.tutoringHours)}</Table.Td>
                    <Table.Td ta="right">{vnd(row.f.moneyVnd)}</Table.Td>
                    <Table.Td ta="right">{num(row.f.riceKg)}</Table.Td>
                    <Table.Td ta="right">{vnd(row.f.goodsValueVnd)}</Table.Td>
                    <Table.Td ta="right">{num(row.f.familyVisits)}</Table.Td>
                  </Table.Tr>
                ) : null,
              )}
            </Table.Tbody>
          </Table>
          {exp.error && <Alert color="red">{errorMessage(exp.error, i18n.language)}</Alert>}
        </>
      ) : null}
    </Stack>
  );
}
