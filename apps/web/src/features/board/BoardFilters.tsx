import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, type CaseCategory } from '@donghanh/domain';
import { Button, Group, MultiSelect, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { type BoardFilter, type filterOptions, isFiltered, NO_FILTER } from './board-filter';

interface Props {
  value: BoardFilter;
  onChange: (f: BoardFilter) => void;
  options: ReturnType<typeof filterOptions>;
}

export function BoardFilters({ value, onChange, options }: Props) {
  const { t } = useTranslation('board');
  const l = currentLocale();
  const set = (patch: Partial<BoardFilter>) => onChange({ ...value, ...patch });
  return (
    <Group gap="xs" align="end" wrap="wrap" data-testid="board-filters">
      {options.schools.size > 1 && (
        <MultiSelect
          size="xs"
          label={t('filters.school')}
          placeholder={t('filters.all')}
          data={[...options.schools].map(([v, label]) => ({ value: v, label }))}
          value={value.schoolIds}
          onChange={(schoolIds) => set({ schoolIds })}
          clearable
          w={220}
        />
      )}
      <Select
        size="xs"
        label={t('filters.className')}
        placeholder={t('filters.all')}
        data={options.classes}
        value={value.className}
        onChange={(className) => set({ className })}
        clearable
        searchable
        w={110}
      />
      <MultiSelect
        size="xs"
        label={t('filters.category')}
        placeholder={t('filters.all')}
        data={CASE_CATEGORIES.map((c) => ({ value: c, label: CASE_CATEGORY_LABELS[c][l] }))}
        value={value.categories}
        onChange={(categories) => set({ categories: categories as CaseCategory[] })}
        clearable
        w={220}
      />
      <Select
        size="xs"
        label={t('filters.risk')}
        placeholder={t('filters.all')}
        data={(['high', 'medium', 'low'] as const).map((r) => ({ value: r, label: t(`risk.${r}`) }))}
        value={value.risk}
        onChange={(risk) => set({ risk: risk as BoardFilter['risk'] })}
        clearable
        w={140}
      />
      {options.helpers.size > 0 && (
        <Select
          size="xs"
          label={t('filters.helper')}
          placeholder={t('filters.all')}
          data={[...options.helpers].map(([v, label]) => ({ value: v, label }))}
          value={value.helperId}
          onChange={(helperId) => set({ helperId })}
          clearable
          searchable
          w={180}
        />
      )}
      <Switch
        size="sm"
        label={t('filters.overdue')}
        checked={value.overdueOnly}
        onChange={(e) => set({ overdueOnly: e.currentTarget.checked })}
        mb={4}
      />
      {isFiltered(value) && (
        <Button size="xs" variant="subtle" onClick={() => onChange(NO_FILTER)}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
