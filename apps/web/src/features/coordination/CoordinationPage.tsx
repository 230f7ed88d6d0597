import { Alert, Badge, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import { AssignmentTab } from './AssignmentTab';
import { REVIEW_TYPES, ReviewsTab } from './ReviewsTab';
import { ScreeningTab } from './ScreeningTab';
import { NS } from './strings';
import { useMySchools } from './useMySchools';
import { VolunteersTab } from './VolunteersTab';
import { WatchTab } from './WatchTab';

const TABS = ['screening', 'assignment', 'volunteers', 'reviews', 'watch'] as const;
type Tab = (typeof TABS)[number];
const REVIEWS = new Set<string>(REVIEW_TYPES);

/** The school coordinator's desk: screen, assign, watch the volunteers, review, follow up. */
export default function CoordinationPage() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const splat = useParams()['*'] ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(splat) ? (splat as Tab) : 'screening';
  const inbox = useQuery(trpc.task.inbox.queryOptions({}));
  const { schools, cards, error: boardError } = useMySchools();
  const [chosenSchool, setChosenSchool] = useState<string | null>(null);
  const schoolId = chosenSchool ?? schools[0]?.schoolId ?? null;

  const tasks = inbox.data ?? [];
  const byTab: Record<Exclude<Tab, 'volunteers' | 'watch'>, typeof tasks> = {
    screening: tasks.filter((x) => x.type === 'screening'),
    assignment: tasks.filter((x) => x.type === 'assign_helper'),
    reviews: tasks.filter((x) => REVIEWS.has(x.type)),
  };
  const mine = cards.filter((c) => c.schoolId === schoolId);
  const watchCount = mine.filter(
    (c) => c.stage !== 'closed' && c.stage !== 'declined' && (c.overdue || c.riskLevel === 'high'),
  ).length;
  const count = (n: number) =>
    n > 0 ? (
      <Badge size="xs" circle={n < 10} variant="filled" color="red">
        {n}
      </Badge>
    ) : null;

  const error = inbox.error ?? boardError;
  const panel =
    inbox.isLoading && tab !== 'volunteers' && tab !== 'watch' ? (
      <Text c="dimmed">{t('loading')}</Text>
    ) : tab === 'screening' ? (
      <ScreeningTab tasks={byTab.screening} />
    ) : tab === 'assignment' ? (
      <AssignmentTab tasks={byTab.assignment} />
    ) : tab === 'reviews' ? (
      <ReviewsTab tasks={byTab.reviews} />
    ) : !schoolId ? (
      <Text c="dimmed">{t('noSchool')}</Text>
    ) : tab === 'volunteers' ? (
      <VolunteersTab schoolId={schoolId} />
    ) : (
      <WatchTab cards={mine} />
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('title')}</Title>
        {schools.length > 1 && (
          <Select
            label={t('school')}
            data={schools.map((s) => ({ value: s.schoolId, label: s.schoolName }))}
            value={schoolId}
            onChange={setChosenSchool}
            allowDeselect={false}
            w={280}
          />
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(error, i18n.language) })}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => navigate(`/coordination/${v ?? 'screening'}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="screening" rightSection={count(byTab.screening.length)}>
            {t('tabs.screening')}
          </Tabs.Tab>
          <Tabs.Tab value="assignment" rightSection={count(byTab.assignment.length)}>
            {t('tabs.assignment')}
          </Tabs.Tab>
          <Tabs.Tab value="volunteers">{t('tabs.volunteers')}</Tabs.Tab>
          <Tabs.Tab value="reviews" rightSection={count(byTab.reviews.length)}>
            {t('tabs.reviews')}
          </Tabs.Tab>
          <Tabs.Tab value="watch" rightSection={count(watchCount)}>
            {t('tabs.watch')}
          </Tabs.Tab>
        </Tabs.List>
        {/* a11y: every tab controls a panel that exists; only the open one has content */}
        {TABS.map((v) => (
          <Tabs.Panel key={v} value={v} pt="md" maw={1000}>
            {v === tab && panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
