import { Alert, Anchor, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { OutboxNotices } from '../../offline/Outbox';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { groupByDue } from './group';
import { NS } from './strings';
import { TaskCard } from './TaskCard';
import type { DoneState } from './useFinish';

export function Inbox() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const session = useSession();
  // The landing page of its role, often left open: new work shows up without a reload.
  const inbox = useQuery(trpc.task.inbox.queryOptions({}, { refetchInterval: 30_000 }));
  const location = useLocation();
  const [done, setDone] = useState((location.state as DoneState | null)?.done ?? null);
  const groups = groupByDue(inbox.data ?? []);
  // a11y: after a form is sent, focus lands on what happened, not on the top of the page.
  const doneRef = useRef<HTMLDivElement>(null);
  const hasDone = done !== null;
  useEffect(() => {
    if (hasDone) doneRef.current?.focus();
  }, [hasDone]);

  return (
    <Stack gap="md" maw={960} data-testid="task-inbox">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </div>
      <OutboxNotices />
      {done && (
        <Alert
          color="green"
          role="status"
          data-testid="task-done"
          ref={doneRef}
          tabIndex={-1}
          withCloseButton
          closeButtonLabel={t('dismiss')}
          onClose={() => setDone(null)}
        >
          {t(done.variant ? `done.${done.type}_${done.variant}` : `done.${done.type}`, { code: done.code })}
          {done.caseId && (
            <>
              {' '}
              <Anchor component={Link} to={`/cases/${done.caseId}`} size="sm">
                {t('viewCase')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {inbox.isPending && <Loader size="sm" aria-label={t('loading')} />}
      {inbox.error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(inbox.error, i18n.language) })}
        </Alert>
      )}
      {inbox.data && groups.length === 0 && (
        <Text c="dimmed" data-testid="tasks-empty">
          {session.hasRole('TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL')
            ? t('emptyTeacher')
            : t('empty')}
        </Text>
      )}
      {groups.map(([group, list]) => (
        <section key={group} aria-label={t(`groups.${group}`)} data-group={group}>
          <Title order={4} mb="xs" c={group === 'overdue' ? 'red' : undefined}>
            {t(`groups.${group}`)} ({list.length})
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {list.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
