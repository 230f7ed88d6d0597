import '@mantine/dates/styles.layer.css';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../shell/session';
import { PrivacyAdmin } from '../privacy/PrivacyAdmin';
import { CampaignPage } from './campaigns/CampaignPage';
import { CampaignsTab } from './campaigns/CampaignsTab';
import '../privacy/strings';
import { NS } from './strings';
import { UnitsTab } from './units/UnitsTab';
import { UsersTab } from './users/UsersTab';

type Tab = 'users' | 'units' | 'campaigns' | 'privacy';

/**
 * Administration: accounts and the unit tree for admins; campaigns and their calendars for
 * admins and office coordinators. The server checks each call again.
 */
export default function AdminPage() {
  const { t } = useTranslation(NS);
  const { t: core } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const isAdmin = session.hasRole('ADMIN');
  const managesCampaigns = isAdmin || session.hasRole('OFFICE_COORDINATOR');
  if (!managesCampaigns) return <Text role="alert">{core('notAllowed')}</Text>;

  const tabs: Tab[] = isAdmin ? ['users', 'units', 'campaigns', 'privacy'] : ['campaigns'];
  const current = tabs.find((tab) => location.pathname.startsWith(`/admin/${tab}`)) ?? tabs[0];

  const routes = (
    <Routes>
      <Route index element={<Navigate to={isAdmin ? 'users' : 'campaigns'} replace />} />
      {isAdmin && <Route path="users" element={<UsersTab />} />}
      {isAdmin && <Route path="units" element={<UnitsTab />} />}
      {isAdmin && <Route path="privacy" element={<PrivacyAdmin />} />}
      <Route path="campaigns" element={<CampaignsTab />} />
      <Route path="campaigns/:campaignId" element={<CampaignPage />} />
      <Route path="*" element={<Text role="alert">{core('notAllowed')}</Text>} />
    </Routes>
  );
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Tabs value={current} onChange={(v) => v && navigate(`/admin/${v}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`admin-tab-${tab}`}>
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* a11y: every tab controls a panel that exists; the open one holds the routes */}
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {tab === current && routes}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
