import { Select } from '@mantine/core';

/** The school a reports screen is about, shown only to someone who holds more than one. */
export function SchoolSelect(props: {
  label: string;
  schools: readonly { id: string; name: string }[];
  value: string;
  onChange: (schoolId: string) => void;
}) {
  if (props.schools.length <= 1) return null;
  return (
    <Select
      label={props.label}
      data={props.schools.map((s) => ({ value: s.id, label: s.name }))}
      value={props.value}
      onChange={(v) => v && props.onChange(v)}
      maw={360}
    />
  );
}
