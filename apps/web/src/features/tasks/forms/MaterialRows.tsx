import type { checkInReportSchema } from '@donghanh/domain';
import { type CheckInReport, MATERIAL_KINDS, MATERIAL_UNITS } from '@donghanh/domain';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Controller, type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFieldMessage } from '../FieldMessage';
import { NS } from '../strings';

type Form = UseFormReturn<z.input<typeof checkInReportSchema>, unknown, CheckInReport>;

const vndProps = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  suffix: ' ₫',
} as const;

/** Material help as rows: kind, description, quantity in the kind's unit, value in VND. */
export function MaterialRows({ form }: { form: Form }) {
  const { t } = useTranslation(NS);
  const msg = useFieldMessage();
  const { control, register, setValue, getValues } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'material' });
  const kinds = useWatch({ control, name: 'material' }) ?? [];
  const errors = form.formState.errors.material;

  return (
    <Stack gap="xs" data-testid="material-rows">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('checkin.noMaterial')}
        </Text>
      )}
      {fields.map((field, i) => {
        const kind = kinds[i]?.kind ?? 'other';
        const unit = MATERIAL_UNITS[kind];
        const e = errors?.[i];
        return (
          <Card key={field.id} withBorder padding="xs" data-testid="material-row">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('checkin.item', { n: i + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('checkin.removeItem', { n: i + 1 })}
                  onClick={() => remove(i)}
                >
                  ✕
                </ActionIcon>
              </Group>
              <Group grow wrap="wrap" align="flex-start">
                <NativeSelect
                  label={t('checkin.kind')}
                  data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`checkin.materialKind.${k}`) }))}
                  {...register(`material.${i}.kind`, {
                    onChange: (ev: { target: { value: string } }) => {
                      // Money has one number: its amount is its value.
                      if (ev.target.value === 'money')
                        setValue(`material.${i}.valueVnd`, getValues(`material.${i}.quantity`));
                    },
                  })}
                  miw={140}
                />
                <TextInput
                  label={t('checkin.description')}
                  {...register(`material.${i}.description`)}
                  error={msg(e?.description)}
                  miw={180}
                />
              </Group>
              {kind === 'money' ? (
                <Controller
                  control={control}
                  name={`material.${i}.quantity`}
                  render={({ field: f }) => (
                    <NumberInput
                      label={t('checkin.amount')}
                      {...vndProps}
                      value={f.value as number | string}
                      onChange={(v) => {
                        f.onChange(v);
                        setValue(`material.${i}.valueVnd`, v as number, { shouldValidate: false });
                      }}
                      onBlur={f.onBlur}
                      error={msg(e?.quantity) ?? msg(e?.valueVnd)}
                      inputMode="numeric"
                    />
                  )}
                />
              ) : (
                <Group grow wrap="wrap" align="flex-start">
                  <Controller
                    control={control}
                    name={`material.${i}.quantity`}
                    render={({ field: f }) => (
                      <NumberInput
                        label={unit ? `${t('checkin.quantity')} (${unit})` : t('checkin.quantity')}
                        value={f.value as number | string}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        decimalSeparator=","
                        error={msg(e?.quantity)}
                        inputMode="decimal"
                        miw={120}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name={`material.${i}.valueVnd`}
                    render={({ field: f }) => (
                      <NumberInput
                        label={t('checkin.value')}
                        {...vndProps}
                        value={f.value as number | string}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        error={msg(e?.valueVnd)}
                        inputMode="numeric"
                        miw={150}
                      />
                    )}
                  />
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
      {typeof errors?.message === 'string' && (
        <Text size="sm" c="red">
          {errors.message}
        </Text>
      )}
      <Button
        variant="light"
        onClick={() =>
          append({ kind: 'rice', description: '', quantity: '' as never, valueVnd: '' as never })
        }
        data-testid="add-material"
      >
        + {t('checkin.addItem')}
      </Button>
    </Stack>
  );
}
