import { freeText } from '@donghanh/domain';
import { Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import { useFieldMessage } from '../FieldMessage';
import { NS } from '../strings';
import type { InboxTask } from '../types';
import { FormFooter } from './FormFooter';
import { useStepForm } from './useStepForm';

// The API takes an optional reason; a decline without one leaves the coordinator guessing.
const schema = z
  .object({
    answer: z.enum(['accept', 'decline'], { error: 'tasks:required' }),
    reason: freeText(2000).optional(),
  })
  .refine((v) => v.answer === 'accept' || (v.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'tasks:offer.reasonRequired',
  });

/** Accept the case offered, or decline it with a reason. */
export function OfferForm({ task }: { task: InboxTask }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const respond = useMutation(trpc.case.respondOffer.mutationOptions());
  const { form, onSubmit, footer } = useStepForm(
    task,
    schema,
    { answer: undefined as never, reason: '' },
    (v) =>
      respond.mutateAsync({
        caseId: task.caseId,
        taskId: task.id,
        accept: v.answer === 'accept',
        ...(v.answer === 'decline' ? { reason: v.reason } : {}),
      }),
  );
  const { control, register, formState } = form;
  const answer = useWatch({ control, name: 'answer' });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="offer-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('offer.intro')}
        </Text>
        <Controller
          control={control}
          name="answer"
          render={({ field }) => (
            <Radio.Group
              label={t('offer.answer')}
              value={field.value ?? null}
              onChange={field.onChange}
              error={msg(formState.errors.answer)}
              withAsterisk
            >
              <Group mt={4}>
                <Radio value="accept" label={t('offer.accept')} />
                <Radio value="decline" label={t('offer.decline')} />
              </Group>
            </Radio.Group>
          )}
        />
        {answer === 'decline' && (
          <Textarea
            label={t('offer.reason')}
            placeholder={t('offer.reasonPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            {...register('reason')}
            error={msg(formState.errors.reason)}
          />
        )}
        <FormFooter {...footer} />
      </Stack>
    </form>
  );
}
