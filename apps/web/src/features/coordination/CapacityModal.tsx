import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import { ASSIGN_NS } from './assign-strings';

export interface CapacityTarget {
  userId: string;
  displayName: string;
  capacity: number;
  load: number;
}

/** setup: a coordinator changes a teacher's capacity, with a reason (the change is audited). */
export function CapacityModal({
  teacher,
  onClose,
  onSaved,
}: {
  teacher: CapacityTarget | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation(ASSIGN_NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState<number | string>(1);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const save = useMutation(trpc.volunteer.setCapacity.mutationOptions());
  useEffect(() => {
    if (teacher) {
      setCapacity(Math.max(teacher.capacity, teacher.load) + 1);
      setReason('');
      setReasonError(null);
      save.reset();
    }
  }, [teacher, save.reset]);
  return (
    <Modal
      opened={teacher !== null}
      onClose={onClose}
      title={t('raiseTitle', { name: teacher?.displayName ?? '' })}
    >
      {teacher && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 3) {
              setReasonError(t('reasonRequired'));
              return;
            }
            const next = typeof capacity === 'number' ? capacity : Number.NaN;
            save.mutate(
              { userId: teacher.userId, capacity: next, reason: reason.trim() },
              {
                onSuccess: () => {
                  void queryClient.invalidateQueries(trpc.volunteer.pathFilter());
                  onSaved(t('raised', { name: teacher.displayName, capacity: next }));
                  onClose();
                },
              },
            );
          }}
        >
          <Stack gap="sm" data-testid="capacity-modal">
            <Text size="sm">{t('raiseBody', { load: teacher.load, capacity: teacher.capacity })}</Text>
            <NumberInput
              label={t('newCapacity')}
              value={capacity}
              onChange={setCapacity}
              min={Math.max(teacher.load, 0)}
              max={10}
              w={200}
              data-autofocus
            />
            <Textarea
              label={t('reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              error={reasonError}
              withAsterisk
              autosize
              minRows={2}
              data-testid="capacity-reason"
            />
            {save.error && (
              <Alert color="red" role="alert">
                {errorMessage(save.error, i18n.language)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('raiseSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
