import { breachInputSchema, DATA_CATEGORIES, DATA_CATEGORY_LABELS, SURFACES } from '@donghanh/domain';
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
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
import { calendarNow, calendarNowLocal, useCalendarToday } from '../../shared/calendar-today';
import { dateTimeText, pick } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { fieldIssues } from './field-issues';
import { PrivacyRegister } from './PrivacyRegister';
import { NS } from './strings';
import './print.css';

function LegalBases() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.privacy.legalBasis.list.queryOptions({ activeOnly: false }));
  // The processing record lists the bases in use: it reads them again too.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.privacy.legalBasis.list.pathFilter()),
      queryClient.invalidateQueries(trpc.privacy.records.pathFilter()),
    ]);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const create = useMutation(
    trpc.privacy.legalBasis.create.mutationOptions({
      onSuccess: async () => {
        setCode('');
        setTitle('');
        setReference('');
        await refresh();
      },
    }),
  );
  const update = useMutation(trpc.privacy.legalBasis.update.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? update.error;
  return (
    <Paper withBorder p="md" className="no-print" data-testid="legal-bases">
      <Title order={4} mb="sm">
        {t('admin.legalBases')}
      </Title>
      <Table>
        <Table.Tbody>
          {(list.data ?? []).map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.code}</Table.Td>
              <Table.Td>{b.title}</Table.Td>
              <Table.Td>{b.reference}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() =>
                    update.mutate({
                      id: b.id,
                      code: b.code,
                      title: b.title,
                      reference: b.reference,
                      active: !b.active,
                    })
                  }
                >
                  {b.active ? t('admin.deactivate') : t('admin.activate')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end" mt="sm" grow>
        <TextInput label={t('admin.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <TextInput
          label={t('admin.basisTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.reference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <Button
          onClick={() => create.mutate({ code, title, reference, active: true })}
          loading={create.isPending}
        >
          {t('admin.add')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="xs">
          {errorMessage(error, i18n.language)}
        </Alert>
      )}
    </Paper>
  );
}

function ProcessingRecord() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const q = useQuery(trpc.privacy.records.processing.queryOptions({}));
  if (!q.data) return null;
  const r = q.data;
  return (
    <Stack gap="xs">
      <Group className="no-print">
        <Title order={4}>{t('admin.processing')}</Title>
        <Button size="xs" onClick={() => window.print()} data-testid="print">
          {t('print')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" className="no-print">
        {t('admin.processingExplain')}
      </Text>
      <section className="print-sheet" data-testid="processing-record">
        <h2 className="print-title">{t('admin.processing').toUpperCase()}</h2>
        <p className="print-center">{dateTimeText(r.generatedAt)}</p>
        <h3>{t('admin.controller')}</h3>
        <p>{r.controller}</p>
        <h3>{t('admin.categories')}</h3>
        <ul>
          {r.categories.map((c) => (
            <li key={c.key}>
              {pick(c, i18n.language)}
              {c.sensitive ? ` (${t('admin.sensitive')})` : ''}
            </li>
          ))}
        </ul>
        <h3>{t('admin.purposes')}</h3>
        <ul>
          {r.purposes.map((p) => (
            <li key={p.vi}>{pick(p, i18n.language)}</li>
          ))}
        </ul>
        <h3>{t('admin.readers')}</h3>
        <table>
          <thead>
            <tr>
              <th />
              {SURFACES.map((s) => (
                <th key={s}>{t(`admin.surfaces.${s}`)}</th>
              ))}
              <th>{t('admin.family')}</th>
            </tr>
          </thead>
          <tbody>
            {r.readers.map((reader) => (
              <tr key={reader.key}>
                <td>{pick(reader, i18n.language)}</td>
                {SURFACES.map((s) => (
                  <td key={s}>{t(`admin.views.${reader.views[s]}`)}</td>
                ))}
                <td>{reader.family ? '✓' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('admin.retention')}</h3>
        <ul>
          {r.retention.map((c) => (
            <li key={c.campaignId}>
              {t('admin.retentionLine', {
                name: c.name,
                years: c.schoolYearsAfterClosure,
                access: c.accessAnswerHours,
                correction: c.correctionAnswerHours,
              })}
            </li>
          ))}
        </ul>
        <h3>{t('admin.legalBases')}</h3>
        <ul>
          {r.legalBases.map((b) => (
            <li key={b.code}>
              {b.title} — {b.reference}
            </li>
          ))}
        </ul>
        <h3>{t('admin.storage')}</h3>
        <ul>
          {r.storage.map((s) => (
            <li key={s.vi}>{pick(s, i18n.language)}</li>
          ))}
        </ul>
        <p className="print-right">{t('admin.signature')}</p>
        <div className="print-sign-space" />
      </section>
    </Stack>
  );
}

function Breaches() {
  const { t, i18n } = useTranslation(NS);
  const today = useCalendarToday();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.privacy.breach.list.queryOptions({}));
  const refresh = () => queryClient.invalidateQueries(trpc.privacy.breach.list.pathFilter());
  const [detectedAt, setDetectedAt] = useState(calendarNowLocal(today));
  const [description, setDescription] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [affected, setAffected] = useState<number | string>('');
  const create = useMutation(
    trpc.privacy.breach.create.mutationOptions({
      onSuccess: async () => {
        setDescription('');
        setCategories([]);
        setAffected('');
        await refresh();
      },
    }),
  );
  const update = useMutation(trpc.privacy.breach.update.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? update.error;
  const [issues, setIssues] = useState<Record<string, string>>({});
  const submit = () => {
    const at = new Date(detectedAt);
    const parsed = breachInputSchema.safeParse({
      detectedAt: Number.isNaN(at.getTime()) ? detectedAt : at.toISOString(),
      description,
      categories,
      affectedCount: typeof affected === 'number' ? affected : null,
    });
    if (!parsed.success) {
      setIssues(fieldIssues(parsed.error.issues, i18n.language, 'first'));
      return;
    }
    setIssues({});
    create.mutate(parsed.data);
  };
  return (
    <Paper withBorder p="md" className="no-print" data-testid="breaches">
      <Title order={4}>{t('admin.breaches')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.breachExplain')}
      </Text>
      {(list.data ?? []).length === 0 ? (
        <Text size="sm">{t('admin.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.detectedAt')}</Table.Th>
              <Table.Th>{t('admin.description')}</Table.Th>
              <Table.Th>{t('admin.affected')}</Table.Th>
              <Table.Th>{t('admin.notifyBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((b) => {
              // Late against the server's calendar now.
              const late = b.late;
              return (
                <Table.Tr key={b.id} data-testid="breach-row">
                  <Table.Td>{dateTimeText(b.detectedAt)}</Table.Td>
                  <Table.Td>{b.description}</Table.Td>
                  <Table.Td>{b.affectedCount ?? ''}</Table.Td>
                  <Table.Td data-testid="breach-notify-by">
                    <Text size="sm" c={late ? 'red' : undefined}>
                      {dateTimeText(b.notifyBy)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {b.notifiedAt ? (
                      <Badge color="green">
                        {t('admin.notifiedAt', { time: dateTimeText(b.notifiedAt) })}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-xs"
                        onClick={() => update.mutate({ id: b.id, notifiedAt: calendarNow(today) })}
                      >
                        {t('admin.markNotified')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs" mt="sm">
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('admin.detectedAt')}
            value={detectedAt}
            onChange={(e) => setDetectedAt(e.currentTarget.value)}
            error={issues.detectedAt}
          />
          <NumberInput label={t('admin.affected')} value={affected} onChange={setAffected} min={0} />
        </Group>
        <MultiSelect
          label={t('admin.categoriesShort')}
          data={DATA_CATEGORIES.map((c) => ({
            value: c,
            label: pick(DATA_CATEGORY_LABELS[c], i18n.language),
          }))}
          value={categories}
          onChange={setCategories}
          error={issues.categories}
        />
        <Textarea
          label={t('admin.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={issues.description}
          autosize
          minRows={2}
        />
        {error && <Alert color="red">{errorMessage(error, i18n.language)}</Alert>}
        <Button w="fit-content" loading={create.isPending} onClick={submit}>
          {t('admin.record')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * Cases closed before retention was deployed wait with no erasure timer: one button asks every
 * closed, not yet erased case's workflow to apply retention (set the erase-on day if missing and
 * start waiting for it). A run already waiting answers that it is.
 */
function RetentionForOldClosures() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const apply = useMutation(trpc.privacy.retention.applyToClosed.mutationOptions());
  const r = apply.data;
  return (
    <Paper withBorder p="md" data-testid="retention-old-closures">
      <Title order={4} mb="xs">
        {t('admin.oldClosures.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('admin.oldClosures.intro')}
      </Text>
      <Button size="xs" loading={apply.isPending} onClick={() => apply.mutate({})}>
        {t('admin.oldClosures.apply')}
      </Button>
      {r && (
        <Text size="sm" mt="sm" data-testid="retention-result">
          {t('admin.oldClosures.result', {
            asked: r.asked,
            started: r.started,
            already: r.alreadyWaiting,
            failed: r.failed.length,
          })}
          {r.failed.length > 0 && ` ${r.failed.map((f) => `${f.code} (${f.error})`).join(', ')}`}
        </Text>
      )}
      {r?.nextAfterCaseId && (
        <Button
          size="xs"
          variant="light"
          mt="xs"
          loading={apply.isPending}
          onClick={() => apply.mutate({ afterCaseId: r.nextAfterCaseId ?? undefined })}
        >
          {t('admin.oldClosures.more')}
        </Button>
      )}
      {apply.error && (
        <Alert color="red" mt="sm">
          {errorMessage(apply.error, i18n.language)}
        </Alert>
      )}
    </Paper>
  );
}

/** The admin's privacy tab: legal bases, the processing record (printable), the register of bases and erasures, the breach log. */
export function PrivacyAdmin() {
  return (
    <Stack gap="md" data-testid="privacy-admin">
      <LegalBases />
      <ProcessingRecord />
      <PrivacyRegister />
      <Breaches />
      <RetentionForOldClosures />
    </Stack>
  );
}
