import { GUARDIAN_RELATIONS, recordConsentRequestSchema } from '@donghanh/domain';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCalendarToday } from '../../shared/calendar-today';
import { dateText } from '../../shared/format';
import { useRequestId } from '../../shared/request-id';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { fieldIssues } from './field-issues';
import { LegalHolds } from './LegalHolds';
import { NS } from './strings';
import type { CaseConsentView, ConsentRecording } from './types';

function useAfterConsent(caseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.consent.get.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId })),
      // A recording with the child's own consent closes the age-7 task in "Việc của tôi".
      queryClient.invalidateQueries(trpc.task.inbox.queryFilter()),
    ]);
}

/** What the current recording says: consent with its guardian and coverage, or the legal basis. */
function CurrentConsent({ c }: { c: ConsentRecording }) {
  const { t } = useTranslation(NS);
  if (c.basis === 'legal_basis') return null;
  return (
    <Stack gap={2} data-testid="consent-current">
      {c.guardian && (
        <Text size="sm">
          {t('consent.guardianLine', {
            name: c.guardian.name ?? '—',
            relation: t(`relation.${c.guardian.relation ?? 'other_relative'}`),
          })}
        </Text>
      )}
      {c.method === 'paper_form' && (
        <Text size="sm">
          {t('consent.paperLine', { number: c.formNumber, date: dateText(c.formSignedOn) })}
        </Text>
      )}
      {c.method === 'in_person' && (
        <Text size="sm">
          {t('consent.inPersonLine', { names: c.witnesses.map((w) => w.name).join(', ') })}
        </Text>
      )}
      <Text size="sm">
        {t('consent.childLine', {
          age: c.childAge ?? '?',
          agreed: c.childConsentRequired ? t('consent.childAgreed') : t('consent.childNotAsked'),
        })}
      </Text>
      <Text size="sm" fw={500}>
        {t('consent.coverage')}
      </Text>
      {(['help', 'schoolProcessing', 'officeSharing'] as const).map((k) => (
        <Text size="sm" key={k}>
          {c.coverage[k] ? '☑' : '☐'} {t(`consent.covers.${k}`)}
        </Text>
      ))}
    </Stack>
  );
}

/** What the age-7 task's link fills in: the guardian on record, and the child's own agreement. */
interface ConsentPrefill {
  name: string;
  relation: string | null;
  childAgreed: boolean;
}

