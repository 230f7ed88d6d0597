import { type BoardCard, CASE_STAGE_LABELS } from '@donghanh/domain';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pick } from '../sign-off/format';
import { NS } from './strings';

function CaseList({ title, cards, testId }: { title: string; cards: BoardCard[]; testId: string }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={4}>
        {title} ({cards.length})
      </Title>
      {cards.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('watch.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('watch.code')}</Table.Th>
                <Table.Th>{t('watch.student')}</Table.Th>
                <Table.Th>{t('watch.className')}</Table.Th>
                <Table.Th>{t('watch.stage')}</Table.Th>
                <Table.Th>{t('watch.helper')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cards.map((c) => (
                <Table.Tr key={c.caseId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.caseId}`}>
                      {c.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.studentName ?? '—'}</Table.Td>
                  <Table.Td>{c.className}</Table.Td>
                  <Table.Td>{pick(CASE_STAGE_LABELS[c.stage], i18n.language)}</Table.Td>
                  <Table.Td>{c.helperName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** What needs the coordinator's eye: cases with a late task, and cases whose risk turned high. */
export function WatchTab({ cards }: { cards: BoardCard[] }) {
  const { t } = useTranslation(NS);
  const open = cards.filter((c) => c.stage !== 'closed' && c.stage !== 'declined');
  return (
    <Stack gap="lg">
      <CaseList title={t('watch.overdue')} cards={open.filter((c) => c.overdue)} testId="watch-overdue" />
      <CaseList
        title={t('watch.high')}
        cards={open.filter((c) => c.riskLevel === 'high')}
        testId="watch-high"
      />
    </Stack>
  );
}
