import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import { ASSIGN_NS } from './assign-strings';
import { CapacityModal, type CapacityTarget } from './CapacityModal';
import { NS } from './strings';

/** The school's teachers with what each volunteered and what is left; teachers are staff, no child here. */
export function VolunteersTab({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const list = useQuery(trpc.volunteer.list.queryOptions({ schoolId }));
  // setup: a coordinator changes a teacher's capacity, with a reason (audited).
  const { t: ta } = useTranslation(ASSIGN_NS);
  const [editing, setEditing] = useState<CapacityTarget | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (list.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (list.error)
    return <Alert color="red">{t('loadError', { message: errorMessage(list.error, i18n.language) })}</Alert>;
  const rows = list.data ?? [];
  if (rows.length === 0) return <Text c="dimmed">{t('volunteers.empty')}</Text>;
  const volunteers = rows.filter((r) => r.volunteer);
  const spare = volunteers.reduce((n, r) => n + r.spare, 0);
  return (
    <>
      {saved && (
        <Alert color="green" role="status" mb="xs" data-testid="capacity-saved">
          {saved}
        </Alert>
      )}
      <Text size="sm" mb="xs">
        {t('volunteers.summary', { volunteers: volunteers.length, spare })}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table striped fz="sm" data-testid="volunteers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('volunteers.name')}</Table.Th>
              <Table.Th>{t('volunteers.subjects')}</Table.Th>
              <Table.Th>{t('volunteers.homeroom')}</Table.Th>
              <Table.Th ta="right">{t('volunteers.load')}</Table.Th>
              <Table.Th ta="right">{t('volunteers.capacity')}</Table.Th>
              <Table.Th ta="right">{t('volunteers.spare')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.userId} data-testid="volunteer-row">
                <Table.Td>{r.displayName}</Table.Td>
                <Table.Td>{r.subjects.join(', ')}</Table.Td>
                <Table.Td>{r.homeroomClasses.map((c) => c.name).join(', ')}</Table.Td>
                <Table.Td ta="right">{r.load}</Table.Td>
                <Table.Td ta="right">
                  {r.volunteer ? (
                    r.capacity
                  ) : (
                    <Badge size="sm" variant="light" color="gray">
                      {t('volunteers.notVolunteer')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{r.volunteer ? r.spare : '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`${ta('change')}: ${r.displayName}`}
                    onClick={() => {
                      setSaved(null);
                      setEditing(r);
                    }}
                  >
                    {ta('change')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CapacityModal teacher={editing} onClose={() => setEditing(null)} onSaved={setSaved} />
    </>
  );
}
