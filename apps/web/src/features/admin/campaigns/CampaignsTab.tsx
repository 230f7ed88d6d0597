import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../../trpc';
import { errorMessage } from '../format';
import { NS } from '../strings';
import { CreateCampaignModal } from './CreateCampaignModal';

/** The campaigns the caller sees, open ones first, with the cases they may count. */
export function CampaignsTab() {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ activeOnly: false }));
  const [creating, setCreating] = useState(false);
  const list = campaigns.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)} disabled={!campaigns.data}>
          {t('campaigns.create')}
        </Button>
      </Group>
      {campaigns.error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(campaigns.error, i18n.language) })}
        </Alert>
      )}
      {campaigns.isLoading && <Text c="dimmed">{core('loading')}</Text>}
      {campaigns.data && list.length === 0 && <Text c="dimmed">{t('campaigns.empty')}</Text>}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover data-testid="campaigns-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.name')}</Table.Th>
                <Table.Th>{t('campaigns.unit')}</Table.Th>
                <Table.Th>{t('campaigns.schoolYear')}</Table.Th>
                <Table.Th ta="right">{t('campaigns.cases')}</Table.Th>
                <Table.Th>{t('campaigns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id} data-testid={`campaign-row-${c.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/campaigns/${c.id}`} size="sm">
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.unitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.schoolYearLabel}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{c.cases.total}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={c.active ? 'green' : 'gray'} variant="light">
                      {c.active ? t('campaigns.active') : t('campaigns.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateCampaignModal opened={creating} onClose={() => setCreating(false)} campaigns={list} />
    </Stack>
  );
}
