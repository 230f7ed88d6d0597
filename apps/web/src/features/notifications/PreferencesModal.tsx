import {
  isNotificationKind,
  NOTIFICATION_KINDS,
  type NotificationLanguage,
  type NotificationPrefs,
  notificationTitle,
} from '@donghanh/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

const hours = Array.from({ length: 24 }, (_, h) => ({
  value: String(h * 60),
  label: `${String(h).padStart(2, '0')}:00`,
}));

/** Which notifications come by e-mail, quiet hours, the mails' language, a daily digest. */
export function PreferencesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery({ ...trpc.notification.preferences.queryOptions({}), enabled: opened });
  const [draft, setDraft] = useState<NotificationPrefs | null>(null);
  useEffect(() => {
    if (opened && current.data) setDraft(current.data);
  }, [opened, current.data]);
  const save = useMutation(
    trpc.notification.setPreferences.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.notification.preferences.queryKey({}), saved);
        onClose();
      },
    }),
  );
  const lang = langOf(i18n.language);
  return (
    <Modal opened={opened} onClose={onClose} title={t('prefs.title')} size="lg">
      {draft && (
        <Stack gap="sm" data-testid="notification-prefs">
          <Switch
            label={t('prefs.allMail')}
            checked={!draft.unsubscribed}
            onChange={(e) => setDraft({ ...draft, unsubscribed: !e.currentTarget.checked })}
          />
          <Text size="sm" fw={600}>
            {t('prefs.byMail')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
            {NOTIFICATION_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={notificationTitle(kind, lang)}
                disabled={draft.unsubscribed}
                checked={!draft.mailOff.includes(kind)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    mailOff: e.currentTarget.checked
                      ? draft.mailOff.filter((k) => k !== kind)
                      : [...draft.mailOff, kind],
                  })
                }
              />
            ))}
          </SimpleGrid>
          <Group grow>
            <NativeSelect
              label={t('prefs.quietStart')}
              data={hours}
              value={String(draft.quietStart - (draft.quietStart % 60))}
              onChange={(e) => setDraft({ ...draft, quietStart: Number(e.currentTarget.value) })}
            />
            <NativeSelect
              label={t('prefs.quietEnd')}
              data={hours}
              value={String(draft.quietEnd - (draft.quietEnd % 60))}
              onChange={(e) => setDraft({ ...draft, quietEnd: Number(e.currentTarget.value) })}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('prefs.quietHint')}
          </Text>
          <Group grow>
            <NativeSelect
              label={t('prefs.language')}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
              value={draft.language}
              onChange={(e) =>
                setDraft({ ...draft, language: e.currentTarget.value as NotificationLanguage })
              }
            />
            <NativeSelect
              label={t('prefs.digest')}
              data={[
                { value: '', label: t('prefs.noDigest') },
                ...hours.map((h) => ({ value: String(Number(h.value) / 60), label: h.label })),
              ]}
              value={draft.digestHour === null ? '' : String(draft.digestHour)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  digestHour: e.currentTarget.value === '' ? null : Number(e.currentTarget.value),
                })
              }
            />
          </Group>
          {save.error && (
            <Alert color="red" role="alert">
              {errorMessage(save.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('prefs.cancel')}
            </Button>
            <Button
              data-testid="prefs-save"
              loading={save.isPending}
              onClick={() => {
                const { timeZone: _zone, ...input } = draft;
                save.mutate({ ...input, mailOff: input.mailOff.filter(isNotificationKind) });
              }}
            >
              {t('prefs.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
