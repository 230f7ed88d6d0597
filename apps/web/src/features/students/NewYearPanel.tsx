import { Alert, Button, Group, List, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

/** The new school year: a preview (counts and class names only), then one confirmed step. */
export function NewYearPanel({ schoolId, defaultYear }: { schoolId: string; defaultYear: number }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [toYear, setToYear] = useState(defaultYear);
  const [confirming, setConfirming] = useState(false);
  const preview = useQuery(trpc.schoolYear.preview.queryOptions({ schoolId, toYear }));
  const move = useMutation(
    trpc.schoolYear.move.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.schoolYear.preview.queryKey() }),
    }),
  );
  const p = preview.data;
  return (
    <Stack gap="sm" data-testid="new-year">
      <Text size="sm">{t('newYear.intro')}</Text>
      <NumberInput
        label={t('newYear.toYear')}
        value={toYear}
        onChange={(v) => typeof v === 'number' && setToYear(v)}
        min={2000}
        max={2100}
        maw={200}
        description={`${toYear}–${toYear + 1}`}
      />
      {preview.error && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {p && (
        <>
          {p.alreadyDone && <Alert color="green">{t('newYear.already')}</Alert>}
          <Text fw={600}>{t('newYear.moves')}</Text>
          <List size="sm" data-testid="new-year-moves">
            {p.moves.map((m) => (
              <List.Item key={m.fromClassId}>
                {m.fromName} → {m.toName} (
                {t('newYear.pupils', { count: m.pupils, formatted: num(m.pupils) })})
              </List.Item>
            ))}
          </List>
          <Text fw={600}>{t('newYear.leaving')}</Text>
          <List size="sm" data-testid="new-year-leaving">
            {p.leaving.map((l) => (
              <List.Item key={l.fromClassId}>
                {l.fromName} ({t('newYear.pupils', { count: l.pupils })})
              </List.Item>
            ))}
          </List>
          <Text size="sm">{t('newYear.openCases', { count: p.openCases })}</Text>
          {p.leavingWithOpenCase > 0 && (
            <Alert color="orange">{t('newYear.leavingWithCase', { count: p.leavingWithOpenCase })}</Alert>
          )}
          {p.nextCampaign ? (
            <Text size="sm">{t('newYear.nextCampaign', { name: p.nextCampaign.name })}</Text>
          ) : (
            <Alert color="yellow">{t('newYear.noCampaign')}</Alert>
          )}
          {move.data && (
            <Alert color="green" data-testid="new-year-done">
              {t('newYear.done', move.data)}
            </Alert>
          )}
          {move.error && (
            <Alert color="red">{t('newYear.failed', { message: errorMessage(move.error) })}</Alert>
          )}
          {!p.alreadyDone && !move.data && (
            <Group>
              {confirming ? (
                <>
                  <Text size="sm">{t('newYear.confirm')}</Text>
                  <Button
                    color="red"
                    loading={move.isPending}
                    onClick={() => move.mutate({ schoolId, toYear })}
                  >
                    {t('newYear.apply', { year: `${toYear}–${toYear + 1}` })}
                  </Button>
                </>
              ) : (
                <Button
                  onClick={() => setConfirming(true)}
                  disabled={p.moves.length + p.leaving.length === 0}
                >
                  {t('newYear.apply', { year: `${toYear}–${toYear + 1}` })}
                </Button>
              )}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
