import { Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { monthText, num, vnd } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

/**
 * What the child received, month by month. Only the school's staff on the case may ask
 * (its coordinator, principal, its helper: `reportRound.caseHelp`); anyone else — an office —
 * is not asked at all, and a refusal or an empty answer renders nothing.
 */
export function HelpOverTimeSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const { user } = useSession();
  const staff =
    user.roles.some(
      (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === c.school.unitId,
    ) || c.helpers.some((h) => h.userId === user.id && h.role === 'PRIMARY' && h.status === 'ACTIVE');
  const q = useQuery({
    ...trpc.reportRound.caseHelp.queryOptions({ caseId: c.id }),
    enabled: staff,
    retry: false,
  });
  if (!staff || !q.data || q.data.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="case-help">
      <Stack gap="xs">
        <Title order={4}>{t('help.title')}</Title>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('help.month')}</Table.Th>
              <Table.Th ta="right">{t('help.sessions')}</Table.Th>
              <Table.Th ta="right">{t('help.hours')}</Table.Th>
              <Table.Th ta="right">{t('help.money')}</Table.Th>
              <Table.Th ta="right">{t('help.rice')}</Table.Th>
              <Table.Th ta="right">{t('help.goods')}</Table.Th>
              <Table.Th ta="right">{t('help.visits')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((m) => (
              <Table.Tr key={m.month} data-testid={`case-help-${m.month}`}>
                <Table.Td>{monthText(m.month)}</Table.Td>
                <Table.Td ta="right">{num(m.tutoringSessions)}</Table.Td>
                <Table.Td ta="right">{num(m.tutoringHours)}</Table.Td>
                <Table.Td ta="right">{vnd(m.moneyVnd)}</Table.Td>
                <Table.Td ta="right">{num(m.riceKg)}</Table.Td>
                <Table.Td ta="right">{vnd(m.goodsValueVnd)}</Table.Td>
                <Table.Td ta="right">{num(m.familyVisits)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
