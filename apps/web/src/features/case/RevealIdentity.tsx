import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { NS } from './strings';

/** The server keeps a reveal this long (REVEAL_MINUTES in the API). */
export const REVEAL_MINUTES = 30;

interface Props {
  caseId: string;
  opened: boolean;
  onClose: () => void;
  onRevealed: (expiresAt: string) => void;
}

/**
 * An office user asks to see one child's name: a written reason is required, the server logs it
 * and the reveal expires. The name then comes from a fresh `case.get`, never from this answer.
 */
export function RevealIdentity({ caseId, opened, onClose, onRevealed }: Props) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = z.object({
    reason: z.string().trim().min(10, t('reveal.reasonMin')).max(500, t('reveal.reasonMax')),
  });
  const form = useForm<{ reason: string }>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const reveal = useMutation(
    trpc.case.revealIdentity.mutationOptions({
      onSuccess: async (r) => {
        onRevealed(r.expiresAt);
        await queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId }));
        form.reset();
        onClose();
      },
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('reveal.title')} size="lg">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) => reveal.mutate({ caseId, reason: v.reason.trim() }))}
        data-testid="reveal-form"
      >
        <Stack>
          <Text size="sm">{t('reveal.explain', { minutes: REVEAL_MINUTES })}</Text>
          <Textarea
            label={t('reveal.reason')}
            placeholder={t('reveal.reasonPlaceholder')}
            autosize
            minRows={3}
            required
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          {reveal.error && (
            <Alert color="red" data-testid="reveal-error">
              {errorMessage(reveal.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reveal.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={reveal.isPending}>
              {t('reveal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
