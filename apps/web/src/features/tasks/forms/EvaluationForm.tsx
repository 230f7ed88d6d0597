import {
  CLOSURE_REASON_LABELS,
  EVALUATION_LEVEL_LABELS,
  type EvaluationDraft,
  evaluationDraftSchema,
  PRIMARY_SCALE,
  PROPOSABLE_CLOSURE_REASONS,
  SECONDARY_SCALE,
} from '@donghanh/domain';
import {
  Alert,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, type FieldPath, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentLocale } from '../../../i18n';
import { useTRPC } from '../../../trpc';
import { useFieldMessage } from '../FieldMessage';
import { NS } from '../strings';
import type { CaseDetail, InboxTask } from '../types';
import { payloadOf } from '../types';
import { FormFooter } from './FormFooter';
import { useStepForm } from './useStepForm';

const level = z.enum([...SECONDARY_SCALE, ...PRIMARY_SCALE], { error: 'tasks:evaluation.levelRequired' });
// The shared draft schema, with messages for the choices a blank form has not made yet.
const schema = evaluationDraftSchema.safeExtend({
  resultsBefore: level,
  resultsAfter: level,
  conductBefore: level,
  conductAfter: level,
  stillAtRisk: z.boolean({ error: 'tasks:required' }),
  recommendation: z.enum(['continue', 'propose_closure'], { error: 'tasks:required' }),
});
type Input = z.input<typeof schema>;

/**
 * The official scale depends on the school level (Thông tư 27/2020 for primary, 22/2021 for
 * secondary): the school's level from the case, or its name while the case is loading.
 */
const isPrimary = (schoolName: string) => /tiểu học/i.test(schoolName);

const BLANK = {
  resultsBefore: '',
  resultsAfter: '',
  conductBefore: '',
  conductAfter: '',
  progress: '',
  stillAtRisk: undefined,
  recommendation: undefined,
  closureReason: undefined,
} as unknown as Input;

interface EvaluationRow {
  term: string;
  version: number;
  content: unknown;
}

/** The semester evaluation draft: before/after on the official scale, progress, recommendation. */
export function EvaluationForm({ task, detail }: { task: InboxTask; detail: CaseDetail | undefined }) {
  const { t, i18n } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const submit = useMutation(trpc.case.submitEvaluation.mutationOptions());
  const term = payloadOf(task).term;
  // A draft returned by the coordinator is revised from the previous version.
  const previous = (detail?.evaluations as EvaluationRow[] | undefined)
    ?.filter((ev) => ev.term === term)
    .at(-1);
  const defaults = previous ? ({ ...BLANK, ...(previous.content as Input) } as Input) : BLANK;
  const { form, onSubmit, footer } = useStepForm(task, schema, defaults, (draft: EvaluationDraft) =>
    submit.mutateAsync({
      caseId: task.caseId,
      taskId: task.id,
      draft: draft.recommendation === 'continue' ? { ...draft, closureReason: undefined } : draft,
    }),
  );
  const { control, register, formState } = form;
  const e = formState.errors;
  const recommendation = useWatch({ control, name: 'recommendation' });
  const primary = detail?.school.level ? detail.school.level === 'PRIMARY' : isPrimary(task.schoolName);
  const scale = primary ? PRIMARY_SCALE : SECONDARY_SCALE;
  const options = [
    { value: '', label: t('evaluation.choose') },
    ...scale.map((l) => ({ value: l, label: EVALUATION_LEVEL_LABELS[l][currentLocale()] })),
  ];
  const levelSelect = (name: FieldPath<Input>, label: string) => (
    <NativeSelect
      label={label}
      data={options}
      withAsterisk
      {...register(name)}
      error={msg(e[name as keyof typeof e] as never)}
    />
  );
  const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? 'yes' : 'no');

  return (
    <form onSubmit={onSubmit} noValidate data-testid="evaluation-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('evaluation.intro')}
        </Text>
        {payloadOf(task).returned && previous && <Alert color="orange">{t('evaluation.previous')}</Alert>}
        <Fieldset legend={t('evaluation.results')}>
          <SimpleGrid cols={2} spacing="sm">
            {levelSelect('resultsBefore', t('evaluation.before'))}
            {levelSelect('resultsAfter', t('evaluation.after'))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('evaluation.conduct')}>
          <SimpleGrid cols={2} spacing="sm">
            {levelSelect('conductBefore', t('evaluation.before'))}
            {levelSelect('conductAfter', t('evaluation.after'))}
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={t('evaluation.progress')}
          placeholder={t('evaluation.progressPlaceholder')}
          withAsterisk
          autosize
          minRows={4}
          {...register('progress')}
          error={msg(e.progress)}
        />
        <Controller
          control={control}
          name="stillAtRisk"
          render={({ field }) => (
            <Radio.Group
              label={t('evaluation.stillAtRisk')}
              withAsterisk
              value={yesNo(field.value)}
              onChange={(v) => field.onChange(v === 'yes')}
              error={msg(e.stillAtRisk)}
            >
              <Group mt={4}>
                <Radio value="yes" label={t('evaluation.yes')} />
                <Radio value="no" label={t('evaluation.no')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="recommendation"
          render={({ field }) => (
            <Radio.Group
              label={t('evaluation.recommendation')}
              withAsterisk
              value={field.value ?? null}
              onChange={field.onChange}
              error={msg(e.recommendation)}
            >
              <Stack gap={6} mt={4}>
                <Radio value="continue" label={t('evaluation.continue')} />
                <Radio value="propose_closure" label={t('evaluation.propose_closure')} />
              </Stack>
            </Radio.Group>
          )}
        />
        {recommendation === 'propose_closure' && (
          // Controlled: an uncontrolled select with no value shows (and sends) its first reason.
          <Controller
            control={control}
            name="closureReason"
            render={({ field }) => (
              <NativeSelect
                label={t('evaluation.closureReason')}
                withAsterisk
                data={[
                  { value: '', label: t('evaluation.choose') },
                  ...PROPOSABLE_CLOSURE_REASONS.map((r) => ({
                    value: r,
                    label: CLOSURE_REASON_LABELS[r][i18n.language === 'en' ? 'en' : 'vi'],
                  })),
                ]}
                name={field.name}
                ref={field.ref}
                value={field.value ?? ''}
                onChange={(ev) => field.onChange(ev.currentTarget.value || undefined)}
                onBlur={field.onBlur}
                error={msg(e.closureReason)}
              />
            )}
          />
        )}
        <FormFooter {...footer} />
      </Stack>
    </form>
  );
}
