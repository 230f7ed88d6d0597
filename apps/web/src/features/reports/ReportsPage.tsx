import { Alert, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dateText } from '../../shared/format';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { OfficeCommendation, SchoolCommendation } from './Commendation';
import { MonthlyFigures } from './MonthlyFigures';
import { OfficeStatus } from './OfficeStatus';
import { SchoolReport } from './SchoolReport';
import { StatusBadge } from './StatusBadge';
import { NS } from './strings';

/** Report rounds: the school's reports to draft, sign and send; the office's live status and roll-up. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const session = useSession();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ activeOnly: true }));
  const campaign = campaigns.data?.[0];
  const list = useQuery({
    ...trpc.reportRound.list.queryOptions({ campaignId: campaign?.id ?? '' }),
    enabled: !!campaign,
  });
  // h13: a notification's link names the round and the school (`?round=1&school=…`).
  const [params] = useSearchParams();
  const [open, setOpen] = useState<{ round: number; schoolId: string } | null>(() => {
    const round = Number(params.get('round'));
    const schoolId = params.get('school');
    return Number.isInteger(round) && round > 0 && schoolId ? { round, schoolId } : null;
  });
  const office = session.user.roles.find((r) => r.role === 'OFFICE_COORDINATOR' || r.role === 'ADMIN');
  // Commendation: the school's coordinator and principal propose and sign; an office coordinator decides.
  const commendOffice = session.user.roles.find((r) => r.role === 'OFFICE_COORDINATOR');
  const principal = session.user.roles.some((r) => r.role === 'PRINCIPAL');
  if (campaigns.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (campaigns.isError)
    return (
      <Alert color="red">{t('loadError', { message: errorMessage(campaigns.error, i18n.language) })}</Alert>
    );
  if (!campaign) return <Text c="dimmed">{t('noCampaign')}</Text>;
  return (
    <Stack gap="md" data-testid="reports">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
      </div>
      <Tabs defaultValue="rounds" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rounds">{t('tabs.rounds')}</Tabs.Tab>
          {((list.data && list.data.schools.length > 0) || commendOffice) && (
            <Tabs.Tab value="commend">{t('tabs.commend')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          <Stack gap="md">
            {list.data && list.data.schools.length > 0 && (
              <Stack gap="xs">
                <Title order={3}>{t('school.title')}</Title>
                <Table withTableBorder>
                  <Table.Tbody>
                    {list.data.schools.flatMap((s) =>
                      list.data.rounds.map((r) => {
                        const rep = s.reports.find((x) => x.round === r.round);
                        return (
                          <Table.Tr
                            key={`${s.schoolId}-${r.round}`}
                            data-testid={`round-${r.round}-${s.schoolId}`}
                          >
                            <Table.Td>{s.name}</Table.Td>
                            <Table.Td>{r.name}</Table.Td>
                            <Table.Td>
                              {t('due', { date: dateText(r.dueOn) })} ·{' '}
                              {t('opens', { date: dateText(r.opensOn) })}
                            </Table.Td>
                            <Table.Td>
                              {rep ? <StatusBadge status={rep.status} late={rep.late} /> : null}
                            </Table.Td>
                            <Table.Td>
                              {rep && rep.version > 0 ? (
                                <Button
                                  size="compact-sm"
                                  variant="light"
                                  onClick={() => setOpen({ round: r.round, schoolId: s.schoolId })}
                                >
                                  {t('school.open')}
                                </Button>
                              ) : (
                                <Text size="xs" c="dimmed">
                                  {t('school.notOpen')}
                                </Text>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      }),
                    )}
                  </Table.Tbody>
                </Table>
                {open && (
                  <SchoolReport campaignId={campaign.id} round={open.round} schoolId={open.schoolId} />
                )}
                <MonthlyFigures
                  campaignId={campaign.id}
                  schools={list.data.schools.map((s) => ({ id: s.schoolId, name: s.name }))}
                />
              </Stack>
            )}
            {office && (
              <Group>
                <div style={{ flex: 1 }}>
                  <OfficeStatus campaignId={campaign.id} unitId={office.unitId} />
                </div>
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="commend" pt="md">
          <Stack gap="lg">
            {list.data && list.data.schools.length > 0 && (
              <SchoolCommendation
                campaignId={campaign.id}
                schools={list.data.schools.map((s) => ({ id: s.schoolId, name: s.name }))}
                principal={principal}
              />
            )}
            {commendOffice && <OfficeCommendation campaignId={campaign.id} unitId={commendOffice.unitId} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
