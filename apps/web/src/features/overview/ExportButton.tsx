import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../shared/download';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { NS } from './strings';

/** Hands the server's .xlsx (base64) to the browser as a file: it opens in Vietnamese Excel as a table. */
function download(base64: string | null, filename: string) {
  const bytes = Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));
  downloadFile(bytes, filename, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** The .xlsx export of the caller's cases; the server audits every export. */
export function ExportButton() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const exp = useMutation(
    trpc.report.exportCases.mutationOptions({ onSuccess: (r) => download(r.base64, r.filename) }),
  );
  return (
    <Stack gap={4} data-testid="export">
      <Group gap="sm" wrap="wrap">
        <Button
          variant="light"
          loading={exp.isPending}
          onClick={() => exp.mutate({ locale: i18n.language === 'en' ? 'en' : 'vi', format: 'xlsx' })}
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
