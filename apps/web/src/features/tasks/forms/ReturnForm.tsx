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

// "Not back" starts the drop-out follow-up: the coordinator needs to know what the helper knows.
const schema = z
  .object({
    returned: z.enum(['yes', 'no'], { error: 'tasks:required' }),
    note: freeText(2000).optional(),
  })
  .refine((v) => v.returned === 'yes' || (v.note?.length ?? 0) > 0, {
    path: ['note'],
    message: 'tasks:return.noteRequired',
  });

/** Back to school after the summer: yes, or no with what is known. */
export function ReturnForm({ task }: { task: InboxTask }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.case.confirmReturn.mutationOptions());
  const { form, onSubmit, footer } = useStepForm(
    task,
    schema,
    { returned: undefined as never, note: '' },
    (v) =>
      confirm.mutateAsync({
        caseId: task.caseId,
        taskId: task.id,
        returned: v.returned === 'yes',
        ...(v.note ? { note: v.note } : {}),
      }),
  );
  const { control, register, formState } = form;
  const returned = useWatch({ control, name: 'returned' });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="return-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('return.intro')}
        </Text>
        <Controller
          control={control}
          name="returned"
          render={({ field }) => (
            <Radio.Group
              label={t('return.answer')}
              withAsterisk
              value={field.value ?? null}
              onChange={field.onChange}
              error={msg(formState.errors.returned)}
            >
              <Group mt={4}>
                <Radio value="yes" label={t('return.returned')} />
                <Radio value="no" label={t('return.notReturned')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('return.note')}
          withAsterisk={returned === 'no'}
          autosize
          minRows={2}
          {...register('note')}
          error={msg(formState.errors.note)}
        />
        <FormFooter {...footer} />
      </Stack>
    </form>
  );
}
