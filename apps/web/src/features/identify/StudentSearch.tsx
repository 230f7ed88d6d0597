import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { errorMessage } from './error-message';
import { NS } from './strings';
import type { StudentHit } from './types';

const LIMIT = 30;
const DEBOUNCE_MS = 300;

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The students the caller may see (the server scopes, matches without diacritics and sorts the
 * Vietnamese way); a request waits for a pause in typing.
 */
export function StudentSearch({
  selectedId,
  schoolName,
  onPick,
}: {
  selectedId: string | null;
  schoolName: (schoolId: string) => string | undefined;
  onPick: (s: StudentHit) => void;
}) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), DEBOUNCE_MS);
  const search = useQuery({
    ...trpc.student.search.queryOptions({ q: debounced, limit: LIMIT }),
    placeholderData: keepPreviousData,
  });
  const hits = search.data ?? [];
  return (
    <Stack gap="xs">
      <TextInput
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        data-testid="student-search"
        autoComplete="off"
      />
      {search.error && (
        <Alert color="red">{t('search.error', { message: errorMessage(search.error) })}</Alert>
      )}
      {search.isPending && <Text c="dimmed">{t('search.loading')}</Text>}
      {search.isSuccess && hits.length === 0 && (
        <Text c="dimmed" data-testid="search-empty">
          {debounced ? t('search.noMatch', { q: debounced }) : t('search.empty')}
        </Text>
      )}
      <Stack gap={6} data-testid="student-hits">
        {hits.map((s) => (
          <StudentRow
            key={s.id}
            student={s}
            school={s.schoolName ?? schoolName(s.schoolId)}
            selected={s.id === selectedId}
            onPick={() => onPick(s)}
          />
        ))}
      </Stack>
      {hits.length === LIMIT && (
        <Text size="xs" c="dimmed">
          {t('search.more', { count: LIMIT })}
        </Text>
      )}
    </Stack>
  );
}

function StudentRow({
  student: s,
  school,
  selected,
  onPick,
}: {
  student: StudentHit;
  school: string | undefined;
  selected: boolean;
  onPick: () => void;
}) {
  const { t } = useTranslation(NS);
  const where = [s.className ? `${t('search.classPrefix')} ${s.className}` : t('search.noClass'), school]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="student-hit"
      data-student-id={s.id}
      bg={selected ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {s.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {where}
            {s.birthDate ? ` · ${t('search.born', { date: formatDate(s.birthDate) })}` : ''}
          </Text>
        </div>
        <Button
          size="xs"
          variant={selected ? 'filled' : 'light'}
          onClick={onPick}
          aria-label={`${t('search.pick')} ${s.fullName}`}
          aria-pressed={selected}
          style={{ flexShrink: 0 }}
        >
          {selected ? t('search.picked') : t('search.pick')}
        </Button>
      </Group>
    </Card>
  );
}
