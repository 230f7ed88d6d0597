import { CASE_STAGE_LABELS, type CaseStage } from '@donghanh/domain';
import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadJson } from '../../shared/download';
import { dateText, num, pick } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { REGISTER_NS } from './register-strings';

const LIMIT = 500;
const BASIS_COLOR = { missing: 'red', withdrawn: 'gray', awaiting: 'yellow' } as Record<string, string>;
const ERASURE_COLOR = { overdue: 'red', held: 'orange', erased: 'green' } as Record<string, string>;

/**
 * The inspector's register (admin): each case's basis for processing and its erasure, with the
 * counts above and the rows needing attention first. Prints with the processing record; the
 * JSON file is the same answer, for an inspector's own tools.
 */
export function PrivacyRegister() {
  const { t, i18n } = useTranslation(REGISTER_NS);
  const trpc = useTRPC();
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const q = useQuery(trpc.privacy.records.register.queryOptions({ flaggedOnly, limit: LIMIT }));
  const download = () => q.data && downloadJson(q.data, `so-theo-doi-du-lieu-${q.data.today}.json`);
  const r = q.data;
  return (
    <Paper withBorder p="md" data-testid="privacy-register">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('title')}</Title>
          <Group className="no-print">
            <Checkbox
              label={t('flaggedOnly')}
              checked={flaggedOnly}
              onChange={(e) => setFlaggedOnly(e.currentTarget.checked)}
              data-testid="register-flagged-only"
            />
            <Button size="xs" variant="light" onClick={download} disabled={!r}>
              {t('download')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('explain')}
        </Text>
        {r && (
          <>
            <Text size="sm">{t('asOf', { day: dateText(r.today) })}</Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="register-summary">
              <Figure label={t('summary.cases')} value={r.summary.cases} />
              <Figure label={t('summary.flagged')} value={r.summary.flagged} alert={r.summary.flagged > 0} />
              <Figure label={t('basis.consent')} value={r.summary.basis.consent} />
              <Figure label={t('basis.legal_basis')} value={r.summary.basis.legal_basis} />
              <Figure label={t('basis.withdrawn')} value={r.summary.basis.withdrawn} />
              <Figure label={t('erasure.erased')} value={r.summary.erasure.erased} />
              <Figure
                label={t('erasure.overdue')}
                value={r.summary.erasure.overdue}
                alert={r.summary.erasure.overdue > 0}
              />
              <Figure label={t('summary.historiesDeleted')} value={r.summary.historiesDeleted} />
            </SimpleGrid>
            {r.rows.length === 0 ? (
              <Text size="sm">{t('empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {(
                        [
                          'code',
                          'school',
                          'stage',
                          'basis',
                          'since',
                          'eraseOn',
                          'erasure',
                          'history',
                        ] as const
                      ).map((c) => (
                        <Table.Th key={c}>{t(`columns.${c}`)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.rows.map((row) => (
                      <Table.Tr key={row.caseId} data-testid="register-row" data-flagged={row.flagged}>
                        <Table.Td>{row.code}</Table.Td>
                        <Table.Td>{row.school}</Table.Td>
                        <Table.Td>
                          {pick(CASE_STAGE_LABELS[row.stage as CaseStage], i18n.language, row.stage)}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={BASIS_COLOR[row.basisState] ?? 'blue'}>
                            {t(`basis.${row.basisState}`)}
                          </Badge>
                          {row.legalBasisCode ? ` ${row.legalBasisCode}` : ''}
                        </Table.Td>
                        <Table.Td>{dateText(row.withdrawnOn ?? row.basisOn)}</Table.Td>
                        <Table.Td>{dateText(row.eraseOn)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={ERASURE_COLOR[row.erasureState] ?? 'gray'}>
                            {t(`erasure.${row.erasureState}`)}
                          </Badge>
                          {row.erasedOn ? ` ${dateText(row.erasedOn)}` : ''}
                        </Table.Td>
                        <Table.Td>{dateText(row.historyErasedOn)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {r.truncated && (
              <Text size="sm" c="dimmed">
                {t('truncated', { count: LIMIT })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={alert ? 'red' : undefined}>
        {num(value)}
      </Text>
    </Paper>
  );
}
