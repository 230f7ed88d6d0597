import { CASE_CATEGORY_LABELS, type CaseCategory, freeText } from '@donghanh/domain';
import { Alert, Badge, Group, List, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmModal } from '../../../shared/confirm/ConfirmModal';
import { dateText, pick } from '../../../shared/format';
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

/**
 * setup: what the teacher needs to decide — the case's categories, what the campaign expects of a
 * helper, whether they are asked beyond their capacity, and the coordinator's note (the server
 * gives the note to this teacher only).
 */
function OfferBasis({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const details = useQuery(trpc.case.offerDetails.queryOptions({ caseId }));
  const d = details.data;
  if (!d) return null;
  return (
    <Paper withBorder p="sm" data-testid="offer-basis">
      <Stack gap="xs">
        {d.asked && (
          <Alert color="orange" variant="light" data-testid="offer-asked">
            {t('offer.asked')}
          </Alert>
        )}
        <div>
          <Text size="xs" c="dimmed">
            {t('offer.categories')}
          </Text>
          <Group gap={4}>
            {d.categories.map((c) => (
              <Badge key={c} variant="light">
                {pick(CASE_CATEGORY_LABELS[c as CaseCategory], i18n.language, c)}
              </Badge>
            ))}
          </Group>
        </div>
        {d.expectations && (
          <div>
            <Text size="xs" c="dimmed">
              {t('offer.expected')}
            </Text>
            <List size="sm" data-testid="offer-expected">
              <List.Item>{t('offer.expectAnswer', { days: d.expectations.responseDays })}</List.Item>
              <List.Item>{t('offer.expectPlan')}</List.Item>
              <List.Item>{t('offer.expectCheckIn', { day: d.expectations.checkInDay })}</List.Item>
              <List.Item>
                {t('offer.expectEvaluation', {
                  semester1End: dateText(d.expectations.semester1End),
                  yearEnd: dateText(d.expectations.yearEnd),
                })}
              </List.Item>
            </List>
          </div>
        )}
        {d.note && (
          <div data-testid="offer-coordinator-note">
            <Text size="xs" c="dimmed">
              {t('offer.note')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.note}
            </Text>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** Accept the case offered (confirmed first), or decline it with a reason the coordinator reads. */
export function OfferForm({ task }: { task: InboxTask }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const respond = useMutation(trpc.case.respondOffer.mutationOptions());
  const [confirming, setConfirming] = useState(false);
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
    (v) => (v.answer === 'accept' ? 'accepted' : 'declined'),
  );
  const { control, register, formState } = form;
  const answer = useWatch({ control, name: 'answer' });

  return (
    <form
      onSubmit={(e) => {
        // Accepting cannot be undone from here: ask once more (a decline carries its reason already).
        if (answer === 'accept' && !confirming) {
          e.preventDefault();
          setConfirming(true);
          return;
        }
        void onSubmit(e);
      }}
      noValidate
      data-testid="offer-form"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('offer.intro')}
        </Text>
        <OfferBasis caseId={task.caseId} />
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
      <ConfirmModal
        opened={confirming}
        title={t('offer.confirmTitle', { code: task.caseCode })}
        confirmLabel={t('offer.confirmAccept')}
        loading={footer.submitting}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void onSubmit();
        }}
      >
        {t('offer.confirmBody')}
      </ConfirmModal>
    </form>
  );
}
