import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

/** The principal places or lifts a legal hold: erasure waits while one is in place. */
export function LegalHolds({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.privacy.legalHold.list.queryOptions({ caseId }));
  const refresh = () => queryClient.invalidateQueries(trpc.privacy.legalHold.list.queryFilter({ caseId }));
  const [reason, setReason] = useState('');
  const place = useMutation(
    trpc.privacy.legalHold.place.mutationOptions({
      onSuccess: async () => {
        setReason('');
        await refresh();
      },
    }),
  );
  const lift = useMutation(trpc.privacy.legalHold.lift.mutationOptions({ onSuccess: refresh }));
  const error = place.error ?? lift.error;
  return (
    <Stack gap="xs" data-testid="legal-holds">
      <Title order={5}>{t('hold.title')}</Title>
      <Text size="xs" c="dimmed">
        {t('hold.explain')}
      </Text>
      {(list.data ?? []).length === 0 && <Text size="sm">{t('hold.none')}</Text>}
      {(list.data ?? []).map((h) => (
        <Group key={h.id} gap="xs" data-testid="legal-hold" data-lifted={h.liftedAt ? 'yes' : 'no'}>
          <Text size="sm">
            {h.liftedAt
              ? t('hold.lifted', { time: dateTimeText(h.liftedAt), reason: h.reason ?? '' })
              : t('hold.active', { time: dateTimeText(h.placedAt), reason: h.reason ?? '' })}
          </Text>
          {!h.liftedAt && (
            <Button size="compact-xs" variant="default" onClick={() => lift.mutate({ caseId, holdId: h.id })}>
              {t('hold.lift')}
            </Button>
          )}
        </Group>
      ))}
      <Group align="end">
        <TextInput
          label={t('hold.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          disabled={reason.trim() === ''}
          loading={place.isPending}
          onClick={() => place.mutate({ caseId, reason })}
        >
          {t('hold.place')}
        </Button>
      </Group>
      {error && <Alert color="red">{errorMessage(error, i18n.language)}</Alert>}
    </Stack>
  );
}
