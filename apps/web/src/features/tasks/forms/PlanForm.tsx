import { helpPlanSchema, PLAN_KINDS, type PlanKind } from '@donghanh/domain';
import { Alert, Checkbox, Fieldset, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { useFieldMessage } from '../FieldMessage';
import { NS } from '../strings';
import type { CaseDetail, InboxTask } from '../types';
import { FormFooter } from './FormFooter';
import { useStepForm } from './useStepForm';

const KINDS = PLAN_KINDS;
type Kind = PlanKind;
// The same schema the API validates submitPlan with.
const schema = helpPlanSchema;

interface PlanRow {
  version: number;
  status: string;
  goals: unknown;
  kinds: string[];
  comment: string | null;
}

/** The help plan: goals for the week, month and semester and the kinds of help. */
export function PlanForm({ task, detail }: { task: InboxTask; detail: CaseDetail | undefined }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const trpc = useTRPC();
  const submit = useMutation(trpc.case.submitPlan.mutationOptions());
  // A returned plan is rewritten, not retyped: start from the last version and its comment.
  const last = (detail?.plans as PlanRow[] | undefined)?.at(-1);
  const lastGoals = (last?.goals ?? {}) as { week?: string; month?: string; semester?: string };
  const { form, onSubmit, footer } = useStepForm(
    task,
    schema,
    {
      goals: { week: lastGoals.week ?? '', month: lastGoals.month ?? '', semester: lastGoals.semester ?? '' },
      kinds: (last?.kinds ?? []).filter((k): k is Kind => (KINDS as readonly string[]).includes(k)),
    },
    (v) => submit.mutateAsync({ caseId: task.caseId, taskId: task.id, ...v }),
  );
  const { control, register, formState } = form;
  const e = formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="plan-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('plan.intro')}
        </Text>
        {last?.comment && (
          <Alert color="orange" title={t('plan.previousComment')} data-testid="plan-comment">
            {last.comment}
          </Alert>
        )}
        <Fieldset legend={t('plan.goals')}>
          <Stack gap="sm">
            <Textarea
              label={t('plan.week')}
              withAsterisk
              autosize
              minRows={2}
              {...register('goals.week')}
              error={msg(e.goals?.week)}
            />
            <Textarea
              label={t('plan.month')}
              withAsterisk
              autosize
              minRows={2}
              {...register('goals.month')}
              error={msg(e.goals?.month)}
            />
            <Textarea
              label={t('plan.semester')}
              withAsterisk
              autosize
              minRows={2}
              {...register('goals.semester')}
              error={msg(e.goals?.semester)}
            />
          </Stack>
        </Fieldset>
        <Controller
          control={control}
          name="kinds"
          render={({ field }) => (
            <Checkbox.Group
              label={t('plan.kinds')}
              withAsterisk
              value={field.value}
              onChange={field.onChange}
              error={msg(e.kinds)}
            >
              <Stack gap={6} mt={6}>
                {KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`plan.kind.${k}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <FormFooter {...footer} />
      </Stack>
    </form>
  );
}
