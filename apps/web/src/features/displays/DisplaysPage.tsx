import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import './strings';

type DisplayRow = {
  id: string;
  label: string;
  unitName: string;
  pairedAt: string | null;
  pairExpires: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
};

function stateOf(d: DisplayRow, now: number): 'waiting' | 'active' | 'revoked' | 'expired' {
  if (d.revokedAt) return 'revoked';
  if (d.pairedAt) return 'active';
  return d.pairExpires && Date.parse(d.pairExpires) > now ? 'waiting' : 'expired';
}

/**
 * Wall displays (issue 14): a coordinator (school) or an office coordinator (office) creates a
 * display for the unit, gets its one-time pairing link, sees when each was last seen, revokes.
 */
export default function DisplaysPage() {
  const { t } = useTranslation('displays');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.display.list.queryOptions({}));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [pairLink, setPairLink] = useState<{ label: string; url: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries(trpc.display.list.queryFilter());
  const create = useMutation(
    trpc.display.create.mutationOptions({
      onSuccess: (r, input) => {
        setPairLink({ label: input.label, url: `${window.location.origin}/wall#pair=${r.pairCode}` });
        setLabel('');
        setDone(null);
        refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.display.revoke.mutationOptions({
      onSuccess: (_r, input) => {
        const d = list.data?.displays.find((x) => x.id === input.displayId);
        setDone(t('revoked', { label: d?.label ?? '' }));
        setConfirming(null);
        refresh();
      },
    }),
  );
  const units = list.data?.units ?? [];
  const chosenUnit = unitId ?? units[0]?.id ?? null;
  const now = Date.now();
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h3">
        {t('title')}
      </Title>
      <Text size="sm">{t('intro')}</Text>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data && units.length === 0 && <Text c="dimmed">{t('noUnit')}</Text>}
      {units.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosenUnit) create.mutate({ unitId: chosenUnit, label });
          }}
        >
          <Group align="end" wrap="wrap">
            {units.length > 1 && (
              <Select
                label={t('unit')}
                data={units.map((u) => ({ value: u.id, label: u.name }))}
                value={chosenUnit}
                onChange={setUnitId}
                allowDeselect={false}
                w={260}
              />
            )}
            <TextInput
              label={t('label')}
              placeholder={t('labelPlaceholder')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              maxLength={80}
              required
              w={300}
            />
            <Button type="submit" loading={create.isPending}>
              {t('create')}
            </Button>
          </Group>
          {create.error && (
            <Text c="red" size="sm" role="alert" mt={4}>
              {create.error.message}
            </Text>
          )}
        </form>
      )}
      {pairLink && (
        <Alert color="green" data-testid="pair-link" title={t('created', { label: pairLink.label })}>
          <Text size="sm" mb={6}>
            {t('pairHow')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="pair-url" style={{ wordBreak: 'break-all' }}>
              {pairLink.url}
            </Code>
            <CopyButton value={pairLink.url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('copied') : t('copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {done && (
        <Alert color="blue" role="status">
          {done}
        </Alert>
      )}
      <Title order={2} size="h4">
        {t('list')}
      </Title>
      {list.data && list.data.displays.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {list.data && list.data.displays.length > 0 && (
        <Table data-testid="displays" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('colLabel')}</Table.Th>
              <Table.Th>{t('colUnit')}</Table.Th>
              <Table.Th>{t('colState')}</Table.Th>
              <Table.Th>{t('colSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.displays.map((d) => {
              const state = stateOf(d, now);
              return (
                <Table.Tr key={d.id} data-testid="display-row" data-state={state}>
                  <Table.Td>{d.label}</Table.Td>
                  <Table.Td>{d.unitName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={state === 'active' ? 'green' : 'gray'} tt="none">
                      {t(`state.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.lastSeenAt ? dateTimeText(d.lastSeenAt) : t('never')}</Table.Td>
                  <Table.Td>
                    {state !== 'revoked' &&
                      (confirming === d.id ? (
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm">{t('confirmRevoke', { label: d.label })}</Text>
                          <Button
                            size="xs"
                            color="red"
                            loading={revoke.isPending}
                            onClick={() => revoke.mutate({ displayId: d.id })}
                          >
                            {t('revoke')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                            {t('cancel', { ns: 'core' })}
                          </Button>
                        </Group>
                      ) : (
                        <Button size="xs" variant="default" onClick={() => setConfirming(d.id)}>
                          {t('revoke')}
                        </Button>
                      ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
