import { type CheckInReport, checkInReportSchema } from '@donghanh/domain';
import { Card, Fieldset, Group, Radio, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { enqueue } from '../../../offline/outbox';
import { useSession } from '../../../shell/session';
import { useTRPC } from '../../../trpc';
import { useFieldMessage } from '../FieldMessage';
import { formatNumber, formatVnd, num } from '../format';
import { NS } from '../strings';
import { type CaseDetail, type InboxTask, payloadOf } from '../types';
import { FormFooter } from './FormFooter';
import { MaterialRows } from './MaterialRows';
import { NumberField } from './NumberField';
import { useStepForm } from './useStepForm';

const SUBJECTS = [
  'Toán',
  'Ngữ văn',
  'Tiếng Anh',
  'Khoa học tự nhiên',
  'Lịch sử và Địa lí',
  'Vật lí',
  'Hóa học',
  'Sinh học',
  'Tin học',
];

type Input = z.input<typeof checkInReportSchema>;

function defaults(detail: CaseDetail | undefined): Input {
  const risk = (detail?.riskLevel ?? 'low') as Input['riskLevel'];
  return {
    tutoring: { sessions: 0, hours: 0, subjects: [] },
    material: [],
    familyContact: { visits: 0, calls: 0 },
    absentDays: 0,
    riskLevel: risk,
    notes: '',
  };
}

function Totals({
  control,
}: {
  control: ReturnType<typeof useStepForm<typeof checkInReportSchema>>['form']['control'];
}) {
  const { t } = useTranslation(NS);
  const hours = useWatch({ control, name: 'tutoring.hours' });
  const material = useWatch({ control, name: 'material' }) ?? [];
  const vnd = material.reduce((sum, m) => sum + num(m?.valueVnd), 0);
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-blue-light)" data-testid="checkin-totals">
      <Text fw={600} size="sm">
        {t('checkin.totals')}
      </Text>
      <Group gap="lg">
        <Text data-testid="total-hours">{t('checkin.totalHours', { hours: formatNumber(num(hours)) })}</Text>
        <Text data-testid="total-vnd">{t('checkin.totalVnd', { vnd: formatVnd(vnd) })}</Text>
      </Group>
    </Card>
  );
}

/** The monthly check-in: what the helper gave this month, with live totals. */
export function CheckInForm({ task, detail }: { task: InboxTask; detail: CaseDetail | undefined }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const file = useMutation(trpc.case.fileCheckIn.mutationOptions());
  const session = useSession();
  const { form, onSubmit, footer } = useStepForm(
    task,
    checkInReportSchema,
    defaults(detail),
    (report: CheckInReport) => file.mutateAsync({ caseId: task.caseId, taskId: task.id, report }),
    undefined,
    (report: CheckInReport) =>
      enqueue({
        taskId: task.id,
        caseId: task.caseId,
        caseCode: task.caseCode,
        userId: session.user.id,
        month: payloadOf(task).month,
        report,
      }),
  );
  const { control, register, formState } = form;
  const e = formState.errors;
  const risk = useWatch({ control, name: 'riskLevel' });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="checkin-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('checkin.intro')}
        </Text>
        <Fieldset legend={t('checkin.tutoring')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            <NumberField
              control={control}
              name="tutoring.sessions"
              label={t('checkin.sessions')}
              inputMode="numeric"
            />
            <NumberField
              control={control}
              name="tutoring.hours"
              label={t('checkin.hours')}
              inputMode="decimal"
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="tutoring.subjects"
            render={({ field }) => (
              <TagsInput
                mt="sm"
                label={t('checkin.subjects')}
                description={t('checkin.subjectsHint')}
                data={SUBJECTS}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={msg(e.tutoring?.subjects as never) ?? msg(e.tutoring?.subjects?.[0] as never)}
              />
            )}
          />
        </Fieldset>

        <Fieldset legend={t('checkin.material')}>
          <MaterialRows form={form} />
        </Fieldset>

        <Fieldset legend={t('checkin.family')}>
          <SimpleGrid cols={2} spacing="sm">
            <NumberField
              control={control}
              name="familyContact.visits"
              label={t('checkin.visits')}
              inputMode="numeric"
            />
            <NumberField
              control={control}
              name="familyContact.calls"
              label={t('checkin.calls')}
              inputMode="numeric"
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('checkin.attendance')}>
          <NumberField
            control={control}
            name="absentDays"
            label={t('checkin.absentDays')}
            inputMode="numeric"
          />
          <Controller
            control={control}
            name="riskLevel"
            render={({ field }) => (
              <Radio.Group
                mt="sm"
                label={t('checkin.risk')}
                value={field.value}
                onChange={field.onChange}
                error={msg(e.riskLevel)}
                description={risk === 'high' ? t('checkin.highRiskHint') : undefined}
              >
                <Group mt={4}>
                  {(['low', 'medium', 'high'] as const).map((r) => (
                    <Radio key={r} value={r} label={t(`checkin.riskLevel.${r}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
        </Fieldset>

        <Textarea
          label={t('checkin.notes')}
          placeholder={t('checkin.notesPlaceholder')}
          autosize
          minRows={3}
          {...register('notes')}
          error={msg(e.notes)}
        />

        <Totals control={control} />
        <FormFooter {...footer} />
      </Stack>
    </form>
  );
}
