import { AppShell, Badge, Burger, Button, Group, NavLink, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { Bell } from '../features/notifications/Bell';
import '../features/notifications/strings';
import { currentLocale, type Locale, setLocale } from '../i18n';
import { NAV } from './nav';
import { useSession } from './session';
import { useWorkCounts } from './work-counts';

/** The frame of every screen: menu by role, language, who is signed in, sign-out. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = NAV.filter((n) => n.visible(session));
  const counts = useWorkCounts();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('a11y.closeMenu') : t('a11y.openMenu')}
            />
            <Text fw={700} size="lg">
              {t('app')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Bell />
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={currentLocale()}
              onChange={(v) => setLocale(v as Locale)}
              data={[
                { value: 'vi', label: 'VI' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Text size="sm" visibleFrom="xs" data-testid="signed-in-as">
              {session.user.displayName}
            </Text>
            <Button size="xs" variant="default" onClick={session.signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('a11y.menu')}>
        {items.map((n) => (
          <NavLink
            key={n.path}
            component={RouterLink}
            to={n.path}
            label={t(`nav.${n.label}`)}
            // wall (issue 14): open work waiting on this screen.
            rightSection={
              counts[n.label] ? (
                <Badge
                  size="sm"
                  circle={(counts[n.label] ?? 0) < 10}
                  color="red"
                  data-testid={`nav-count-${n.label}`}
                >
                  {counts[n.label]}
                </Badge>
              ) : undefined
            }
            active={n.path === '/' ? location.pathname === '/' : location.pathname.startsWith(n.path)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Text c="dimmed">{t('loading')}</Text>}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
