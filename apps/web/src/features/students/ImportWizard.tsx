import {
  CLASS_LIST_FIELD_LABELS,
  CLASS_LIST_FIELDS,
  CLASS_LIST_ISSUES,
  type ClassListField,
  type ColumnMapping,
} from '@donghanh/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { dateText, num } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

const UPLOAD_PATH = '/upload/class-list';
export const TEMPLATE_PATH = '/files/mau-danh-sach-hoc-sinh.xlsx';

interface Uploaded {
  uploadId: string;
  sheets: { name: string; state: string }[];
}

/** The upload is a plain POST of the file (the tRPC body limit is 1 MiB); errors have the API's shape. */
async function sendFile(schoolId: string, file: File): Promise<Uploaded> {
  const res = await fetch(`${UPLOAD_PATH}?schoolId=${encodeURIComponent(schoolId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => null)) as
    | (Uploaded & { error?: undefined })
    | { error: { message: string; messageEn: string; appCode: string } }
    | null;
  if (!res.ok || !body || body.error) {
    const e = body?.error;
    throw Object.assign(new Error(e?.message ?? `HTTP ${res.status}`), {
      data: { messageEn: e?.messageEn, appCode: e?.appCode },
    });
  }
  return body as Uploaded;
}

type ImportProgress = { applied: number; total: number; finished: boolean; totals: Record<string, number> };

/** Upload → sheet → columns → preview with every row's issues → import with progress → result. */
export function ImportWizard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const lang = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [defaultClass, setDefaultClass] = useState('');
  const [confirmedMapping, setConfirmedMapping] = useState(false);
  const [onlyNotable, setOnlyNotable] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  const upload = useMutation({ mutationFn: (f: File) => sendFile(schoolId, f) });
  const previewInput = uploaded
    ? {
        uploadId: uploaded.uploadId,
        ...(sheet ? { sheet } : {}),
        ...(mapping ? { mapping } : {}),
        ...(defaultClass.trim() ? { defaultClassName: defaultClass.trim() } : {}),
        onlyNotable,
        limit: 500,
      }
    : null;
  const preview = useQuery({
    ...trpc.classList.preview.queryOptions(previewInput ?? { uploadId: 'clu-00000000' }),
    enabled: previewInput !== null && progress === null,
    retry: false,
  });
  const start = useMutation(trpc.classList.start.mutationOptions());
  const chunk = useMutation(trpc.classList.importChunk.mutationOptions());

  const p = preview.data;
  const needsSheet = p?.step === 'sheet';
  const active = !uploaded
    ? 0
    : needsSheet
      ? 1
      : progress?.finished
        ? 5
        : progress
          ? 4
          : p?.step === 'mapping' || !confirmedMapping
            ? 2
            : 3;

  const reset = () => {
    setFile(null);
    setUploaded(null);
    setSheet(undefined);
    setMapping(undefined);
    setDefaultClass('');
    setConfirmedMapping(false);
    setProgress(null);
    setImportError(null);
    upload.reset();
  };

  const runImport = async () => {
    if (!uploaded) return;
    setImportError(null);
    try {
      let state = (await start.mutateAsync({
        uploadId: uploaded.uploadId,
        ...(sheet ? { sheet } : {}),
        ...(mapping ? { mapping } : {}),
        ...(defaultClass.trim() ? { defaultClassName: defaultClass.trim() } : {}),
      })) as ImportProgress;
      setProgress(state);
      while (!state.finished) {
        state = (await chunk.mutateAsync({ uploadId: uploaded.uploadId })) as ImportProgress;
        setProgress(state);
      }
    } catch (error) {
      setImportError(errorMessage(error));
    }
  };

  const columnOptions =
    p && p.step !== 'sheet'
      ? p.labels.map((label, i) => ({
          value: String(i),
          label: `${String.fromCharCode(65 + (i % 26))}: ${label || '—'}`,
        }))
      : [];
  const currentMapping: ColumnMapping = (p && p.step !== 'sheet' ? p.mapping : mapping) ?? {};
  const setColumn = (field: ClassListField, value: string | null) => {
    const next: ColumnMapping = { ...currentMapping };
    if (value === null) delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };
  const writes = p?.counts ? p.counts.create + p.counts.update : 0;

  return (
    <Stack gap="md" data-testid="import-wizard">
      <Stepper active={active} size="sm">
        <Stepper.Step label={t('steps.upload')} />
        <Stepper.Step label={t('steps.sheet')} />
        <Stepper.Step label={t('steps.mapping')} />
        <Stepper.Step label={t('steps.preview')} />
        <Stepper.Step label={t('steps.import')} />
        <Stepper.Step label={t('steps.result')} />
      </Stepper>

      {active === 0 && (
        <Stack gap="sm">
          <Text size="sm">{t('upload.intro')}</Text>
          <Anchor href={TEMPLATE_PATH} download data-testid="template-link">
            {t('upload.template')}
          </Anchor>
          <FileInput
            label={t('upload.file')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            data-testid="class-list-file"
          />
          {upload.error && (
            <Alert color="red" data-testid="upload-error">
              {t('upload.failed', { message: errorMessage(upload.error) })}
            </Alert>
          )}
          <Group>
            <Button
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file, { onSuccess: (u) => setUploaded(u) })}
              data-testid="upload-send"
            >
              {t('upload.send')}
            </Button>
          </Group>
        </Stack>
      )}

      {preview.error && uploaded && progress === null && (
        <Alert color="red" data-testid="preview-error">
          {errorMessage(preview.error)}
        </Alert>
      )}

      {active === 1 && p && (
        <Radio.Group label={t('sheet.intro')} value={sheet ?? null} onChange={(v) => setSheet(v)}>
          <Stack gap={4} mt="xs" data-testid="sheet-choice">
            {p.sheets.map((s) => (
              <Radio
                key={s.name}
                value={s.name}
                label={`${s.name} (${s.state === 'visible' ? t('sheet.visible') : t('sheet.hidden')})`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}

      {active === 2 && p && p.step !== 'sheet' && (
        <Stack gap="sm" data-testid="mapping-step">
          <Text size="sm">{t('mapping.intro')}</Text>
          <Text size="xs" c="dimmed">
            {t('mapping.headerAt', { row: p.headerRow + 1 })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {CLASS_LIST_FIELDS.filter((f) => f !== 'stt').map((f) => (
              <Select
                key={f}
                label={CLASS_LIST_FIELD_LABELS[f][lang]}
                placeholder={t('mapping.none')}
                data={columnOptions}
                value={currentMapping[f] === undefined ? null : String(currentMapping[f])}
                onChange={(v) => setColumn(f, v)}
                clearable
                data-testid={`map-${f}`}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('mapping.defaultClass')}
            value={defaultClass}
            onChange={(e) => setDefaultClass(e.currentTarget.value)}
            maw={320}
          />
          {p.missing.length > 0 && (
            <Alert color="orange" data-testid="mapping-missing">
              {t('mapping.missing', {
                fields: p.missing.map((f) => CLASS_LIST_FIELD_LABELS[f as ClassListField][lang]).join(', '),
              })}
            </Alert>
          )}
          <Group>
            <Button
              disabled={p.missing.length > 0}
              onClick={() => setConfirmedMapping(true)}
              data-testid="mapping-confirm"
            >
              {t('mapping.preview')}
            </Button>
          </Group>
        </Stack>
      )}

      {active === 3 && p?.counts && (
        <Stack gap="sm" data-testid="preview-step">
          <Alert color="blue" data-testid="preview-counts">
            {t('preview.counts', {
              rows: num(p.counts.rows),
              create: num(p.counts.create),
              update: num(p.counts.update),
              unchanged: num(p.counts.unchanged),
              skip: num(p.counts.skip),
            })}
          </Alert>
          {p.newClasses.length > 0 && (
            <Text size="sm">
              {t('preview.newClasses', { names: p.newClasses.map((c) => c.name).join(', ') })}
            </Text>
          )}
          {!p.namesShown && (
            <Text size="sm" c="dimmed">
              {t('preview.namesHidden')}
            </Text>
          )}
          <Checkbox
            label={t('preview.onlyNotable')}
            checked={onlyNotable}
            onChange={(e) => setOnlyNotable(e.currentTarget.checked)}
          />
          <Table.ScrollContainer minWidth={720} mah={480}>
            <Table striped withTableBorder stickyHeader data-testid="preview-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('preview.line')}</Table.Th>
                  <Table.Th>{t('preview.code')}</Table.Th>
                  <Table.Th>{t('preview.name')}</Table.Th>
                  <Table.Th>{t('preview.birth')}</Table.Th>
                  <Table.Th>{t('preview.className')}</Table.Th>
                  <Table.Th>{t('preview.action')}</Table.Th>
                  <Table.Th>{t('preview.issues')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.rows.map((r) => (
                  <Table.Tr key={r.line} data-testid={`preview-row-${r.line}`} data-action={r.action}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.moetCode ?? '—'}</Table.Td>
                    <Table.Td>{r.fullName ?? '•••'}</Table.Td>
                    <Table.Td>{dateText(r.birthDate)}</Table.Td>
                    <Table.Td>{r.className ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={
                          r.action === 'skip'
                            ? 'red'
                            : r.action === 'create'
                              ? 'green'
                              : r.action === 'update'
                                ? 'blue'
                                : 'gray'
                        }
                        variant="light"
                      >
                        {t(`preview.actions.${r.action}`)}
                      </Badge>
                      {r.changes.length > 0 && (
                        <Text size="xs">
                          {r.changes
                            .map((c) =>
                              c.from === null && c.to === null
                                ? t(`preview.fields.${c.field}`)
                                : `${t(`preview.fields.${c.field}`)}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`,
                            )
                            .join('; ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.issues.map((i) => (
                        <Text key={i.code} size="xs" c={i.level === 'error' ? 'red' : 'orange'}>
                          {CLASS_LIST_ISSUES[i.code as keyof typeof CLASS_LIST_ISSUES][lang]}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('preview.more', { shown: num(p.rows.length), total: num(p.total) })}
          </Text>
          {writes === 0 && <Text size="sm">{t('preview.nothing')}</Text>}
          {importError && (
            <Alert color="red" data-testid="import-error">
              {t('import.failed', { message: importError })}
            </Alert>
          )}
          <Group>
            <Button variant="default" onClick={() => setConfirmedMapping(false)} data-testid="preview-back">
              {t('preview.back')}
            </Button>
            <Button onClick={runImport} data-testid="import-run">
              {t('preview.run', { count: writes })}
            </Button>
          </Group>
        </Stack>
      )}

      {active === 4 && progress && (
        <Stack gap="xs" data-testid="import-progress">
          <Text size="sm">
            {t('import.running', { applied: num(progress.applied), total: num(progress.total) })}
          </Text>
          <Progress value={progress.total ? (100 * progress.applied) / progress.total : 100} animated />
          {importError && (
            <Alert color="red">
              {t('import.failed', { message: importError })}{' '}
              <Button size="xs" variant="light" onClick={runImport}>
                {t('import.resume')}
              </Button>
            </Alert>
          )}
        </Stack>
      )}

      {active === 5 && progress && (
        <Stack gap="sm" data-testid="import-result">
          <Alert color="green" title={t('result.done')}>
            {t('result.totals', {
              created: num(progress.totals.created ?? 0),
              updated: num(progress.totals.updated ?? 0),
              unchanged: num(progress.totals.unchanged ?? 0),
              skipped: num(progress.totals.skipped ?? 0),
              classesCreated: num(progress.totals.classesCreated ?? 0),
            })}
          </Alert>
          <Group>
            <Button variant="light" onClick={reset}>
              {t('result.again')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
