import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage } from '../format';
import { NS } from '../strings';
import type { AdminUser } from '../types';
import type { CreatedAccount } from './TempPasswordModal';

/**
 * A forgotten password: the account gets a new temporary one (shown once, like at creation) and
 * every session it had ends, so it is asked first.
 */
export function ConfirmResetModal({
  user,
  onClose,
  onReset,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onReset: (account: CreatedAccount) => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.adminResetPassword.mutationOptions());
  useEffect(() => {
    if (user) reset.reset();
  }, [user, reset.reset]);
  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.confirmResetTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('users.confirmReset', { name: user?.displayName ?? '' })}</Text>
        {reset.error && (
          <Alert color="red" role="alert">
            {errorMessage(reset.error, i18n.language)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {core('cancel')}
          </Button>
          <Button
            color="orange"
            loading={reset.isPending}
            data-testid="confirm-reset"
            onClick={() =>
              user &&
              reset.mutate(
                { userId: user.id },
                {
                  onSuccess: (r) => {
                    onReset({
                      username: user.username,
                      displayName: user.displayName,
                      temporaryPassword: r.temporaryPassword,
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
