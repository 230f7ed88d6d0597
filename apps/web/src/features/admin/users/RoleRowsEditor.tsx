import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from '../strings';
import { type AdminUnit, ROLE_NAMES, type RoleName, unitsForRole } from '../types';

export interface RoleRow {
  role: RoleName | '';
  unitId: string;
}

interface Props {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  units: readonly AdminUnit[];
  /** Message under the whole list (e.g. "at least one role", a server refusal). */
  error?: string | undefined;
  /** Row-level messages by index. */
  rowErrors?: (string | undefined)[] | undefined;
}

/** Roles as rows of role + unit; a row's unit list follows its role, as the server checks. */
export function RoleRowsEditor({ value, onChange, units, error, rowErrors }: Props) {
  const { t } = useTranslation(NS);
  const { t: core } = useTranslation();
  const set = (i: number, row: RoleRow) => onChange(value.map((r, j) => (j === i ? row : r)));
  return (
    <Stack gap="xs" data-testid="role-rows">
      {value.map((row, i) => {
        const options = unitsForRole(row.role, units).map((u) => ({
          value: u.id,
          label: `${'— '.repeat(u.depth)}${u.name}`,
        }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <Group key={i} align="flex-start" gap="xs" wrap="wrap">
            <Select
              label={t('roleRows.role')}
              placeholder={t('roleRows.pickRole')}
              data={ROLE_NAMES.map((r) => ({ value: r, label: core(`roles.${r}`) }))}
              value={row.role || null}
              onChange={(v) => {
                const role = (v ?? '') as RoleName | '';
                // A unit that no longer fits the role is cleared rather than refused later.
                const keep = unitsForRole(role, units).some((u) => u.id === row.unitId);
                set(i, { role, unitId: keep ? row.unitId : '' });
              }}
              allowDeselect={false}
              w={{ base: '100%', xs: 220 }}
            />
            <Select
              label={t('roleRows.unit')}
              placeholder={t('roleRows.pickUnit')}
              data={options}
              value={row.unitId || null}
              onChange={(v) => set(i, { ...row, unitId: v ?? '' })}
              searchable
              nothingFoundMessage={core('empty')}
              error={rowErrors?.[i]}
              style={{ flex: 1, minWidth: 220 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('roleRows.remove')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      {error && (
        <Text c="red" size="sm" role="alert" data-testid="roles-error">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, { role: '', unitId: '' }])}>
          {t('roleRows.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('roleRows.schoolHint')}. {t('roleRows.officeHint')}.
      </Text>
    </Stack>
  );
}

/** The rows ready to send, or a message when one is incomplete or none is given. */
export function completeRows(
  rows: RoleRow[],
  t: (k: string) => string,
): { ok: true; roles: { role: RoleName; unitId: string }[] } | { ok: false; message: string } {
  if (rows.length === 0) return { ok: false, message: t('roleRows.atLeastOne') };
  if (rows.some((r) => !r.role || !r.unitId)) return { ok: false, message: t('roleRows.required') };
  return { ok: true, roles: rows.map((r) => ({ role: r.role as RoleName, unitId: r.unitId })) };
}
