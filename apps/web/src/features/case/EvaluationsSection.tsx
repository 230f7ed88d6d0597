import { EVALUATION_LEVEL_LABELS, type EvaluationDraft, type EvaluationLevel } from '@donghanh/domain';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { termText } from '../../shared/format';
import { dateText } from './format';
import { NS } from './strings';
import type { CaseDetail, CaseEvaluation } from './types';

const STATUS_COLOR = { DRAFTED: 'yellow', REVIEWED: 'blue', SIGNED_OFF: 'green', RETURNED: 'red' } as const;

function EvaluationItem({ e, hidden }: { e: CaseEvaluation; hidden: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const d = e.content as Partial<EvaluationDraft>;
  const scale = (v: string | undefined) =>
    v ? (EVALUATION_LEVEL_LABELS[v as EvaluationLevel]?.[currentLocale()] ?? v) : '—';
  return (
    <Stack gap={4} data-testid="evaluation">
      <Group gap="xs">
        <Text fw={600}>
          {t('evaluations.heading', { term: termText(e.term, i18n.language), version: e.version })}
        </Text>
        <Badge color={STATUS_COLOR[e.status]}>{t(`evaluations.status.${e.status}`)}</Badge>
        <Text size="xs" c="dimmed">
          {dateText(e.draftedAt)}
        </Text>
      </Group>
      <Text size="sm">
        {t('evaluations.results')}:{' '}
        {t('evaluations.beforeAfter', { before: scale(d.resultsBefore), after: scale(d.resultsAfter) })} ·{' '}
        {t('evaluations.conduct')}:{' '}
        {t('evaluations.beforeAfter', { before: scale(d.conductBefore), after: scale(d.conductAfter) })}
      </Text>
      {d.progress ? (
        <Text size="sm">
          {t('evaluations.progress')}: {d.progress}
        </Text>
      ) : hidden ? (
        <Text size="sm" c="dimmed">
          {t('evaluations.progress')}: {t('hidden')}
        </Text>
      ) : null}
      <Text size="sm">
        {t('evaluations.stillAtRisk')}: {d.stillAtRisk ? t('evaluations.yes') : t('evaluations.no')} ·{' '}
        {t('evaluations.decision')}: {t(`evaluations.decisions.${e.decision}`, { defaultValue: e.decision })}
      </Text>
      {e.comment && (
        <Text size="sm" c="dimmed">
          {t('evaluations.comment')}: {e.comment}
        </Text>
      )}
    </Stack>
  );
}

/** Every semester evaluation, newest first: drafts, returns and the principal's sign-off. */
export function EvaluationsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  return (
    <Paper withBorder p="md" data-testid="evaluations">
      <Title order={4} mb="sm">
        {t('evaluations.title')}
      </Title>
      {c.evaluations.length === 0 ? (
        <Text c="dimmed">{t('evaluations.empty')}</Text>
      ) : (
        <Stack>
          {[...c.evaluations].reverse().map((e) => (
            <EvaluationItem key={e.id} e={e} hidden={!c.freeText} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
