import type { checkInReportSchema } from '@donghanh/domain';
import { type CheckInReport, MATERIAL_KINDS, MATERIAL_UNITS, valueOptional } from '@donghanh/domain';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Controller, type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFieldMessage } from '../FieldMessage';
import { formatNumber, num } from '../format';
import { NS } from '../strings';

type Form = UseFormReturn<z.input<typeof checkInReportSchema>, unknown, CheckInReport>;

const vndProps = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  suffix: ' ₫',
} as const;

/** A field cleared by the person is no value at all (an optional value is then left out). */
const orNone = (v: number | string) => (v === '' ? undefined : v);

/**
 * Material help as rows: kind, description, quantity in the kind's unit, value in VND (optional
 * for goods by weight). One field per line on a phone, two side by side from a tablet up.
 */
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
        const quantity = num(kinds[i]?.quantity);
        // "15 kg gạo": what the row gives, as it will be read back.
        const summary =
          kind !== 'money' && quantity > 0
            ? t('checkin.itemSummary', {
                quantity: formatNumber(quantity),
                unit,
                what: (kinds[i]?.description || t(`checkin.materialKind.${kind}`)).toLocaleLowerCase('vi'),
              }).replace(/\s+/g, ' ')
            : null;
        return (
          <Card key={field.id} withBorder padding="xs" data-testid="material-row">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('checkin.item', { n: i + 1 })}
                  {summary && (
                    <Text span fw={400} data-testid="material-summary">
                      {' · '}
                      {summary}
                    </Text>
                  )}
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
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
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
                />
                <TextInput
                  label={t('checkin.description')}
                  {...register(`material.${i}.description`)}
                  error={msg(e?.description)}
                />
              </SimpleGrid>
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
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
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
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name={`material.${i}.valueVnd`}
                    render={({ field: f }) => (
                      <NumberInput
                        label={t('checkin.value')}
                        description={valueOptional(kind) ? t('checkin.valueOptional') : undefined}
                        {...vndProps}
                        value={(f.value ?? '') as number | string}
                        onChange={(v) => f.onChange(orNone(v))}
                        onBlur={f.onBlur}
                        error={msg(e?.valueVnd)}
                        inputMode="numeric"
                      />
                    )}
                  />
                </SimpleGrid>
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
        onClick={() => append({ kind: 'rice', description: '', quantity: '' as never, valueVnd: undefined })}
        data-testid="add-material"
      >
        + {t('checkin.addItem')}
      </Button>
    </Stack>
  );
}
