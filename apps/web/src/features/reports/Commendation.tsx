import type { CommendationIndicators } from '@donghanh/domain';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { num, vnd } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { downloadXlsx } from './figures';
import { SchoolSelect } from './SchoolSelect';
import { NS } from './strings';

const STATUS_COLOR: Record<string, string> = {
  proposed: 'blue',
  signed: 'teal',
  approved: 'green',
  declined: 'gray',
};

function ProposalBadge({ status }: { status: string }) {
  const { t } = useTranslation(NS);
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" data-status={status}>
      {t(`commend.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** The three indicators as parts of wholes ("3/4"): no percentage, no score. */
function IndicatorCells({ ind }: { ind: CommendationIndicators }) {
  return (
    <>
      <Table.Td ta="right" data-testid="ind-on-time">
        {num(ind.checkIns.onTime)}/{num(ind.checkIns.due)}
      </Table.Td>
      <Table.Td ta="right" data-testid="ind-progress">
        {num(ind.evaluations.progress)}/{num(ind.evaluations.signedOff)}
      </Table.Td>
      <Table.Td ta="right" data-testid="ind-kept">
        {num(ind.keptInSchool.kept)}/{num(ind.keptInSchool.atRisk)}
      </Table.Td>
    </>
  );
}

/**
 * The school's side: each teacher's figures over the year (listed by name as the API gives them:
 * no rank, no sort by a figure, no average — the figures inform, they do not rank), a proposal
 * with a note, and the principal's signature.
 */
export function SchoolCommendation({
  campaignId,
  schools,
  principal,
}: {
  campaignId: string;
  schools: { id: string; name: string }[];
  principal: boolean;
}) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [editing, setEditing] = useState<{ teacherId: string | null; name: string } | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const q = useQuery({
    ...trpc.commendation.indicators.queryOptions({ campaignId, schoolId }),
    enabled: !!schoolId,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.commendation.indicators.queryKey() });
  const propose = useMutation(
    trpc.commendation.propose.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        setNote('');
        await refresh();
      },
    }),
  );
  const sign = useMutation(trpc.commendation.sign.mutationOptions({ onSuccess: refresh }));
  const data = q.data;
  const proposalOf = (teacherId: string | null) =>
    data?.proposals.find((p) => (teacherId ? p.subjectUserId === teacherId : p.subjectType === 'school'));
  const submit = () => {
    if (!editing) return;
    if (note.trim() === '') {
      setNoteError(t('commend.noteRequired'));
      return;
    }
    setNoteError(null);
    propose.mutate({ campaignId, schoolId, teacherId: editing.teacherId, note: note.trim() });
  };
  return (
    <Stack gap="sm" data-testid="commend-school">
      <Title order={3}>{t('commend.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('commend.intro')}
      </Text>
      <SchoolSelect
        label={t('commend.schoolName')}
        schools={schools}
        value={schoolId}
        onChange={setSchoolId}
      />
      {q.isPending ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : q.isError ? (
        <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>
      ) : data ? (
        <Table withTableBorder striped data-testid="commend-indicators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commend.teacher')}</Table.Th>
              <Table.Th ta="right">{t('fig.helped')}</Table.Th>
              <Table.Th ta="right">{t('fig.sessions')}</Table.Th>
              <Table.Th ta="right">{t('fig.hours')}</Table.Th>
              <Table.Th ta="right">{t('fig.visits')}</Table.Th>
              <Table.Th ta="right">{t('fig.money')}</Table.Th>
              <Table.Th ta="right">{t('fig.rice')}</Table.Th>
              <Table.Th ta="right">{t('fig.goods')}</Table.Th>
              <Table.Th ta="right" title={t('commend.onTimeHint')}>
                {t('commend.onTime')}
              </Table.Th>
              <Table.Th ta="right" title={t('commend.progressHint')}>
                {t('commend.progress')}
              </Table.Th>
              <Table.Th ta="right" title={t('commend.keptHint')}>
                {t('commend.kept')}
              </Table.Th>
              <Table.Th>{t('commend.proposal')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[
              ...data.teachers.map((x) => ({
                teacherId: x.teacherId as string | null,
                name: x.name,
                f: x.year,
                ind: x.indicators,
              })),
              { teacherId: null, name: t('commend.school'), f: data.school, ind: data.schoolIndicators },
            ].map((row) => {
              const p = proposalOf(row.teacherId);
              return (
                <Table.Tr
                  key={row.teacherId ?? 'school'}
                  data-testid={`commend-row-${row.teacherId ?? 'school'}`}
                >
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right">{num(row.f?.pupils ?? 0)}</Table.Td>
                  <Table.Td ta="right">{num(row.f?.tutoringSessions ?? 0)}</Table.Td>
                  <Table.Td ta="right">{num(row.f?.tutoringHours ?? 0)}</Table.Td>
                  <Table.Td ta="right">{num(row.f?.familyVisits ?? 0)}</Table.Td>
                  <Table.Td ta="right">{vnd(row.f?.moneyVnd ?? 0)}</Table.Td>
                  <Table.Td ta="right">{num(row.f?.riceKg ?? 0)}</Table.Td>
                  <Table.Td ta="right">{vnd(row.f?.goodsValueVnd ?? 0)}</Table.Td>
                  <IndicatorCells ind={row.ind} />
                  <Table.Td>
                    {p ? (
                      <Stack gap={2}>
                        <ProposalBadge status={p.status} />
                        <Text size="xs">{p.note}</Text>
                        {p.decisionNote && (
                          <Text size="xs" c="dimmed">
                            {p.decisionNote}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('commend.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {(!p || p.status === 'proposed') && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => {
                            setEditing({ teacherId: row.teacherId, name: row.name });
                            setNote(p?.note ?? '');
                            setNoteError(null);
                            propose.reset();
                          }}
                        >
                          {t('commend.propose')}
                        </Button>
                      )}
                      {principal && p?.status === 'proposed' && (
                        <Button
                          size="compact-sm"
                          loading={sign.isPending && sign.variables?.proposalId === p.id}
                          onClick={() => sign.mutate({ proposalId: p.id })}
                        >
                          {t('commend.sign')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {editing && (
        <Paper withBorder p="md" data-testid="commend-form">
          <Stack gap="xs">
            <Title order={5}>{t('commend.proposeFor', { name: editing.name })}</Title>
            <Textarea
              label={t('commend.note')}
              placeholder={t('commend.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError}
              autosize
              minRows={3}
              maxLength={2000}
            />
            {propose.error && <Alert color="red">{errorMessage(propose.error, i18n.language)}</Alert>}
            <Group>
              <Button loading={propose.isPending} onClick={submit}>
                {t('commend.send')}
              </Button>
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('commend.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {sign.error && <Alert color="red">{errorMessage(sign.error, i18n.language)}</Alert>}
    </Stack>
  );
}

/** The office's side: the signed proposals of its schools, a decision with a note, the list as .xlsx. */
export function OfficeCommendation({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const q = useQuery(trpc.commendation.officeList.queryOptions({ campaignId, unitId }));
  const decide = useMutation(
    trpc.commendation.decide.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.commendation.officeList.queryKey() }),
    }),
  );
  const exp = useMutation(
    trpc.commendation.exportList.mutationOptions({ onSuccess: (r) => downloadXlsx(r.base64, r.filename) }),
  );
  const act = (proposalId: string, approve: boolean) => {
    const note = notes[proposalId]?.trim();
    decide.mutate({ proposalId, approve, ...(note ? { note } : {}) });
  };
  return (
    <Stack gap="sm" data-testid="commend-office">
      <Title order={3}>{t('commend.office')}</Title>
      <Text size="sm" c="dimmed">
        {t('commend.intro')}
      </Text>
      {q.isPending ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : q.isError ? (
        <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>
      ) : q.data.length === 0 ? (
        <Text c="dimmed">{t('commend.officeEmpty')}</Text>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commend.schoolName')}</Table.Th>
              <Table.Th>{t('commend.subject')}</Table.Th>
              <Table.Th ta="right">{t('fig.helped')}</Table.Th>
              <Table.Th ta="right">{t('fig.sessions')}</Table.Th>
              <Table.Th ta="right">{t('fig.visits')}</Table.Th>
              <Table.Th ta="right" title={t('commend.onTimeHint')}>
                {t('commend.onTime')}
              </Table.Th>
              <Table.Th ta="right" title={t('commend.progressHint')}>
                {t('commend.progress')}
              </Table.Th>
              <Table.Th ta="right" title={t('commend.keptHint')}>
                {t('commend.kept')}
              </Table.Th>
              <Table.Th>{t('commend.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((r) => (
              <Table.Tr key={r.id} data-testid={`commend-office-${r.id}`}>
                <Table.Td>{r.schoolName}</Table.Td>
                <Table.Td>{r.subjectName ?? t('commend.school')}</Table.Td>
                <Table.Td ta="right">{num(r.pupils)}</Table.Td>
                <Table.Td ta="right">{num(r.tutoringSessions)}</Table.Td>
                <Table.Td ta="right">{num(r.familyVisits)}</Table.Td>
                <IndicatorCells ind={r.indicators} />
                <Table.Td>
                  {r.status === 'signed' ? (
                    <Stack gap={4}>
                      <Textarea
                        aria-label={t('commend.decisionNote')}
                        placeholder={t('commend.decisionNote')}
                        value={notes[r.id] ?? ''}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setNotes((n) => ({ ...n, [r.id]: v }));
                        }}
                        autosize
                        minRows={1}
                        maxLength={2000}
                      />
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          color="green"
                          loading={decide.isPending && decide.variables?.proposalId === r.id}
                          onClick={() => act(r.id, true)}
                        >
                          {t('commend.approve')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={decide.isPending && decide.variables?.proposalId === r.id}
                          onClick={() => act(r.id, false)}
                        >
                          {t('commend.decline')}
                        </Button>
                      </Group>
                    </Stack>
                  ) : (
                    <ProposalBadge status={r.status} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {decide.error && <Alert color="red">{errorMessage(decide.error, i18n.language)}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={exp.isPending}
          onClick={() => exp.mutate({ campaignId, unitId })}
          disabled={!q.data || q.data.length === 0}
        >
          {t('commend.export')}
        </Button>
      </Group>
      {exp.error && <Alert color="red">{errorMessage(exp.error, i18n.language)}</Alert>}
    </Stack>
  );
}
