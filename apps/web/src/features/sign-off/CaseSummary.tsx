import { CASE_CATEGORY_LABELS, type CaseCategory } from '@donghanh/domain';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { termText } from '../../shared/format';
import { pick, vnd } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

/** Who and where: the facts a principal or coordinator needs before deciding on a case. */
export function CaseSummary({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation(NS);
  const helpers = c.helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.user.displayName);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>{c.code}</Text>
        {c.identity ? (
          <Text fw={600} data-testid="student-name">
            {c.identity.fullName}
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            {t('nameHidden')}
          </Text>
        )}
        <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
          {t('openCase')}
        </Anchor>
      </Group>
      <Text size="sm">
        {t('className')}: {c.className ?? '—'} · {t('school')}: {c.school.name}
        {c.term ? ` · ${termText(c.term, i18n.language)}` : ''}
      </Text>
      {helpers.length > 0 && (
        <Text size="sm">
          {t('helper')}: {helpers.join(', ')}
        </Text>
      )}
      <Group gap={4}>
        {c.categories.map((cat) => (
          <Badge key={cat} variant="light" size="sm">
            {pick(CASE_CATEGORY_LABELS[cat as CaseCategory] ?? { vi: cat, en: cat }, i18n.language)}
          </Badge>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('totals', { hours: c.totals.tutoringHours, money: vnd(c.totals.materialVnd) })}
      </Text>
    </Stack>
  );
}
