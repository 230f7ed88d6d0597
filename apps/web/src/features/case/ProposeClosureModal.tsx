import {
  CLOSURE_REASON_LABELS,
  closureReasonSchema,
  PROPOSABLE_CLOSURE_REASONS,
  type ProposableClosureReason,
} from '@donghanh/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { errorMessage, pick } from './format';
import { NS } from './strings';
import { useAfterAction } from './useCaseAction';

interface Values {
  reason: ProposableClosureReason | '';
  note: string;
}

/** The coordinator proposes to close the case; the principal decides on the sign-off screen. */
export function ProposeClosureModal({
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
  // Mirrors the workflow's rule: "other" says why in the note.
  const schema = z
    .object({
      // '' is the select's "choose a reason" line: refused here, in place.
      reason: z
        .union([z.literal(''), closureReasonSchema])
        .refine((r) => r !== '', t('actions.closure.reasonRequired')),
      note: z.string().trim().max(2000, t('actions.max')),
    })
    .refine((v) => v.reason !== 'other' || v.note.length > 0, {
      path: ['note'],
      message: t('actions.closure.noteRequired'),
    });
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { reason: '', note: '' },
  });
  const propose = useMutation(
    trpc.case.proposeClosure.mutationOptions({
      onSuccess: async () => {
        await after();
        form.reset();
        onClose();
      },
    }),
  );
  const submit = form.handleSubmit((v) => {
    const note = v.note.trim();
    propose.mutate({ caseId, reason: v.reason as ProposableClosureReason, ...(note ? { note } : {}) });
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.closure.title')} size="lg">
      <form noValidate onSubmit={submit} data-testid="propose-closure-form">
        <Stack>
          <Text size="sm">{t('actions.closure.explain')}</Text>
          <NativeSelect
            label={t('actions.closure.reason')}
            required
            data={[
              { value: '', label: t('actions.closure.choose') },
              ...PROPOSABLE_CLOSURE_REASONS.map((r) => ({
                value: r,
                label: pick(CLOSURE_REASON_LABELS[r], i18n.language),
              })),
            ]}
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          <Textarea
            label={t('actions.closure.note')}
            placeholder={t('actions.closure.notePlaceholder')}
            autosize
            minRows={2}
            error={form.formState.errors.note?.message}
            {...form.register('note')}
          />
          {propose.error && (
            <Alert color="red" data-testid="action-error">
              {errorMessage(propose.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={propose.isPending}>
              {t('actions.closure.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
