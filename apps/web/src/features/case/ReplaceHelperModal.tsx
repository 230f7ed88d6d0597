import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { NS } from './strings';
import { useAfterAction } from './useCaseAction';

interface Values {
  helperId: string;
  reason: string;
}

/** Hand the case to another teacher of the school, chosen from the ranked suggestions. */
export function ReplaceHelperModal({
  caseId,
  opened,
  onClose,
}: {
  caseId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterAction(caseId);
  // Only while open: the ranking reads loads across the school.
  const suggest = useQuery(trpc.volunteer.suggest.queryOptions({ caseId, limit: 10 }, { enabled: opened }));
  const schema = z.object({
    helperId: z.string().min(1, t('actions.replace.helperRequired')),
    reason: z.string().trim().min(1, t('actions.replace.reasonRequired')).max(2000, t('actions.max')),
  });
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { helperId: '', reason: '' },
  });
  const replace = useMutation(
    trpc.case.replaceHelper.mutationOptions({
      onSuccess: async () => {
        await after();
        form.reset();
        onClose();
      },
    }),
  );
  const helpers = suggest.data?.helpers ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.replace.title')} size="lg">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          replace.mutate({ caseId, helperId: v.helperId, reason: v.reason.trim() }),
        )}
        data-testid="replace-helper-form"
      >
        <Stack>
          <Text size="sm">{t('actions.replace.explain')}</Text>
          {suggest.error && <Alert color="red">{errorMessage(suggest.error, i18n.language)}</Alert>}
          {suggest.isSuccess && helpers.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="replace-no-helper">
              {t('actions.replace.noHelper')}
            </Text>
          )}
          <NativeSelect
            label={t('actions.replace.helper')}
            required
            disabled={suggest.isLoading}
            data={[
              { value: '', label: suggest.isLoading ? t('loading') : t('actions.replace.choose') },
              ...helpers.map((h) => ({
                value: h.userId,
                label: t('actions.replace.option', {
                  name: h.displayName,
                  spare: h.spare,
                  capacity: h.capacity,
                }),
              })),
            ]}
            error={form.formState.errors.helperId?.message}
            {...form.register('helperId')}
          />
          <Textarea
            label={t('actions.replace.reason')}
            placeholder={t('actions.replace.reasonPlaceholder')}
            autosize
            minRows={2}
            required
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          {replace.error && (
            <Alert color="red" data-testid="action-error">
              {errorMessage(replace.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={replace.isPending}>
              {t('actions.replace.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
