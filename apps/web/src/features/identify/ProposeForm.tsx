import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, identifyCaseInputSchema } from '@donghanh/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentLocale } from '../../i18n';
import { useTRPC } from '../../trpc';
import { errorMessage } from './error-message';
import { NS } from './strings';
import type { IdentifyResult, StudentHit } from './types';

/** The API's own rules for categories and reason; the campaign is picked here, the student above. */
const formSchema = identifyCaseInputSchema
  .pick({ categories: true, reason: true })
  .extend({ campaignId: z.string().min(1, `${NS}:form.campaignRequired`) });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** Shared zod messages are Vietnamese text; this form's own are `identify:` keys. */
function useMessage() {
  const { t } = useTranslation(NS);
  return (err: { message?: string } | undefined) => {
    const m = err?.message;
    if (!m) return undefined;
    return m.startsWith(`${NS}:`) ? t(m.slice(NS.length + 1)) : m;
  };
}

export function ProposeForm({
  student,
  onDone,
}: {
  student: StudentHit;
  onDone: (r: IdentifyResult) => void;
}) {
  const { t } = useTranslation(NS);
  const msg = useMessage();
  const l = currentLocale();
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ activeOnly: true }));
  const identify = useMutation(trpc.case.identify.mutationOptions());
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { campaignId: '', categories: [], reason: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, register, formState, setValue, getValues } = form;
  const e = formState.errors;

  const list = campaigns.data ?? [];
  // One open campaign is the usual case: it is picked for the user.
  useEffect(() => {
    const first = list[0];
    if (first && !getValues('campaignId')) setValue('campaignId', first.id);
  }, [list, getValues, setValue]);

  const onSubmit = form.handleSubmit(async (v) => {
    identify.reset();
    const r = await identify
      .mutateAsync({
        campaignId: v.campaignId,
        studentId: student.id,
        categories: v.categories,
        ...(v.reason ? { reason: v.reason } : {}),
      })
      .catch(() => null);
    if (r) onDone(r);
  });

  const noCampaign = campaigns.isSuccess && list.length === 0;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="propose-form">
      <Stack gap="sm">
        {campaigns.error && <Alert color="red">{errorMessage(campaigns.error)}</Alert>}
        {noCampaign && (
          <Alert color="yellow" data-testid="no-campaign">
            {t('form.noCampaign')}
          </Alert>
        )}
        <Controller
          control={control}
          name="campaignId"
          render={({ field }) => (
            <Select
              label={t('form.campaign')}
              placeholder={t('form.campaignPlaceholder')}
              data={list.map((c) => ({
                value: c.id,
                label: c.name.includes(c.schoolYearLabel) ? c.name : `${c.name} (${c.schoolYearLabel})`,
              }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={msg(e.campaignId)}
              allowDeselect={false}
              withAsterisk
            />
          )}
        />
        <Controller
          control={control}
          name="categories"
          render={({ field }) => (
            <Checkbox.Group
              label={t('form.categories')}
              description={t('form.categoriesHint')}
              value={field.value}
              onChange={field.onChange}
              error={msg(e.categories)}
              withAsterisk
            >
              <Stack gap={8} mt={6}>
                {CASE_CATEGORIES.map((k) => (
                  <Checkbox key={k} value={k} label={CASE_CATEGORY_LABELS[k][l]} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Textarea
          label={t('form.reason')}
          description={t('form.reasonHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          error={msg(e.reason)}
          {...register('reason')}
        />
        {identify.error && (
          <Alert color="red" data-testid="propose-error">
            {t('error', { message: errorMessage(identify.error) })}
          </Alert>
        )}
        {Object.keys(e).length > 0 && (
          <Text c="red" size="sm">
            {t('form.invalid')}
          </Text>
        )}
        <Button type="submit" loading={identify.isPending} disabled={noCampaign} fullWidth={false}>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
