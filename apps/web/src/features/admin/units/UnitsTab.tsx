import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage, isoDay } from '../format';
import { NS } from '../strings';
import type { AdminUnit } from '../types';
import { CreateUnitModal } from './CreateUnitModal';
import { EditUnitModal } from './EditUnitModal';

/** The organisation tree, parents before children (the server's order), indented by depth. */
export function UnitsTab() {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const units = useQuery(trpc.admin.listUnits.queryOptions({}));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUnit | null>(null);
  const list = units.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)} disabled={!units.data}>
          {t('units.create')}
        </Button>
      </Group>
      {units.error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(units.error, i18n.language) })}
        </Alert>
      )}
      {units.isLoading && <Text c="dimmed">{core('loading')}</Text>}
      {units.data && list.length === 0 && <Text c="dimmed">{t('units.empty')}</Text>}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="units-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.name')}</Table.Th>
                <Table.Th>{t('units.code')}</Table.Th>
                <Table.Th>{t('units.kind')}</Table.Th>
                <Table.Th>{t('units.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((u) => (
                <Table.Tr key={u.id} data-testid={`unit-row-${u.code}`}>
                  <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-sm) + ${u.depth * 1.5}rem)` }}>
                    <Text size="sm" fw={u.depth === 0 ? 700 : 400} c={u.closed ? 'dimmed' : undefined}>
                      {u.depth > 0 && '└ '}
                      {u.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {u.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(`units.kinds.${u.kind}`)}
                      {u.school && ` · ${t(`units.levels.${u.school.level}`)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.closed ? (
                      <Badge color="gray" variant="light" data-testid="badge-closed">
                        {t('units.closed', { date: isoDay(u.validUntil) })}
                      </Badge>
                    ) : u.validUntil ? (
                      <Badge color="yellow" variant="light">
                        {t('units.closesOn', { date: isoDay(u.validUntil) })}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('units.open')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setEditing(u)}>
                      {t('units.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateUnitModal opened={creating} onClose={() => setCreating(false)} units={list} />
      <EditUnitModal unit={editing} units={list} onClose={() => setEditing(null)} />
    </Stack>
  );
}