function ConsentForm({
  v,
  onDone,
  prefill,
}: {
  v: CaseConsentView;
  onDone: () => void;
  prefill?: ConsentPrefill | undefined;
}) {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const after = useAfterConsent(v.caseId);
  const [givenOn, setGivenOn] = useState(today);
  const [name, setName] = useState(prefill?.name ?? '');
  const [relation, setRelation] = useState<string | null>(prefill?.relation ?? 'mother');
  const [method, setMethod] = useState<'paper_form' | 'in_person'>('paper_form');
  const [formNumber, setFormNumber] = useState('');
  const [signedOn, setSignedOn] = useState(today);
  const [w1, setW1] = useState<string | null>(null);
  const [w2, setW2] = useState<string | null>(null);
  const [childAgreed, setChildAgreed] = useState(prefill?.childAgreed ?? false);
  const [coverage, setCoverage] = useState({ help: true, schoolProcessing: true, officeSharing: true });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const { id: recordingId, renewAfter } = useRequestId();
  const record = useMutation(
    trpc.consent.record.mutationOptions({
      onError: renewAfter,
      onSuccess: async () => {
        await after();
        onDone();
      },
    }),
  );
  const submit = () => {
    const input = {
      caseId: v.caseId,
      recordingId,
      givenOn,
      guardian: { name, relation },
      method:
        method === 'paper_form'
          ? { kind: 'paper_form' as const, formNumber, signedOn }
          : { kind: 'in_person' as const, witnessUserIds: [w1 ?? '', w2 ?? ''] },
      childAgreed: childAgreed ? true : null,
      coverage,
    };
    const parsed = recordConsentRequestSchema.safeParse(input);
    if (!parsed.success) {
      setIssues(fieldIssues(parsed.error.issues, i18n.language));
      return;
    }
    setIssues({});
    record.mutate(parsed.data);
  };
  const staff = v.staff.map((s) => ({ value: s.id, label: s.displayName }));
  return (
    <Stack gap="xs" data-testid="consent-form">
      <TextInput
        type="date"
        label={t('consent.form.givenOn')}
        value={givenOn}
        onChange={(e) => setGivenOn(e.currentTarget.value)}
        error={issues.givenOn}
      />
      <TextInput
        label={t('consent.form.guardianName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={issues['guardian.name']}
      />
      <Select
        label={t('consent.form.guardianRelation')}
        data={GUARDIAN_RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
        value={relation}
        onChange={setRelation}
        allowDeselect={false}
        error={issues['guardian.relation']}
      />
      <Radio.Group
        label={t('consent.form.method')}
        value={method}
        onChange={(m) => setMethod(m as typeof method)}
      >
        <Group mt={4}>
          <Radio value="paper_form" label={t('consent.form.paper_form')} />
          <Radio value="in_person" label={t('consent.form.in_person')} />
        </Group>
      </Radio.Group>
      {method === 'paper_form' ? (
        <Group grow>
          <TextInput
            label={t('consent.form.formNumber')}
            value={formNumber}
            onChange={(e) => setFormNumber(e.currentTarget.value)}
            error={issues['method.formNumber']}
          />
          <TextInput
            type="date"
            label={t('consent.form.signedOn')}
            value={signedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={issues['method.signedOn']}
          />
        </Group>
      ) : (
        <Group grow>
          <Select
            label={t('consent.form.witness1')}
            data={staff}
            value={w1}
            onChange={setW1}
            searchable
            error={issues['method.witnessUserIds']}
          />
          <Select label={t('consent.form.witness2')} data={staff} value={w2} onChange={setW2} searchable />
        </Group>
      )}
      <Checkbox
        label={t('consent.form.childAgreed')}
        description={t('consent.form.childHint')}
        checked={childAgreed}
        onChange={(e) => setChildAgreed(e.currentTarget.checked)}
      />
      <Text size="sm" fw={500}>
        {t('consent.coverage')}
      </Text>
      {(['help', 'schoolProcessing', 'officeSharing'] as const).map((k) => (
        <Checkbox
          key={k}
          label={t(`consent.covers.${k}`)}
          checked={coverage[k]}
          onChange={(e) => setCoverage({ ...coverage, [k]: e.currentTarget.checked })}
        />
      ))}
      {record.error && (
        <Alert color="red" data-testid="consent-error">
          {errorMessage(record.error, i18n.language)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={record.isPending}>
          {t('consent.form.submit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('consent.form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function LegalBasisForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const after = useAfterConsent(caseId);
  const bases = useQuery(trpc.privacy.legalBasis.list.queryOptions({ activeOnly: true }));
  const [basisId, setBasisId] = useState<string | null>(null);
  const [statedOn, setStatedOn] = useState(today);
  const { id: recordingId, renewAfter } = useRequestId();
  const save = useMutation(
    trpc.consent.recordLegalBasis.mutationOptions({
      onError: renewAfter,
      onSuccess: async () => {
        await after();
        onDone();
      },
    }),
  );
  if (bases.data?.length === 0) return <Text size="sm">{t('consent.basis.none')}</Text>;
  return (
    <Stack gap="xs" data-testid="legal-basis-form">
      <Select
        label={t('consent.basis.choose')}
        data={(bases.data ?? []).map((b) => ({ value: b.id, label: `${b.title} (${b.reference})` }))}
        value={basisId}
        onChange={setBasisId}
      />
      <TextInput
        type="date"
        label={t('consent.basis.statedOn')}
        value={statedOn}
        onChange={(e) => setStatedOn(e.currentTarget.value)}
      />
      {save.error && <Alert color="red">{errorMessage(save.error, i18n.language)}</Alert>}
      <Group>
        <Button
          disabled={!basisId}
          loading={save.isPending}
          onClick={() => basisId && save.mutate({ caseId, recordingId, legalBasisId: basisId, statedOn })}
        >
          {t('consent.basis.submit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('consent.form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The guardian or the child withdrew: the case closes at once and its free text is erased, so
 * the button stays disabled until the coordinator ticks that they understand it.
 */
function WithdrawForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const after = useAfterConsent(caseId);
  const [by, setBy] = useState<'guardian' | 'child'>('guardian');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const withdraw = useMutation(
    trpc.consent.withdraw.mutationOptions({
      onSuccess: async () => {
        await after();
        onDone();
      },
    }),
  );
  return (
    <Stack gap="xs" data-testid="consent-withdraw-form">
      <Radio.Group
        label={t('consent.withdraw.by')}
        value={by}
        onChange={(value) => setBy(value === 'child' ? 'child' : 'guardian')}
      >
        <Group gap="md">
          <Radio value="guardian" label={t('consent.withdraw.byGuardian')} />
          <Radio value="child" label={t('consent.withdraw.byChild')} />
        </Group>
      </Radio.Group>
      <TextInput
        type="date"
        label={t('consent.withdraw.on')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
      />
      <TextInput
        label={t('consent.withdraw.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Checkbox
        data-testid="consent-withdraw-confirm"
        label={t('consent.withdraw.confirm')}
        checked={confirmed}
        onChange={(e) => setConfirmed(e.currentTarget.checked)}
      />
      {withdraw.error && (
        <Alert color="red" role="alert">
          {errorMessage(withdraw.error, i18n.language)}
        </Alert>
      )}
      <Group>
        <Button
          color="red"
          disabled={!confirmed}
          loading={withdraw.isPending}
          onClick={() => withdraw.mutate({ caseId, by, on, ...(note.trim() ? { note: note.trim() } : {}) })}
        >
          {t('consent.withdraw.submit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('consent.form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Đồng ý xử lý dữ liệu" on the case page, for the coordinator and principal of the child's
 * school (the API refuses anyone else): where the case stands, the form to record consent or a
 * legal basis, the printable form and the guardian's requests.
 */
export function ConsentSection({ caseId, principal }: { caseId: string; principal: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const q = useQuery(trpc.consent.get.queryOptions({ caseId }));
  // The age-7 task links here with ?consent=child: the form opens with the guardian on record and
  // the child's agreement ticked, for the coordinator to check against the signed paper.
  const [params, setParams] = useSearchParams();
  const forChild = params.get('consent') === 'child';
  const [mode, setMode] = useState<'view' | 'consent' | 'basis' | 'withdraw'>(forChild ? 'consent' : 'view');
  const done = () => {
    setMode('view');
    if (forChild) setParams({}, { replace: true });
  };
  if (q.isPending) return null;
  if (q.isError)
    return <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>;
  const v = q.data;
  const cur = v.current;
  const stateText =
    v.state === 'none' || !cur
      ? t('consent.state.none')
      : v.state === 'withdrawn'
        ? t('consent.state.withdrawn', { date: dateText(cur.withdrawal?.on) })
        : v.state === 'legal_basis'
          ? t('consent.state.legal_basis', {
              version: cur.version,
              date: dateText(cur.givenOn),
              title: cur.legalBasis?.title,
              reference: cur.legalBasis?.reference,
            })
          : t('consent.state.consent', { version: cur.version, date: dateText(cur.givenOn) });
  return (
    <Paper withBorder p="md" data-testid="consent-section" data-state={v.state}>
      <Title order={4} mb="sm">
        {t('consent.title')}
      </Title>
      <Stack gap="sm">
        <Text
          size="sm"
          c={v.state === 'none' || v.state === 'withdrawn' ? 'orange.8' : undefined}
          data-testid="consent-state"
        >
          {stateText}
        </Text>
        {cur && v.state !== 'none' && <CurrentConsent c={cur} />}
        {mode === 'consent' && forChild && (
          <Alert color="blue" data-testid="child-consent-hint">
            {t('consent.childTaskHint')}
          </Alert>
        )}
        {mode === 'consent' && (
          <ConsentForm
            v={v}
            onDone={done}
            prefill={
              forChild && cur?.basis === 'consent'
                ? {
                    name: cur.guardian?.name ?? '',
                    relation: cur.guardian?.relation ?? null,
                    childAgreed: true,
                  }
                : forChild
                  ? { name: '', relation: null, childAgreed: true }
                  : undefined
            }
          />
        )}
        {mode === 'basis' && <LegalBasisForm caseId={caseId} onDone={() => setMode('view')} />}
        {mode === 'withdraw' && <WithdrawForm caseId={caseId} onDone={() => setMode('view')} />}
        {mode === 'view' && (
          <Group gap="sm">
            <Button size="xs" onClick={() => setMode('consent')}>
              {t('consent.record')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setMode('basis')}>
              {t('consent.recordBasis')}
            </Button>
            {v.state === 'consent' && v.stage !== 'closed' && v.stage !== 'declined' && (
              <Button size="xs" color="red" variant="light" onClick={() => setMode('withdraw')}>
                {t('consent.withdraw.open')}
              </Button>
            )}
            <Anchor component={Link} to={`/cases/${caseId}/consent-form`} size="sm">
              {t('consent.printForm')}
            </Anchor>
            <Anchor component={Link} to={`/cases/${caseId}/requests`} size="sm">
              {t('consent.requests')}
            </Anchor>
          </Group>
        )}
        {principal && <LegalHolds caseId={caseId} />}
      </Stack>
    </Paper>
  );
}
