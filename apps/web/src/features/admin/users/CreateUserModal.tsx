import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import { errorText } from '../../auth/error-text';
import { errorMessage, issuesOf } from '../format';
import { NS } from '../strings';
import type { AdminUnit } from '../types';
import { completeRows, type RoleRow, RoleRowsEditor } from './RoleRowsEditor';
import type { CreatedAccount } from './TempPasswordModal';

// The same rules as the server's createUserInput, so most mistakes show before sending.
const schema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,39}$/,
      'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang',
    ),
  displayName: z.string().trim().min(2, 'Tên hiển thị quá ngắn').max(120, 'Tên hiển thị quá dài'),
  email: z.union([z.literal(''), z.email('Email không hợp lệ').max(254, 'Email quá dài')]),
  roles: z.array(z.object({ role: z.string(), unitId: z.string() })),
});
type Form = z.input<typeof schema>;

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (account: CreatedAccount) => void;
  units: readonly AdminUnit[];
}

/** A new account: the server answers with a temporary password, handed to the parent to show once. */
export function CreateUserModal({ opened, onClose, onCreated, units }: Props) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', displayName: '', email: '', roles: [{ role: '', unitId: '' }] },
  });
  const create = useMutation(trpc.admin.createUser.mutationOptions());
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (v) => {
    const rows = completeRows(v.roles as RoleRow[], t);
    if (!rows.ok) {
      form.setError('roles', { message: rows.message });
      return;
    }
    try {
      const out = await create.mutateAsync({
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        ...(v.email ? { email: v.email.trim() } : {}),
        roles: rows.roles,
      });
      await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter());
      form.reset();
      create.reset();
      onCreated(out);
    } catch (err) {
      const code = errorText(err).code;
      const message = errorMessage(err, i18n.language);
      // Refusals that belong to one field are shown under it, the rest above the buttons.
      if (code === 'USERNAME_TAKEN') form.setError('username', { message });
      else if (code === 'EMAIL_TAKEN') form.setError('email', { message });
      else if (code === 'ROLE_UNIT_MISMATCH' || code === 'UNIT_NOT_FOUND')
        form.setError('roles', { message });
      else
        for (const issue of issuesOf(err)) {
          const field = issue.path[0];
          if (field === 'username' || field === 'displayName' || field === 'email' || field === 'roles')
            form.setError(field, { message: issue.message });
        }
    }
  });

  const code = create.error ? errorText(create.error).code : null;
  const general =
    create.error &&
    !['USERNAME_TAKEN', 'EMAIL_TAKEN', 'ROLE_UNIT_MISMATCH', 'UNIT_NOT_FOUND'].includes(code ?? '') &&
    issuesOf(create.error).length === 0
      ? errorMessage(create.error, i18n.language)
      : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('createUser.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <Stack gap="sm">
          <TextInput
            label={t('users.username')}
            description={t('createUser.usernameHint')}
            autoComplete="off"
            {...form.register('username')}
            error={errors.username?.message}
            required
          />
          <TextInput
            label={t('users.displayName')}
            {...form.register('displayName')}
            error={errors.displayName?.message}
            required
          />
          <TextInput
            label={t('createUser.emailOptional')}
            type="email"
            {...form.register('email')}
            error={errors.email?.message}
          />
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RoleRowsEditor
                value={field.value as RoleRow[]}
                onChange={(rows) => {
                  field.onChange(rows);
                  form.clearErrors('roles');
                }}
                units={units}
                error={errors.roles?.message ?? errors.roles?.root?.message}
              />
            )}
          />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {core('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('createUser.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
