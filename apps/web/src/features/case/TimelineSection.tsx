import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateTimeText } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

const ALERT = new Set([
  'case.checkin_overdue',
  'case.plan_returned',
  'case.evaluation_returned',
  'case.helper_declined',
  'case.offer_expired',
  'case.not_returned',
  'case.closure_refused',
  'case.transfer_refused',
]);

/** The case's history, oldest first, as recorded by the workflow (the case's event log). */
export function TimelineSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  return (
    <Paper withBorder p="md" data-testid="timeline">
      <Title order={4} mb="sm">
        {t('timeline.title')}
      </Title>
      {c.events.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <Timeline active={c.events.length - 1} bulletSize={14} lineWidth={2}>
          {c.events.map((e) => {
            const key = e.type.startsWith('case.') ? e.type.slice(5) : e.type;
            const actor = e.actorName ?? undefined;
            return (
              <Timeline.Item
                key={e.id}
                color={ALERT.has(e.type) ? 'red' : undefined}
                title={t(`events.${key}`, { defaultValue: t('timeline.other', { type: e.type }) })}
                data-testid="timeline-item"
                data-type={e.type}
              >
                <Text size="xs" c="dimmed">
                  {dateTimeText(e.createdAt)}
                  {actor ? ` · ${t('timeline.by', { name: actor })}` : ''}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
