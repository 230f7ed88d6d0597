import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { InboxTask } from '../types';
import { useDraft } from '../useDraft';
import { useFinish } from '../useFinish';

/**
 * A task's form: validated in place by the shared zod schema, kept as a draft per task, and on
 * success the draft is dropped and the inbox refreshed. `send` calls the case step.
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>>(
  task: InboxTask,
  schema: S,
  defaults: z.input<S>,
  send: (value: z.output<S>) => Promise<unknown>,
  /** setup: which success message to show (e.g. 'accepted' or 'declined' for an offer). */
  variantOf?: (value: z.output<S>) => string | undefined,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: defaults as DefaultValues<z.input<S>>,
    // Checked on submit, then as the user corrects: a message appearing on blur shifts the layout
    // under a finger that is already tapping the next control.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const draft = useDraft(task.id, form);
  const finish = useFinish(task);
  const [serverError, setServerError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = form.handleSubmit(
    async (value) => {
      setInvalid(false);
      setServerError(null);
      setSubmitting(true);
      try {
        await send(value);
        await finish(variantOf?.(value));
      } catch (err) {
        setServerError(err);
      } finally {
        setSubmitting(false);
      }
    },
    () => setInvalid(true),
  );

  return {
    form,
    onSubmit,
    footer: {
      submitting,
      serverError,
      invalid: invalid && Object.keys(form.formState.errors).length > 0,
      restored: draft.restored,
      onDiscard: () => draft.discard(defaults),
    },
  };
}
