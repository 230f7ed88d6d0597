import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Resolver, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { isNetworkFailure } from '../../../offline/outbox';
import { focusFirstError } from '../../../shared/first-error';
import type { InboxTask } from '../types';
import { useDraft } from '../useDraft';
import { useFinish } from '../useFinish';

/**
 * A task's form: validated in place by the shared zod schema, kept as a draft per task, and on
 * success the draft is dropped and the inbox refreshed. `send` calls the case step. An invalid
 * submit brings the first field in error into view. With `whenOffline`, a send that never
 * reached the server is handed to it (queued) and the person goes back to the inbox.
 */
export function useStepForm<S extends z.ZodType<FieldValues, FieldValues>>(
  task: InboxTask,
  schema: S,
  defaults: z.input<S>,
  send: (value: z.output<S>) => Promise<unknown>,
  /** setup: which success message to show (e.g. 'accepted' or 'declined' for an offer). */
  variantOf?: (value: z.output<S>) => string | undefined,
  whenOffline?: (value: z.output<S>) => void,
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
  const navigate = useNavigate();
  const formElement = useRef<HTMLFormElement | null>(null);
  // Counted, so a second invalid submit scrolls again; focused after the messages are drawn.
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  useEffect(() => {
    if (invalidSubmits === 0) return;
    // The form library draws its messages in a render of its own, which may come after this one.
    let frames = 0;
    let id = 0;
    const attempt = () => {
      if (!focusFirstError(formElement.current) && ++frames < 10) id = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(id);
  }, [invalidSubmits]);

  const submit = form.handleSubmit(
    async (value) => {
      setInvalid(false);
      setServerError(null);
      setSubmitting(true);
      try {
        await send(value);
        await finish(variantOf?.(value));
      } catch (err) {
        if (whenOffline && isNetworkFailure(err)) {
          whenOffline(value);
          navigate('/tasks');
        } else setServerError(err);
      } finally {
        setSubmitting(false);
      }
    },
    () => {
      setInvalid(true);
      setInvalidSubmits((n) => n + 1);
    },
  );
  const onSubmit = (e?: FormEvent<HTMLFormElement>) => {
    if (e?.currentTarget) formElement.current = e.currentTarget;
    return submit(e);
  };

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
