import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NS } from './strings';
import type { IdentifyResult } from './types';

/** A new case, or the one the student already has in this campaign (identify is idempotent). */
export function ProposeResult({ result, onAnother }: { result: IdentifyResult; onAnother: () => void }) {
  const { t } = useTranslation(NS);
  return (
    <Stack gap="sm">
      <Alert
        color={result.created ? 'green' : 'yellow'}
        data-testid="propose-result"
        data-created={String(result.created)}
        data-code={result.code}
        title={result.created ? undefined : t('result.existing')}
      >
        <Stack gap={6}>
          <Text size="sm">
            {result.created
              ? t('result.created', { code: result.code })
              : t('result.existingCode', { code: result.code })}
          </Text>
          <Anchor component={Link} to={`/cases/${result.caseId}`} fw={600}>
            {t('result.open', { code: result.code })}
          </Anchor>
        </Stack>
      </Alert>
      <Button variant="light" onClick={onAnother} style={{ alignSelf: 'flex-start' }}>
        {t('result.another')}
      </Button>
    </Stack>
  );
}
