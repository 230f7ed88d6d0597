import {
  CORRECTABLE_FIELDS,
  dataCorrectionSchema,
  GUARDIAN_RELATIONS,
  openSubjectRequestSchema,
} from '@donghanh/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { calendarNow, calendarNowLocal, useCalendarToday } from '../../shared/calendar-today';
import { downloadJson } from '../../shared/download';
import { dateTimeText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { fieldIssues } from './field-issues';
import { SubjectDocument } from './SubjectDocument';
import { NS } from './strings';
import type { SubjectDocument as Doc, SubjectRequestRow } from './types';
import './print.css';

/** A datetime-local value is the person's wall time: the browser knows its offset. */
const toInstant = (local: string) => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

function OpenRequestForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string | null>('access');
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<string | null>('mother');
  const [receivedAt, setReceivedAt] = useState(calendarNowLocal(today));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const open = useMutation(
    trpc.privacy.subjectRequest.open.mutationOptions({
      onSuccess: async () => {
        setName('');
        await queryClient.invalidateQueries(trpc.privacy.subjectRequest.list.queryFilter({ caseId }));
      },
    }),
  );
  const submit = () => {
    const parsed = openSubjectRequestSchema.safeParse({
      caseId,
      kind,
      receivedAt: toInstant(receivedAt),
      requester: { name, relation },
    });
    if (!parsed.success) {
      setIssues(fieldIssues(parsed.error.issues, i18n.language));
      return;
    }
    setIssues({});
    open.mutate(parsed.data);
  };
  return (
    <Paper withBorder p="md" className="no-print" data-testid="request-form">
      <Title order={5} mb="xs">
        {t('requests.open')}
      </Title>
      <Stack gap="xs">
        <Group grow>
          <Select
            label={t('requests.kind')}
            data={(['access', 'correction'] as const).map((k) => ({
              value: k,
              label: t(`requests.kinds.${k}`),
            }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
          />
          <TextInput
            type="datetime-local"
            label={t('requests.receivedAt')}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.currentTarget.value)}
            error={issues.receivedAt}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('requests.requesterName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issues['requester.name']}
          />
          <Select
            label={t('consent.form.guardianRelation')}
            data={[...GUARDIAN_RELATIONS, 'child'].map((r) => ({ value: r, label: t(`relation.${r}`) }))}
            value={relation}
            onChange={setRelation}
            allowDeselect={false}
          />
        </Group>
        {open.error && <Alert color="red">{errorMessage(open.error, i18n.language)}</Alert>}
        <Button w="fit-content" onClick={submit} loading={open.isPending}>
          {t('requests.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

function CorrectionForm({ caseId, requests }: { caseId: string; requests: SubjectRequestRow[] }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [field, setField] = useState<string | null>('fullName');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.privacy.dataCorrection.record.mutationOptions({
      onSuccess: async () => {
        setValue('');
        setReason('');
        await queryClient.invalidateQueries(trpc.consent.get.queryFilter({ caseId }));
      },
    }),
  );
  const submit = () => {
    const parsed = dataCorrectionSchema.safeParse({
      caseId,
      field,
      value,
      reason,
      ...(requestId ? { requestId } : {}),
    });
    if (!parsed.success) {
      setIssues(fieldIssues(parsed.error.issues, i18n.language, 'first'));
      return;
    }
    setIssues({});
    save.mutate(parsed.data);
  };
  const corrections = requests.filter((r) => r.kind === 'correction');
  return (
    <Paper withBorder p="md" className="no-print" data-testid="correction-form">
      <Title order={5}>{t('correction.title')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('correction.explain')}
      </Text>
      <Stack gap="xs">
        <Group grow align="start">
          <Select
            label={t('correction.field')}
            data={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: t(`correction.fields.${f}`) }))}
            value={field}
            onChange={(f) => {
              setField(f);
              setValue('');
            }}
            allowDeselect={false}
          />
          {field === 'gender' ? (
            <Select
              label={t('correction.value')}
              data={(['MALE', 'FEMALE'] as const).map((g) => ({
                value: g,
                label: t(`correction.genders.${g}`),
              }))}
              value={value || null}
              onChange={(g) => setValue(g ?? '')}
              error={issues.value}
            />
          ) : (
            <TextInput
              type={field === 'birthDate' ? 'date' : 'text'}
              label={t('correction.value')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={issues.value}
            />
          )}
          <Select
            label={t('correction.request')}
            data={corrections.map((r) => ({
              value: r.id,
              label: `${r.requester.name ?? ''} — ${dateTimeText(r.receivedAt)}`,
            }))}
            value={requestId}
            onChange={setRequestId}
            placeholder={t('correction.noRequest')}
            clearable
          />
        </Group>
        <Textarea
          label={t('correction.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={issues.reason}
          autosize
          minRows={2}
        />
        {save.error && <Alert color="red">{errorMessage(save.error, i18n.language)}</Alert>}
        {save.isSuccess && (
          <Text size="sm" c="green" data-testid="correction-saved">
            {t('correction.saved')}
          </Text>
        )}
        <Button w="fit-content" onClick={submit} loading={save.isPending}>
          {t('correction.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

const download = (doc: Doc, code: string) => downloadJson(doc, `du-lieu-ca-nhan-${code}.json`);

function RequestRow({
  r,
  caseId,
  onDocument,
}: {
  r: SubjectRequestRow;
  caseId: string;
  onDocument: (d: Doc) => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const produce = useMutation(trpc.privacy.subjectRequest.export.mutationOptions({ onSuccess: onDocument }));
  const answer = useMutation(
    trpc.privacy.subjectRequest.answer.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries(trpc.privacy.subjectRequest.list.queryFilter({ caseId })),
    }),
  );
  // Overdue against the server's calendar now (it pins the day the deadlines count from).
  const overdue = r.overdue;
  return (
    <Table.Tr data-testid="request-row" data-kind={r.kind}>
      <Table.Td>{t(`requests.kinds.${r.kind}`)}</Table.Td>
      <Table.Td>
        {r.requester.name} ({t(`relation.${r.requester.relation}`)})
      </Table.Td>
      <Table.Td>{dateTimeText(r.receivedAt)}</Table.Td>
      <Table.Td data-testid="request-due">{dateTimeText(r.dueAt)}</Table.Td>
      <Table.Td>
        {r.answeredAt ? (
          <Text size="sm">{t('requests.answeredAt', { time: dateTimeText(r.answeredAt) })}</Text>
        ) : (
          <Badge color={overdue ? 'red' : 'yellow'}>
            {overdue ? t('requests.overdue') : t('requests.pending')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td className="no-print">
        <Group gap={4}>
          <Button
            size="compact-xs"
            onClick={() => produce.mutate({ caseId, requestId: r.id })}
            loading={produce.isPending}
          >
            {t('requests.produce')}
          </Button>
          {!r.answeredAt && (
            <Button
              size="compact-xs"
              variant="default"
              loading={answer.isPending}
              onClick={() => answer.mutate({ caseId, requestId: r.id, answeredAt: calendarNow(today) })}
            >
              {t('requests.answer')}
            </Button>
          )}
        </Group>
        {(produce.error ?? answer.error) && (
          <Text size="xs" c="red">
            {errorMessage(
              (produce.error ?? answer.error) as Parameters<typeof errorMessage>[0],
              i18n.language,
            )}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * "Yêu cầu của người giám hộ": requests logged with their due time, answered, and the document
 * of everything held about the child, printable and as JSON.
 */
export default function RequestsPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const consent = useQuery(trpc.consent.get.queryOptions({ caseId }, { enabled: caseId !== '' }));
  const list = useQuery(
    trpc.privacy.subjectRequest.list.queryOptions({ caseId }, { enabled: caseId !== '' }),
  );
  const [doc, setDoc] = useState<Doc | null>(null);
  if (consent.isPending || list.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  const error = consent.error ?? list.error;
  if (error || !consent.data || !list.data)
    return (
      <Alert color="red">
        {t('loadError', { message: error ? errorMessage(error, i18n.language) : '' })}
      </Alert>
    );
  return (
    <Stack gap="md" data-testid="requests-page">
      <Group className="no-print">
        <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
          ← {t('back')}
        </Anchor>
      </Group>
      <div className="no-print">
        <Title order={3}>
          {t('requests.title')} — {consent.data.child.fullName} ({consent.data.code})
        </Title>
        <Text size="sm" c="dimmed">
          {t('requests.explain')}
        </Text>
      </div>
      <OpenRequestForm caseId={caseId} />
      <Paper withBorder p="md" className="no-print">
        {list.data.length === 0 ? (
          <Text size="sm">{t('requests.empty')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.kind')}</Table.Th>
                <Table.Th>{t('requests.requester')}</Table.Th>
                <Table.Th>{t('requests.receivedAt')}</Table.Th>
                <Table.Th>{t('requests.due')}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <RequestRow key={r.id} r={r} caseId={caseId} onDocument={setDoc} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <CorrectionForm caseId={caseId} requests={list.data} />
      {doc && (
        <>
          <Group className="no-print">
            <Button size="xs" onClick={() => window.print()} data-testid="print">
              {t('print')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => download(doc, consent.data.code)}
              data-testid="download-json"
            >
              {t('requests.download')}
            </Button>
          </Group>
          <SubjectDocument doc={doc} header={consent.data.header} />
        </>
      )}
    </Stack>
  );
}
