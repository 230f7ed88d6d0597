import type { CheckInReport } from '@donghanh/domain';
import { Badge, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shell/session';
import { AmendCheckInModal, canAmendCheckIn } from './AmendCheckInModal';
import { dateText, monthText, num, vnd } from './format';
import { NS } from './strings';
import type { CaseCheckIn, CaseDetail } from './types';

const RISK_COLOR: Record<string, string> = { low: 'green', medium: 'yellow', high: 'red' };

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={`${testId}-value`}>
        {value}
      </Text>
    </Paper>
  );
}

function MaterialList({ report }: { report: CheckInReport }) {
  const { t } = useTranslation(NS);
  if (!report.material?.length) return <>—</>;
  return (
    <Stack gap={0}>
      {report.material.map((m, i) => (
        // Items of one report have no id; their order is the report's own.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text size="xs" key={i}>
          {t(`checkIns.materialKind.${m.kind}`, { defaultValue: m.kind })}
          {m.kind === 'money' ? '' : ` ${num(m.quantity)}`}
          {m.valueVnd === undefined ? '' : `: ${vnd(m.valueVnd)}`}
        </Text>
      ))}
    </Stack>
  );
}

function CheckInRow({ ci, onAmend }: { ci: CaseCheckIn; onAmend: (() => void) | null }) {
  const { t } = useTranslation(NS);
  const r = ci.report as CheckInReport;
  return (
    <Table.Tr data-testid="checkin-row" data-month={ci.month}>
      <Table.Td>{monthText(ci.month)}</Table.Td>
      <Table.Td>
        {t('checkIns.hoursValue', { sessions: r.tutoring?.sessions ?? 0, hours: num(ci.tutoringHours) })}
        {r.tutoring?.subjects?.length ? (
          <Text size="xs" c="dimmed">
            {r.tutoring.subjects.join(', ')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <MaterialList report={r} />
      </Table.Td>
      <Table.Td>
        {t('checkIns.familyValue', {
          visits: r.familyContact?.visits ?? 0,
          calls: r.familyContact?.calls ?? 0,
        })}
      </Table.Td>
      <Table.Td>{r.absentDays ?? 0}</Table.Td>
      <Table.Td>
        <Badge color={RISK_COLOR[ci.riskLevel] ?? 'gray'} variant="light">
          {t(`riskLevel.${ci.riskLevel}`, { defaultValue: ci.riskLevel })}
        </Badge>
      </Table.Td>
      <Table.Td>
        {dateText(ci.filedAt)}{' '}
        {ci.late ? (
          <Badge color="red" size="xs">
            {t('checkIns.late')}
          </Badge>
        ) : null}
      </Table.Td>
      {onAmend && (
        <Table.Td>
          <Button size="compact-xs" variant="subtle" onClick={onAmend} data-testid="amend-open">
            {t('amend.open')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** What was given month by month, and the totals the school reports upward. */
export function CheckInsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { user } = useSession();
  const [amending, setAmending] = useState<CaseCheckIn | null>(null);
  // A correction is for the check-ins of the term the case is in (the workflow refuses older ones).
  const canAmend = c.freeText && canAmendCheckIn(c, user.id, user.roles);
  const latestNotes = c.checkIns
    .map((ci) => ({ month: ci.month, notes: (ci.report as CheckInReport).notes }))
    .filter((n) => n.notes);
  return (
    <Paper withBorder p="md" data-testid="checkins">
      {amending && <AmendCheckInModal caseId={c.id} ci={amending} onClose={() => setAmending(null)} />}
      <Title order={4} mb="sm">
        {t('checkIns.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm" data-testid="checkin-totals">
        <Stat
          testId="total-hours"
          label={t('checkIns.totalHours')}
          value={`${num(c.totals.tutoringHours)} h`}
        />
        <Stat testId="total-vnd" label={t('checkIns.totalVnd')} value={vnd(c.totals.materialVnd)} />
        <Stat testId="total-late" label={t('checkIns.totalLate')} value={String(c.totals.late)} />
        <Stat
          testId="total-risk"
          label={t('risk')}
          value={c.riskLevel ? t(`riskLevel.${c.riskLevel}`, { defaultValue: c.riskLevel }) : t('riskNone')}
        />
      </SimpleGrid>
      {c.checkIns.length === 0 ? (
        <Text c="dimmed">{t('checkIns.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('checkIns.month')}</Table.Th>
                  <Table.Th>{t('checkIns.hours')}</Table.Th>
                  <Table.Th>{t('checkIns.material')}</Table.Th>
                  <Table.Th>{t('checkIns.family')}</Table.Th>
                  <Table.Th>{t('checkIns.absent')}</Table.Th>
                  <Table.Th>{t('checkIns.risk')}</Table.Th>
                  <Table.Th>{t('checkIns.filed')}</Table.Th>
                  {canAmend && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.checkIns.map((ci) => (
                  <CheckInRow key={ci.id} ci={ci} onAmend={canAmend ? () => setAmending(ci) : null} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!c.freeText && (
            <Text size="xs" c="dimmed" mt="xs" data-testid="checkin-notes-hidden">
              {t('freeTextHidden')}
            </Text>
          )}
          {latestNotes.map((n) => (
            <Text size="sm" key={n.month} mt="xs">
              <b>
                {t('checkIns.notes')} {monthText(n.month)}:
              </b>{' '}
              {n.notes}
            </Text>
          ))}
        </>
      )}
    </Paper>
  );
}
