import { NumberInput, type NumberInputProps } from '@mantine/core';
import { type Control, Controller, type FieldPath, type FieldValues, get } from 'react-hook-form';
import { useFieldMessage } from '../FieldMessage';

/** A number bound to the form; the message of the schema shows under it. No clamping: the schema decides. */
export function NumberField<T extends FieldValues, O extends FieldValues>({
  control,
  name,
  ...props
}: { control: Control<T, unknown, O>; name: FieldPath<T> } & Omit<NumberInputProps, 'value' | 'onChange'>) {
  const msg = useFieldMessage();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, formState }) => (
        <NumberInput
          {...props}
          name={field.name}
          ref={field.ref}
          value={field.value as number | string}
          onChange={field.onChange}
          onBlur={field.onBlur}
          decimalSeparator=","
          error={msg(get(formState.errors, name))}
        />
      )}
    />
  );
}
