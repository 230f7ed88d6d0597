import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../shared/confirm/ConfirmModal';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

/** setup: a teacher volunteers for the campaign (how many pupils, which subjects), or takes no more. */
export default function VolunteerPage() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.volunteer.me.queryOptions({}));
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ activeOnly: true }));
  const register = useMutation(trpc.volunteer.register.mutationOptions());
  const stop = useMutation(trpc.volunteer.stop.mutationOptions());
  const [capacity, setCapacity] = useState<number | string>(1);
  const [subjects, setSubjects] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  useEffect(() => {
    if (me.data) {
      setCapacity(Math.max(me.data.capacity, 1));
      setSubjects(me.data.subjects);
    }
  }, [me.data]);

  if (me.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (me.error) return <Alert color="red">{errorMessage(me.error, i18n.language)}</Alert>;
  const m = me.data;
  if (!m) return null;
  const campaign = campaigns.data?.[0];
  const refresh = () => queryClient.invalidateQueries(trpc.volunteer.pathFilter());
  const status = m.capacity === 0 ? 'stopped' : m.spare > 0 ? 'volunteer' : 'full';
  const error = register.error ?? stop.error;

  return (
    <Stack gap="md" maw={760} data-testid="volunteer-page">
      <Title order={2}>{t('title')}</Title>
      <Text size="sm" c="dimmed">
        {campaign ? t('campaign', { name: campaign.name }) : t('noCampaign')}
      </Text>
      <Text size="sm">{t('intro')}</Text>
      <Alert
        color={status === 'volunteer' ? 'teal' : status === 'full' ? 'orange' : 'gray'}
        data-testid="volunteer-status"
      >
        {t(`status.${status}`, { load: m.load, capacity: m.capacity, spare: m.spare })}
      </Alert>
      {done && (
        <Alert color="green" role="status" data-testid="volunteer-done">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {t('failed', { message: errorMessage(error, i18n.language) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            stop.reset();
            register.mutate(
              { capacity: typeof capacity === 'number' ? capacity : Number.NaN, subjects },
              {
                onSuccess: (r) => {
                  setDone(t('saved', { capacity: r.capacity, spare: r.spare }));
                  void refresh();
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <NumberInput
              label={t('capacity')}
              description={t('capacityHelp', { min: Math.max(m.load, 1) })}
              value={capacity}
              onChange={setCapacity}
              min={Math.max(m.load, 1)}
              max={10}
              w={260}
              data-testid="volunteer-capacity"
            />
            <TagsInput
              label={t('subjects')}
              description={t('subjectsHelp')}
              value={subjects}
              onChange={setSubjects}
              maxTags={10}
              data-testid="volunteer-subjects"
            />
            <Group>
              <Button type="submit" loading={register.isPending}>
                {m.capacity === 0 ? t('save') : t('update')}
              </Button>
              {m.capacity > 0 && (
                <Button variant="default" color="gray" onClick={() => setConfirmStop(true)}>
                  {t('stop')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={4}>{t('cases')}</Title>
      {m.cases.length === 0 ? (
        <Text c="dimmed">{t('noCases')}</Text>
      ) : (
        <Stack gap="xs" data-testid="volunteer-cases">
          {m.cases.map((c) => (
            <Paper key={c.caseId} withBorder p="sm">
              <Group justify="space-between">
                <Stack gap={0}>
                  <Text fw={600}>{c.studentName ?? c.code}</Text>
                  <Text size="xs" c="dimmed">
                    {c.code} · {c.className ?? '—'} · {c.schoolName}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Badge color={c.status === 'OFFERED' ? 'orange' : 'teal'} variant="light">
                    {c.status === 'OFFERED' ? t('offered') : t('active')}
                  </Badge>
                  <Anchor
                    component={Link}
                    to={c.status === 'OFFERED' ? '/tasks' : `/cases/${c.caseId}`}
                    size="sm"
                  >
                    {c.status === 'OFFERED' ? t('answerOffer') : t('openCase')}
                  </Anchor>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={confirmStop}
        title={t('stopTitle')}
        confirmLabel={t('stop')}
        loading={stop.isPending}
        onClose={() => setConfirmStop(false)}
        onConfirm={() => {
          register.reset();
          stop.mutate(
            {},
            {
              onSuccess: (r) => {
                setConfirmStop(false);
                setDone(t('stopped', { count: r.continuing }));
                void refresh();
              },
              onError: () => setConfirmStop(false),
            },
          );
        }}
      >
        {t('stopBody', { count: m.load })}
      </ConfirmModal>
    </Stack>
  );
}
