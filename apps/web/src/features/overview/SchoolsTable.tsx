import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { num, percent, vnd } from './format';
import { NS } from './strings';
import type { SchoolSummary } from './types';

/** The same figures as the charts, readable row by row (and by screen readers). */
export function SchoolsTable({ schools }: { schools: SchoolSummary[] }) {
  const { t } = useTranslation(NS);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('table.title')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="schools-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.school')}</Table.Th>
              <Table.Th ta="right">{t('table.total')}</Table.Th>
              <Table.Th ta="right">{t('table.overdue')}</Table.Th>
              <Table.Th ta="right">{t('table.highRisk')}</Table.Th>
              <Table.Th ta="right">{t('table.checkIns')}</Table.Th>
              <Table.Th ta="right">{t('table.hours')}</Table.Th>
              <Table.Th ta="right">{t('table.vnd')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((s) => (
              <Table.Tr key={s.schoolId} data-testid="school-row" data-school-id={s.schoolId}>
                <Table.Td>{s.schoolName}</Table.Td>
                <Table.Td ta="right">{s.total}</Table.Td>
                <Table.Td ta="right">
                  {s.overdue} ({percent(s.overdue, s.total)})
                </Table.Td>
                <Table.Td ta="right">{s.highRisk}</Table.Td>
                <Table.Td ta="right">
                  {s.checkIns}
                  {s.lateCheckIns ? ` (${s.lateCheckIns} ⚠)` : ''}
                </Table.Td>
                <Table.Td ta="right">{num(s.tutoringHours)}</Table.Td>
                <Table.Td ta="right">{vnd(s.materialVnd)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
