import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage } from '../format';
import { NS } from '../strings';
import type { AdminUser } from '../types';

/** Disabling signs the person out at once, so it is asked twice; LAST_ADMIN and CANNOT_DISABLE_SELF show here. */
export function ConfirmDisableModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggle = useMutation(
    trpc.admin.setDisabled.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter());
        onClose();
      },
    }),
  );
  useEffect(() => {
    if (user) toggle.reset();
  }, [user, toggle.reset]);
  const disabling = user ? !user.disabled : true;
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={disabling ? t('users.confirmDisableTitle') : t('users.confirmEnableTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(disabling ? 'users.confirmDisable' : 'users.confirmEnable', { name: user?.displayName ?? '' })}
        </Text>
        {toggle.error && (
          <Alert color="red" role="alert" data-testid="disable-error">
            {errorMessage(toggle.error, i18n.language)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {core('cancel')}
          </Button>
          <Button
            color={disabling ? 'red' : 'blue'}
            loading={toggle.isPending}
            onClick={() => user && toggle.mutate({ userId: user.id, disabled: disabling })}
          >
            {disabling ? t('users.disable') : t('users.enable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
