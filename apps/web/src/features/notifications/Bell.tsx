import { LIVE_NOTIFICATION, type LiveNotification, notificationTitle } from '@donghanh/domain';
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dateText, dateTimeText, langOf } from '../../shared/format';
import { useLiveSocket } from '../../shell/live-socket';
import { useTRPC } from '../../trpc';
import { PreferencesModal } from './PreferencesModal';
import { NS } from './strings';

/**
 * The bell (issue 13): the unread count, raised live over the socket when a notification is
 * written for this person; the list with links; clicking an item marks it read and opens its task.
 */
export function Bell() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [settings, setSettings] = useState(false);
  // a11y: the settings dialog gives focus back to the bell (its opener's popover is gone by then).
  const bell = useRef<HTMLButtonElement>(null);
  const list = useQuery(trpc.notification.list.queryOptions({}));
  const [live, setLive] = useState<number | null>(null);
  const refetch = list.refetch;

  // The dashboard's one socket (h13): the board and the reports listen on it too.
  const socket = useLiveSocket();
  useEffect(() => {
    if (!socket) return;
    const onNotification = (n: LiveNotification) => {
      setLive(n.unread);
      void refetch();
    };
    socket.on(LIVE_NOTIFICATION, onNotification);
    return () => {
      socket.off(LIVE_NOTIFICATION, onNotification);
    };
  }, [socket, refetch]);

  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: (r) => {
        setLive(r.unread);
        void queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
      },
    }),
  );
  const unread = live ?? list.data?.unread ?? 0;
  const lang = langOf(i18n.language);

  return (
    <>
      <PreferencesModal
        opened={settings}
        onClose={() => {
          setSettings(false);
          setTimeout(() => bell.current?.focus(), 0);
        }}
      />
      {/* a11y: the popover's target is the button itself, so its aria-expanded is on a button */}
      <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
        <Popover
          opened={opened}
          onChange={(o) => {
            setOpened(o);
            // Closed with Escape or a click outside: back to the bell (not when a dialog takes over).
            if (!o) bell.current?.focus();
          }}
          position="bottom-end"
          width={360}
          shadow="md"
          trapFocus
          returnFocus={false}
        >
          <Popover.Target>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('unread', { count: unread })}
              data-testid="bell"
              ref={bell}
              data-unread={unread}
              onClick={() => setOpened((o) => !o)}
            >
              <span aria-hidden>🔔</span>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <Text fw={600}>{t('bell')}</Text>
              {list.data?.items.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
              <ScrollArea.Autosize mah={400}>
                <Stack gap={4}>
                  {list.data?.items.map((n) => (
                    <UnstyledButton
                      key={n.id}
                      data-testid="bell-item"
                      data-read={n.read}
                      p={6}
                      onClick={() => {
                        setOpened(false);
                        if (!n.read) markRead.mutate({ ids: [n.id] });
                        if (n.path) void navigate(n.path);
                      }}
                    >
                      <Text size="sm" fw={n.read ? 400 : 700}>
                        {notificationTitle(n.kind, lang)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {n.facts.caseCode
                          ? t('case', { code: n.facts.caseCode })
                          : t('reportRound', { round: n.facts.reportRound ?? '' })}{' '}
                        · {n.facts.schoolName}
                        {n.facts.dueOn ? ` · ${t('due', { day: dateText(n.facts.dueOn) })}` : ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateTimeText(n.createdAt)}
                        {n.mail === 'SENT'
                          ? ` · ${t('mailed')}`
                          : n.mail === 'PENDING'
                            ? ` · ${t('mailHeld')}`
                            : ''}
                      </Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
              <Group justify="space-between">
                <Button
                  size="xs"
                  variant="subtle"
                  data-testid="notification-settings"
                  onClick={() => {
                    setOpened(false);
                    setSettings(true);
                  }}
                >
                  {t('settings')}
                </Button>
                {unread > 0 && (
                  <Button size="xs" variant="subtle" onClick={() => markRead.mutate({ ids: 'all' })}>
                    {t('markAll')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      </Indicator>
    </>
  );
}
