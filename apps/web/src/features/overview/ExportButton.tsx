import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../shared/download';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { NS } from './strings';

/** Hands the server's CSV to the browser as a file. */
const download = (csv: string, filename: string) => downloadFile(csv, filename, 'text/csv;charset=utf-8');

/** The CSV export of the caller's cases; the server audits every export. */
export function ExportButton() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const exp = useMutation(
    trpc.report.exportCases.mutationOptions({ onSuccess: (r) => download(r.csv, r.filename) }),
  );
  return (
    <Stack gap={4} data-testid="export">
      <Group gap="sm" wrap="wrap">
        <Button
          variant="light"
          loading={exp.isPending}
          onClick={() => exp.mutate({ locale: i18n.language === 'en' ? 'en' : 'vi' })}
        >
          {t('export.button')}
        </Button>
        <Text size="xs" c="dimmed" maw={480}>
          {t('export.audited')}
        </Text>
      </Group>
      {exp.data && (
        <Text size="sm" c="green" data-testid="export-done">
          {t('export.done', { rows: exp.data.rows, named: exp.data.named })}
          {exp.data.truncated ? ` ${t('export.truncated')}` : ''}
        </Text>
      )}
      {exp.error && (
        <Alert color="red">{t('export.error', { message: errorMessage(exp.error, i18n.language) })}</Alert>
      )}
    </Stack>
  );
}
