import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from '../strings';

export interface CreatedAccount {
  username: string;
  displayName: string;
  temporaryPassword: string;
}

/**
 * The temporary password, shown once: the server keeps only its hash, so closing this modal
 * loses it for good (an admin would have to reset the password).
 */
export function TempPasswordModal({
  account,
  onClose,
}: {
  account: CreatedAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={account ? t('tempPassword.title', { username: account.username }) : ''}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      data-testid="temp-password-modal"
    >
      {account && (
        <Stack gap="sm">
          <Text size="sm">{t('tempPassword.intro', { name: account.displayName })}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code fz="lg" data-testid="temp-password" style={{ userSelect: 'all' }}>
              {account.temporaryPassword}
            </Code>
            <CopyButton value={account.temporaryPassword}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : 'blue'}
                  onClick={copy}
                >
                  {copied ? t('tempPassword.copied') : t('tempPassword.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="orange" role="alert">
            {t('tempPassword.warning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('tempPassword.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
