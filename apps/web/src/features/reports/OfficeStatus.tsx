import type { ReportFigures, ReportStatus } from '@donghanh/domain';
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num, vnd } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { downloadXlsx } from './figures';
import { SchoolReport } from './SchoolReport';
import { StatusBadge } from './StatusBadge';
import { NS } from './strings';
import { useReportLive } from './useReportLive';

interface Node {
  unitId: string;
  name: string;
  schoolCount: number;
  statusCounts: Record<string, number>;
  totals: ReportFigures;
  children: Node[];
  schools: {
    schoolId: string;
    name: string;
    status: ReportStatus;
    late: boolean;
    version: number;
    figures: ReportFigures;
  }[];
}

/** The office's live view: every school's report status and the roll-up per unit, for a round or the year. */
export function OfficeStatus({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [scope, setScope] = useState('1');
  const [open, setOpen] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const round = scope === 'year' ? null : Number(scope);
  const q = useQuery(trpc.reportRound.rollup.queryOptions({ campaignId, unitId, round }));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { frames, live } = useReportLive(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries(trpc.reportRound.pathFilter());
    }, 300);
  });
  const review = useMutation(
    trpc.reportRound.review.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.reportRound.pathFilter()),
    }),
  );
  const exp = useMutation(
    trpc.reportRound.exportRollup.mutationOptions({ onSuccess: (r) => downloadXlsx(r.base64, r.filename) }),
  );
  const statusOf = (schoolId: string, s: { status: ReportStatus; late: boolean; version: number }) => {
    if (round === null) return s;
    const f = [...frames.values()].find(
      (x) => x.schoolId === schoolId && x.round === round && x.campaignId === campaignId,
    );
    return f && f.version >= s.version ? { status: f.status, late: f.late, version: f.version } : s;
  };
  const rows = useMemo(() => {
    const out: { node?: Node; school?: Node['schools'][number]; depth: number }[] = [];
    const walk = (n: Node, depth: number) => {
      out.push({ node: n, depth });
      for (const s of n.schools) out.push({ school: s, depth: depth + 1 });
      for (const c of n.children) walk(c, depth + 1);
    };
    if (q.data) walk(q.data.tree as Node, 0);
    return out;
  }, [q.data]);
  const figCells = (f: ReportFigures) => (
    <>
      <Table.Td ta="right">{num(f.pupils.helped)}</Table.Td>
      <Table.Td ta="right">{num(f.help.tutoringSessions)}</Table.Td>
      <Table.Td ta="right">{vnd(f.help.moneyVnd)}</Table.Td>
      <Table.Td ta="right">{num(f.help.riceKg)}</Table.Td>
      <Table.Td ta="right">{num(f.help.familyVisits)}</Table.Td>
    </>
  );
  return (
    <Stack gap="sm" data-testid="office-status">
      <Group justify="space-between">
        <Title order={3}>{t('office.title')}</Title>
        <Badge color={live ? 'green' : 'gray'} data-testid="live-status">
          {live ? t('office.live') : t('office.paused')}
        </Badge>
      </Group>
      <Group gap="sm">
        <SegmentedControl
          value={scope}
          onChange={setScope}
          data={[
            ...(q.data?.rounds ?? [{ round: 1, name: `${t('round')} 1` }]).map((r) => ({
              value: String(r.round),
              label: r.name,
            })),
            { value: 'year', label: t('year') },
          ]}
        />
        <Button
          variant="default"
          loading={exp.isPending}
          onClick={() => exp.mutate({ campaignId, unitId, round })}
        >
          {t('office.export')}
        </Button>
      </Group>
      {q.isPending ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : q.isError ? (
        <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>
      ) : (
        <Table withTableBorder striped data-testid="rollup">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('office.unit')}</Table.Th>
              <Table.Th>{t('office.statusCol')}</Table.Th>
              <Table.Th ta="right">{t('fig.helped')}</Table.Th>
              <Table.Th ta="right">{t('fig.sessions')}</Table.Th>
              <Table.Th ta="right">{t('fig.money')}</Table.Th>
              <Table.Th ta="right">{t('fig.rice')}</Table.Th>
              <Table.Th ta="right">{t('fig.visits')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ node, school, depth }) =>
              node ? (
                <Table.Tr key={`u-${node.unitId}`} data-testid={`rollup-unit-${node.unitId}`} fw={700}>
                  <Table.Td pl={8 + depth * 16}>{node.name}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t('office.schools', { count: node.schoolCount })} · {t('status.accepted')}{' '}
                      {node.statusCounts.accepted ?? 0} · {t('status.late')} {node.statusCounts.late ?? 0}
                    </Text>
                  </Table.Td>
                  {figCells(node.totals)}
                  <Table.Td />
                </Table.Tr>
              ) : school ? (
                <Table.Tr key={`s-${school.schoolId}`} data-testid={`rollup-school-${school.schoolId}`}>
                  <Table.Td pl={8 + depth * 16}>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setOpen(open === school.schoolId ? null : school.schoolId)}
                    >
                      {school.name}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge
                      {...statusOf(school.schoolId, school)}
                      testId={`status-${school.schoolId}`}
                    />
                  </Table.Td>
                  {figCells(school.figures)}
                  <Table.Td>
                    {round !== null && statusOf(school.schoolId, school).status === 'submitted' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          color="green"
                          onClick={() =>
                            review.mutate({
                              campaignId,
                              round,
                              schoolId: school.schoolId,
                              decision: 'accept',
                            })
                          }
                        >
                          {t('office.accept')}
                        </Button>
                        <TextInput
                          size="xs"
                          placeholder={t('office.returnComment')}
                          value={comment}
                          onChange={(e) => setComment(e.currentTarget.value)}
                        />
                        <Button
                          size="compact-xs"
                          color="orange"
                          disabled={!comment.trim()}
                          onClick={() =>
                            review.mutate({
                              campaignId,
                              round,
                              schoolId: school.schoolId,
                              decision: 'return',
                              comment,
                            })
                          }
                        >
                          {t('office.return')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ) : null,
            )}
          </Table.Tbody>
        </Table>
      )}
      {review.error && <Alert color="red">{errorMessage(review.error, i18n.language)}</Alert>}
      {open && round !== null && <SchoolReport campaignId={campaignId} round={round} schoolId={open} />}
    </Stack>
  );
}
