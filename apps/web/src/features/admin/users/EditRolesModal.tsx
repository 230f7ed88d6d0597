import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage } from '../format';
import { NS } from '../strings';
import type { AdminUnit, AdminUser } from '../types';
import { completeRows, type RoleRow, RoleRowsEditor } from './RoleRowsEditor';

/** Replaces every role of an account at once (admin.setRoles); LAST_ADMIN and the like show in place. */
export function EditRolesModal({
  user,
  units,
  onClose,
}: {
  user: AdminUser | null;
  units: readonly AdminUnit[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<RoleRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(trpc.admin.setRoles.mutationOptions());

  useEffect(() => {
    setRows(user?.roles.map((r) => ({ role: r.role, unitId: r.unitId })) ?? []);
    setProblem(null);
    save.reset();
  }, [user, save.reset]);

  const submit = async () => {
    if (!user) return;
    // An account may be left without any role (it then sees nothing), so an empty list is allowed.
    const checked = rows.length === 0 ? { ok: true as const, roles: [] } : completeRows(rows, t);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    try {
      await save.mutateAsync({ userId: user.id, roles: checked.roles });
      await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter());
      onClose();
    } catch (err) {
      setProblem(errorMessage(err, i18n.language));
    }
  };

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('editRoles.title', { name: user?.displayName ?? '' })}
      size="lg"
    >
      <Stack gap="sm">
        <RoleRowsEditor
          value={rows}
          onChange={(r) => {
            setRows(r);
            setProblem(null);
          }}
          units={units}
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="edit-roles-error">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {core('cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('editRoles.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
