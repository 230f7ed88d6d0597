import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../format';
import { NS } from '../strings';

interface Props {
  submitting: boolean;
  serverError: unknown;
  invalid: boolean;
  restored: boolean;
  onDiscard: () => void;
  submitLabel?: string;
}

/** The bottom of every task form: draft status, the server's answer, and the submit button. */
export function FormFooter({ submitting, serverError, invalid, restored, onDiscard, submitLabel }: Props) {
  const { t, i18n } = useTranslation(NS);
  return (
    <>
      {invalid && (
        <Alert color="orange" data-testid="form-invalid">
          {t('fixErrors')}
        </Alert>
      )}
      {serverError != null && (
        <Alert color="red" role="alert" data-testid="server-error">
          {t('serverError', { message: errorMessage(serverError, i18n.language) })}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed" data-testid="draft-status">
          {restored ? t('draftRestored') : t('draftSaved')}{' '}
          {restored && (
            <Button variant="subtle" size="compact-xs" onClick={onDiscard}>
              {t('discardDraft')}
            </Button>
          )}
        </Text>
        <Button type="submit" loading={submitting} data-testid="task-submit">
          {submitLabel ?? t('submit')}
        </Button>
      </Group>
    </>
  );
}
