import type { FigureCorrections } from '@donghanh/domain';
import { Alert, Button, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, num, vnd } from '../../shared/format';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { downloadXlsx, FIGURE_ROWS } from './figures';
import { StatusBadge } from './StatusBadge';
import { NS } from './strings';

/** One school's report of one round: its figures, corrections and remarks, signing and sending. */
export function SchoolReport({
  campaignId,
  round,
  schoolId,
}: {
  campaignId: string;
  round: number;
  schoolId: string;
}) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const session = useSession();
  const qc = useQueryClient();
  const ref = { campaignId, round, schoolId };
  const q = useQuery(trpc.reportRound.get.queryOptions(ref));
  const [remarks, setRemarks] = useState('');
  const [corr, setCorr] = useState<Record<string, number | string>>({});
  const data = q.data;
  useEffect(() => {
    if (data?.audience === 'school') {
      setRemarks(data.remarks ?? '');
      setCorr(
        Object.fromEntries(FIGURE_ROWS.flatMap((r) => (r.path ? [[r.path, r.get(data.figures)]] : []))),
      );
    }
  }, [data]);
  const done = async () => {
    await qc.invalidateQueries(trpc.reportRound.pathFilter());
  };
  const opts = { onSuccess: done };
  const edit = useMutation(trpc.reportRound.edit.mutationOptions(opts));
  const refresh = useMutation(trpc.reportRound.refresh.mutationOptions(opts));
  const sign = useMutation(trpc.reportRound.sign.mutationOptions(opts));
  const submit = useMutation(trpc.reportRound.submit.mutationOptions(opts));
  const exp = useMutation(
    trpc.reportRound.exportReport.mutationOptions({ onSuccess: (r) => downloadXlsx(r.base64, r.filename) }),
  );
  if (q.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (q.isError)
    return <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>;
  const r = q.data;
  const editable = r.status === 'draft' || r.status === 'signed' || r.status === 'returned';
  const isPrincipal = session.hasRole('PRINCIPAL');
  const failure = [edit, refresh, sign, submit, exp].find((m) => m.error)?.error;
  const corrections = (): FigureCorrections => {
    if (r.audience !== 'school') return {};
    const out: FigureCorrections = {};
    for (const row of FIGURE_ROWS) {
      if (!row.path) continue;
      const v = Number(corr[row.path]);
      if (Number.isFinite(v) && v !== row.get(r.prefilled)) out[row.path] = v;
    }
    return out;
  };
  return (
    <Stack gap="sm" data-testid="school-report">
      <Group justify="space-between">
        <Title order={4}>
          {r.roundName} · {r.schoolName}
        </Title>
        <StatusBadge status={r.status} late={r.late} testId="school-report-status" />
      </Group>
      <Text size="sm" c="dimmed">
        {t('due', { date: dateText(r.dueOn) })} · {t('school.version', { version: r.version })}
        {r.signedVersion ? ` · ${t('school.signedVersion', { version: r.signedVersion })}` : ''}
      </Text>
      {r.status === 'returned' && r.returnComment && (
        <Alert color="orange">{t('school.returned', { comment: r.returnComment })}</Alert>
      )}
      <Table withTableBorder striped>
        <Table.Tbody>
          {FIGURE_ROWS.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{t(`fig.${row.key}`)}</Table.Td>
              <Table.Td ta="right" data-testid={`fig-${row.key}`}>
                {row.money ? vnd(row.get(r.figures)) : num(row.get(r.figures))}
              </Table.Td>
              {r.audience === 'school' && editable && row.path && (
                <Table.Td w={160}>
                  <NumberInput
                    size="xs"
                    min={0}
                    aria-label={t(`fig.${row.key}`)}
                    value={corr[row.path] ?? ''}
                    onChange={(v) => setCorr((c) => ({ ...c, [row.path as string]: v }))}
                    thousandSeparator="."
                    decimalSeparator=","
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.audience === 'school' && editable && (
        <Textarea
          label={t('school.remarks')}
          value={remarks}
          onChange={(e) => setRemarks(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
        />
      )}
      {failure && <Alert color="red">{errorMessage(failure, i18n.language)}</Alert>}
      <Group gap="sm">
        {r.audience === 'school' && editable && (
          <>
            <Button
              variant="light"
              loading={edit.isPending}
              onClick={() => edit.mutate({ ...ref, version: r.version, remarks, corrections: corrections() })}
            >
              {t('school.save')}
            </Button>
            <Button
              variant="subtle"
              loading={refresh.isPending}
              onClick={() => refresh.mutate({ ...ref, version: r.version })}
            >
              {t('school.refresh')}
            </Button>
            {isPrincipal && r.status !== 'signed' && (
              <Button loading={sign.isPending} onClick={() => sign.mutate({ ...ref, version: r.version })}>
                {t('school.sign')}
              </Button>
            )}
            {r.status === 'signed' && (
              <Button color="green" loading={submit.isPending} onClick={() => submit.mutate(ref)}>
                {t('school.submit')}
              </Button>
            )}
          </>
        )}
        <Button variant="default" loading={exp.isPending} onClick={() => exp.mutate(ref)}>
          {t('school.export')}
        </Button>
      </Group>
      {r.audience === 'school' && r.versions.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('school.versions')}:{' '}
          {r.versions.map((v) => `v${v.version} (${v.kind}${v.author ? `, ${v.author}` : ''})`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
