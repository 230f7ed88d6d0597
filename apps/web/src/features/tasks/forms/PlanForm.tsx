import { freeText } from '@donghanh/domain';
import { Alert, Checkbox, Fieldset, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../../trpc';
import { useFieldMessage } from '../FieldMessage';
import { NS } from '../strings';
import type { CaseDetail, In, InboxTask } from '../types';
import { FormFooter } from './FormFooter';
import { useStepForm } from './useStepForm';

type Kind = In['case']['submitPlan']['kinds'][number];
// The API's PLAN_KINDS (packages/api): typed against its input so a change there fails here.
const KINDS = ['tutoring', 'material', 'psychological', 'family_contact'] as const satisfies readonly Kind[];

// Mirrors submitPlanInput in packages/api (not importable into the browser bundle).
const goal = (message: string) => freeText(1000).refine((s) => s.length > 0, message);
const schema = z.object({
  goals: z.object({
    week: goal('Cần mục tiêu tuần'),
    month: goal('Cần mục tiêu tháng'),
    semester: goal('Cần mục tiêu học kỳ'),
  }),
  kinds: z.array(z.enum(KINDS)).min(1, 'Chọn ít nhất một hình thức giúp đỡ').max(4),
});

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
