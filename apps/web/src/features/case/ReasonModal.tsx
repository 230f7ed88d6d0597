import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from './format';
import { NS } from './strings';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  explain: string;
  label: string;
  placeholder: string;
  required: string;
  submit: string;
  testId: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
}

/** A coordinator's step whose only input is a written reason (early evaluation, reopening). */
export function ReasonModal(p: Props) {
  const { t, i18n } = useTranslation(NS);
  const schema = z.object({
    reason: z.string().trim().min(1, p.required).max(2000, t('actions.max')),
  });
  const form = useForm<{ reason: string }>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} size="lg">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) => p.onSubmit(v.reason.trim()))}
        data-testid={p.testId}
      >
        <Stack>
          <Text size="sm">{p.explain}</Text>
          <Textarea
            label={p.label}
            placeholder={p.placeholder}
            autosize
            minRows={3}
            required
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          {p.error != null && (
            <Alert color="red" data-testid="action-error">
              {errorMessage(p.error, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={p.pending}>
              {p.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
