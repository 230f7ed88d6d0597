import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import type { InboxTask } from '../sign-off/types';
import { NS } from './strings';
import { useAfterStep } from './useCaseStep';

/** The coordinator has seen the alert (and may say what was done about it). */
export function AcknowledgeForm({ task }: { task: InboxTask }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterStep();
  const [note, setNote] = useState('');
  const ack = useMutation(trpc.case.acknowledge.mutationOptions({ onSuccess: () => void after() }));
  return (
    <Stack gap="xs">
      {ack.error && (
        <Alert color="red" role="alert">
          {t('failed', { message: errorMessage(ack.error, i18n.language) })}
        </Alert>
      )}
      <Textarea
        label={t('reviews.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={1}
      />
      <Button
        w="fit-content"
        loading={ack.isPending}
        onClick={() => ack.mutate({ caseId: task.caseId, taskId: task.id, note: note.trim() || undefined })}
      >
        {t('reviews.acknowledge')}
      </Button>
    </Stack>
  );
}
