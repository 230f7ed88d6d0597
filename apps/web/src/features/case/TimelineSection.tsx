import { notificationTitle } from '@donghanh/domain';
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { langOf } from '../../shared/format';
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

/** A notification's mail the SMTP server accepted: its kind and to whom (a member of staff). */
function mailedOf(e: CaseDetail['events'][number]): { kind: string; name: string } | null {
  if (e.type !== 'case.notification_mailed') return null;
  const p = (e.payload ?? {}) as { kind?: unknown };
  // The recipient's name is resolved by the server (the event stores only the id).
  return { kind: typeof p.kind === 'string' ? p.kind : '', name: e.recipientName ?? '' };
}

/** The case's history, oldest first, as recorded by the workflow (the case's event log). */
export function TimelineSection({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation(NS);
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
            const plain = e.type.startsWith('case.') ? e.type.slice(5) : e.type;
            const actor = e.actorName ?? undefined;
            // A mail is in the timeline only once the SMTP server accepted it (docs/notifications.md).
            const mailed = mailedOf(e);
            const key = mailed?.kind === 'checkin_reminder' ? 'reminder_mailed' : plain;
            const values = mailed
              ? { name: mailed.name, what: notificationTitle(mailed.kind, langOf(i18n.language)) }
              : {};
            return (
              <Timeline.Item
                key={e.id}
                color={ALERT.has(e.type) ? 'red' : undefined}
                title={t(`events.${key}`, { ...values, defaultValue: t('timeline.other', { type: e.type }) })}
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
