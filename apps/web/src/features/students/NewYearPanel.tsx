import { Alert, Button, Group, List, MultiSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

type YearPupil = { id: string; code: string | null; className: string; name?: string };

/** The pupils by class for the picker: the name where the identity rule gives it, else the code. */
function groupByClass(pupils: YearPupil[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of pupils) {
    const items = groups.get(p.className) ?? [];
    items.push({ value: p.id, label: p.name ? `${p.name} (${p.code ?? p.id})` : (p.code ?? p.id) });
    groups.set(p.className, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** The new school year: a preview (counts and class names only), then one confirmed step. */
export function NewYearPanel({ schoolId, defaultYear }: { schoolId: string; defaultYear: number }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [toYear, setToYear] = useState(defaultYear);
  const [confirming, setConfirming] = useState(false);
  const [repeaterIds, setRepeaterIds] = useState<string[]>([]);
  const pupils = useQuery(trpc.schoolYear.pupils.queryOptions({ schoolId, toYear }));
  // The preview counts the repeaters too: it is asked again as they are picked.
  const preview = useQuery({
    ...trpc.schoolYear.preview.queryOptions({ schoolId, toYear, repeaterIds }),
    placeholderData: (previous) => previous,
  });
  const move = useMutation(
    trpc.schoolYear.move.mutationOptions({
      onSuccess: () => {
        // Moved: the repeaters are in the new year's classes now, no longer to pick.
        setRepeaterIds([]);
        return queryClient.invalidateQueries({ queryKey: trpc.schoolYear.preview.queryKey() });
      },
    }),
  );
  const p = preview.data;
  return (
    <Stack gap="sm" data-testid="new-year">
      <Text size="sm">{t('newYear.intro')}</Text>
      <NumberInput
        label={t('newYear.toYear')}
        value={toYear}
        onChange={(v) => {
          if (typeof v !== 'number') return;
          setToYear(v);
          setRepeaterIds([]);
        }}
        min={2000}
        max={2100}
        maw={200}
        description={`${toYear}–${toYear + 1}`}
      />
      {pupils.data && pupils.data.length > 0 && !preview.data?.alreadyDone && (
        <MultiSelect
          label={t('newYear.repeaters')}
          description={t('newYear.repeatersHint')}
          placeholder={t('newYear.repeatersPlaceholder')}
          searchable
          clearable
          maxDropdownHeight={280}
          data={groupByClass(pupils.data)}
          value={repeaterIds}
          onChange={setRepeaterIds}
          data-testid="new-year-repeaters"
        />
      )}
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
          {p.repeating.length > 0 && (
            <>
              <Text fw={600}>{t('newYear.repeating')}</Text>
              <List size="sm" data-testid="new-year-repeating">
                {p.repeating.map((r) => (
                  <List.Item key={r.fromClassId}>
                    {t('newYear.repeatingItem', { fromName: r.fromName, toName: r.toName, count: r.pupils })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
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
              {t('newYear.done', move.data)}{' '}
              {move.data.pupilsRepeating > 0 && t('newYear.repeatingDone', move.data)}
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
                    onClick={() => move.mutate({ schoolId, toYear, repeaterIds })}
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
