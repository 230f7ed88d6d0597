import {
  CASE_CATEGORY_LABELS,
  CASE_STAGE_LABELS,
  type CaseCategory,
  type CaseStage,
  CLOSURE_REASON_LABELS,
  type ClosureReason,
} from '@donghanh/domain';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termText } from '../../shared/format';
import { dateText, pick } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

const RISK_COLOR: Record<string, string> = { low: 'green', medium: 'yellow', high: 'red' };
const STAGE_COLOR: Partial<Record<CaseStage, string>> = {
  identified: 'gray',
  assignment: 'violet',
  plan: 'indigo',
  active: 'blue',
  evaluation: 'cyan',
  closure: 'orange',
  closed: 'teal',
  declined: 'gray',
};

/** What the case is and where it stands; nothing here names the child. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation(NS);
  const helpers = c.helpers.filter((h) => h.status === 'ACTIVE' || h.status === 'OFFERED');
  return (
    <Paper withBorder p="md" data-testid="case-header">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Title order={2} data-testid="case-code">
            {c.code}
          </Title>
          <Badge
            size="lg"
            color={STAGE_COLOR[c.stage] ?? 'gray'}
            data-testid="case-stage"
            data-stage={c.stage}
          >
            {pick(CASE_STAGE_LABELS[c.stage], i18n.language, c.stage)}
          </Badge>
          <Badge
            size="lg"
            variant="outline"
            color={c.riskLevel ? (RISK_COLOR[c.riskLevel] ?? 'gray') : 'gray'}
          >
            {t('risk')}:{' '}
            {c.riskLevel ? t(`riskLevel.${c.riskLevel}`, { defaultValue: c.riskLevel }) : t('riskNone')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('school')}: <b>{c.school.name}</b> · {t('className')}: <b>{c.className ?? '—'}</b>
          {c.term ? ` · ${termText(c.term, i18n.language)}` : ''} · {t('createdAt')}: {dateText(c.createdAt)}
        </Text>
        <Group gap={4} wrap="wrap">
          <Text size="sm">{t('categories')}:</Text>
          {c.categories.map((cat) => (
            <Badge key={cat} variant="light" size="sm">
              {pick(CASE_CATEGORY_LABELS[cat as CaseCategory], i18n.language, cat)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t('helpers')}:{' '}
          {helpers.length === 0
            ? t('noHelper')
            : helpers
                .map(
                  (h) =>
                    `${h.user.displayName} (${t(`helperRole.${h.role}`)}, ${t(`helperStatus.${h.status}`)})`,
                )
                .join('; ')}
          {c.sponsorName ? ` · ${t('sponsor')}: ${c.sponsorName}` : ''}
        </Text>
        {c.closureReason && (
          <Text size="sm">
            {t('closure')}:{' '}
            {pick(CLOSURE_REASON_LABELS[c.closureReason as ClosureReason], i18n.language, c.closureReason)}
            {c.closedAt ? ` (${dateText(c.closedAt)})` : ''}
            {c.closureNote ? ` — ${c.closureNote}` : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
