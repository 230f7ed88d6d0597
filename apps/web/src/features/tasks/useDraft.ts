import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

const key = (taskId: string) => `dh.task-draft.${taskId}`;

export function clearDraft(taskId: string) {
  try {
    localStorage.removeItem(key(taskId));
  } catch {
    // storage unavailable (private mode): nothing was kept
  }
}

/**
 * Keeps what was typed into a task's form in localStorage, so a reload, a dropped connection
 * or a closed tab on a phone does not lose a half-written check-in. Restored once on mount.
 */
export function useDraft<T extends FieldValues, O extends FieldValues>(
  taskId: string,
  form: UseFormReturn<T, unknown, O>,
) {
  const [restored, setRestored] = useState(false);
  const done = useRef(false);
  const { reset, watch, getValues } = form;

  useEffect(() => {
    if (done.current) return;
    done.current = true;
    try {
      const raw = localStorage.getItem(key(taskId));
      if (raw) {
        reset({ ...getValues(), ...(JSON.parse(raw) as T) });
        setRestored(true);
      }
    } catch {
      // a corrupt or unreadable draft is ignored: the form starts blank
    }
  }, [taskId, reset, getValues]);

  useEffect(() => {
    const sub = watch((values) => {
      try {
        localStorage.setItem(key(taskId), JSON.stringify(values));
      } catch {
        // quota or private mode: the draft lasts for this page only
      }
    });
    return () => sub.unsubscribe();
  }, [taskId, watch]);

  return {
    restored,
    discard(defaults: T) {
      clearDraft(taskId);
      reset(defaults);
      setRestored(false);
    },
  };
}
