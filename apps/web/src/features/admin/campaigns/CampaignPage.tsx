import { Alert, Anchor, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useTRPC } from '../../../trpc';
import { errorMessage, type FieldIssue, issuesOf } from '../format';
import { NS } from '../strings';
import { CalendarView } from './CalendarView';
import { CheckInTable } from './CheckInTable';
import { SettingsForm } from './SettingsForm';

/** One campaign: its calendar at a glance, the derived check-in schedule, and its settings to edit. */
export function CampaignPage() {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const { campaignId = '' } = useParams();
  const location = useLocation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.campaign.get.queryOptions({ campaignId }));
  const save = useMutation(trpc.campaign.updateSettings.mutationOptions());
  const setActive = useMutation(trpc.campaign.setActive.mutationOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.campaign.get.queryFilter({ campaignId })),
      queryClient.invalidateQueries(trpc.campaign.list.pathFilter()),
    ]);

  if (detail.isLoading) return <Text c="dimmed">{core('loading')}</Text>;
  if (detail.error || !detail.data)
    return (
      <Alert color="red" role="alert">
        {t('loadError', { message: detail.error ? errorMessage(detail.error, i18n.language) : '' })}
      </Alert>
    );
  const c = detail.data;

  const onSave = async (settings: NonNullable<typeof c.settings>): Promise<FieldIssue[]> => {
    setSaved(null);
    setSaveError(null);
    try {
      const out = await save.mutateAsync({ campaignId, settings });
      setSaved(out.changed.length > 0 ? t('settings.saved') : t('settings.unchanged'));
      await refresh();
      return [];
    } catch (err) {
      // CALENDAR_INVALID's issues go next to their fields; the message above says to look there.
      setSaveError(errorMessage(err, i18n.language));
      return issuesOf(err);
    }
  };

  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to="/admin/campaigns" size="sm">
        {t('campaigns.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={3} data-testid="campaign-name">
            {c.name}
          </Title>
          <Text size="sm" c="dimmed">
            {c.unitName} · {t('campaigns.schoolYear')} {c.schoolYearLabel} · {t('campaigns.cases')}:{' '}
            {c.cases.total}
          </Text>
        </div>
        <Group gap="xs">
          <Badge color={c.active ? 'green' : 'gray'} variant="light">
            {c.active ? t('campaigns.active') : t('campaigns.inactive')}
          </Badge>
          {c.canManage && (
            <Button
              size="xs"
              variant="light"
              color={c.active ? 'red' : 'blue'}
              onClick={() => setConfirming(true)}
            >
              {c.active ? t('campaigns.close') : t('campaigns.reopen')}
            </Button>
          )}
        </Group>
      </Group>
      {justCreated && (
        <Alert color="yellow" data-testid="review-calendar">
          {t('campaigns.reviewCalendar')}
        </Alert>
      )}
      {c.settingsIssues.length > 0 && (
        <Alert color="orange" title={t('campaigns.storedIssues')}>
          <List size="sm">
            {c.settingsIssues.map((i) => (
              <List.Item key={`${i.path.join('.')}:${i.message}`}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {c.settings && c.calendar ? (
        <>
          <CalendarView settings={c.settings} derived={c.calendar} />
          <CheckInTable checkIns={c.calendar.checkIns} checkInDay={c.settings.checkInDay} />
        </>
      ) : (
        <Text c="dimmed">{t('calendar.noCalendar')}</Text>
      )}
      <Title order={4}>{t('settings.title')}</Title>
      {!c.canManage && <Text c="dimmed">{t('campaigns.readOnly')}</Text>}
      {saved && (
        <Alert color="green" role="status" data-testid="settings-saved">
          {saved}
        </Alert>
      )}
      {saveError && (
        <Alert color="red" role="alert" data-testid="settings-error">
          {saveError}
        </Alert>
      )}
      {c.settings && (
        <SettingsForm
          key={detail.dataUpdatedAt}
          settings={c.settings}
          readOnly={!c.canManage}
          saving={save.isPending}
          onSave={onSave}
        />
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={c.active ? t('campaigns.close') : t('campaigns.reopen')}
      >
        <Stack gap="sm">
          <Text size="sm">{c.active ? t('campaigns.confirmClose') : t('campaigns.confirmReopen')}</Text>
          {setActive.error && (
            <Alert color="red" role="alert">
              {errorMessage(setActive.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {core('cancel')}
            </Button>
            <Button
              loading={setActive.isPending}
              color={c.active ? 'red' : 'blue'}
              onClick={() =>
                setActive.mutate(
                  { campaignId, active: !c.active },
                  {
                    onSuccess: async () => {
                      await refresh();
                      setConfirming(false);
                    },
                  },
                )
              }
            >
              {t('campaigns.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
