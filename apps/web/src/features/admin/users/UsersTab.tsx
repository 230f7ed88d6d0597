import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage } from '../format';
import { NS } from '../strings';
import type { AdminUser } from '../types';
import { ConfirmDisableModal } from './ConfirmDisableModal';
import { ConfirmResetModal } from './ConfirmResetModal';
import { CreateUserModal } from './CreateUserModal';
import { EditRolesModal } from './EditRolesModal';
import { type CreatedAccount, TempPasswordModal } from './TempPasswordModal';

/** Accounts with their roles; the server searches with or without diacritics and sorts by given name. */
export function UsersTab() {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useQuery(
    trpc.admin.listUsers.queryOptions(q ? { q, limit: 200 } : { limit: 200 }, {
      placeholderData: keepPreviousData,
    }),
  );
  const units = useQuery(trpc.admin.listUnits.queryOptions({}));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [toggling, setToggling] = useState<AdminUser | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const error = users.error ?? units.error;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 420 }}
        />
        <Button onClick={() => setCreating(true)} disabled={!units.data}>
          {t('users.create')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(error, i18n.language) })}
        </Alert>
      )}
      {users.isLoading && <Text c="dimmed">{core('loading')}</Text>}
      {users.data && users.data.length === 0 && (
        <Text c="dimmed" data-testid="users-empty">
          {t('users.empty')}
        </Text>
      )}
      {users.data && users.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.displayName}
                    </Text>
                    {u.email && (
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {u.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.roles.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('users.noRoles')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {u.roles.map((r) => (
                          <Text size="sm" key={`${r.role}@${r.unitId}`}>
                            <b>{core(`roles.${r.role}`)}</b> · {r.unitName}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.disabled ? (
                        <Badge color="red" variant="light" data-testid="badge-disabled">
                          {t('users.disabled')}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          {t('users.active')}
                        </Badge>
                      )}
                      {u.mustChangePassword && !u.disabled && (
                        <Badge color="yellow" variant="light">
                          {t('users.mustChange')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing(u)} disabled={!units.data}>
                        {t('users.editRoles')}
                      </Button>
                      <Button size="xs" variant="subtle" color="orange" onClick={() => setResetting(u)}>
                        {t('users.resetPassword')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={u.disabled ? 'blue' : 'red'}
                        onClick={() => setToggling(u)}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(account) => {
          setCreating(false);
          setCreated(account);
        }}
        units={units.data ?? []}
      />
      <TempPasswordModal account={created} onClose={() => setCreated(null)} />
      <ConfirmResetModal user={resetting} onClose={() => setResetting(null)} onReset={setCreated} />
      <EditRolesModal user={editing} units={units.data ?? []} onClose={() => setEditing(null)} />
      <ConfirmDisableModal user={toggling} onClose={() => setToggling(null)} />
    </Stack>
  );
}
