import { Card, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isoDay } from '../format';
import { NS } from '../strings';
import type { CampaignDetail } from '../types';

type CheckIn = NonNullable<CampaignDetail['calendar']>['checkIns'][number];

/** The monthly check-in schedule as the case workflows will follow it (derived by the server). */
export function CheckInTable({ checkIns, checkInDay }: { checkIns: CheckIn[]; checkInDay: number }) {
  const { t } = useTranslation(NS);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>
          {t('calendar.schedule')} ({t('settings.checkInDay').toLowerCase()}: {checkInDay})
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="checkin-schedule">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.month')}</Table.Th>
                <Table.Th>{t('calendar.opensOn')}</Table.Th>
                <Table.Th>{t('calendar.remindOn')}</Table.Th>
                <Table.Th>{t('calendar.dueOn')}</Table.Th>
                <Table.Th>{t('calendar.escalateOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checkIns.map((c) => (
                <Table.Tr key={c.key} data-testid={`checkin-${c.key}`}>
                  <Table.Td>{`${c.key.slice(5, 7)}/${c.key.slice(0, 4)}`}</Table.Td>
                  <Table.Td>{isoDay(c.opensOn)}</Table.Td>
                  <Table.Td>{isoDay(c.remindOn)}</Table.Td>
                  <Table.Td fw={600}>{isoDay(c.dueOn)}</Table.Td>
                  <Table.Td>{isoDay(c.escalateOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
