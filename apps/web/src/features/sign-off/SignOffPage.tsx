import { Alert, Anchor, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { errorMessage } from './format';
import { type ItemResult, SignOffItem } from './SignOffItem';
import { NS } from './strings';
import type { InboxTask } from './types';
import { type Decision, useDecide } from './useDecide';

const SIGN_OFF_TYPES = new Set(['signoff_evaluation', 'approve_closure']);

/** The principal's queue: evaluations to sign off and closures to decide, one by one or several at once. */
export default function SignOffPage() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  // The landing page of its role, often left open: new work shows up without a reload.
  const inbox = useQuery(trpc.task.inbox.queryOptions({}, { refetchInterval: 30_000 }));
  const { decide, refresh } = useDecide();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const queue = (inbox.data ?? []).filter((task) => SIGN_OFF_TYPES.has(task.type));

  // One at a time, in order: each is a workflow Update, and a failure must not hide the others.
  async function run(items: { task: InboxTask; decision: Decision }[]) {
    setBusy(new Set(items.map((i) => i.task.id)));
    setProgress({ done: 0, total: items.length });
    for (const [n, { task, decision }] of items.entries()) {
      let r: ItemResult;
      try {
        await decide(task, decision);
        r = {
          ok: true,
          approve: decision.approve,
          closure: task.type !== 'signoff_evaluation',
          code: task.caseCode,
          caseId: task.caseId,
        };
      } catch (err) {
        r = {
          ok: false,
          approve: decision.approve,
          code: task.caseCode,
          message: errorMessage(err, i18n.language),
        };
      }
      setResults((prev) => ({ ...prev, [task.id]: r }));
      setProgress({ done: n + 1, total: items.length });
      if (r.ok)
        setSelected((prev) => {
          const next = new Set(prev);
          next.delete(task.id);
          return next;
        });
    }
    await refresh();
    setBusy(new Set());
    setProgress(null);
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chosen = queue.filter((task) => selected.has(task.id));
  const allChosen = queue.length > 0 && chosen.length === queue.length;
  const resultList = Object.entries(results);

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </div>

      {inbox.error && (
        <Alert color="red" role="alert">
          {t('loadError', { message: errorMessage(inbox.error, i18n.language) })}
        </Alert>
      )}

      {resultList.length > 0 && (
        <Alert
          title={t('resultsTitle')}
          color={resultList.some(([, r]) => !r.ok) ? 'red' : 'green'}
          data-testid="signoff-results"
          withCloseButton={!progress}
          closeButtonLabel={t('dismiss')}
          onClose={() => setResults({})}
        >
          <List size="sm">
            {resultList.map(([id, r]) => (
              <List.Item key={id} data-ok={r.ok}>
                {r.ok
                  ? t(r.approve ? 'approvedOne' : r.closure ? 'refusedOne' : 'returnedOne', { code: r.code })
                  : `${r.code}: ${t('resultFailed')} — ${r.message}`}
                {/* setup: say what happened, then where to look next */}
                {r.ok && r.caseId && (
                  <>
                    {' — '}
                    <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
                      {t('viewCase')}
                    </Anchor>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {queue.length > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Checkbox
            label={t('selectAll')}
            checked={allChosen}
            indeterminate={chosen.length > 0 && !allChosen}
            onChange={(e) =>
              setSelected(e.currentTarget.checked ? new Set(queue.map((q) => q.id)) : new Set())
            }
            disabled={progress !== null}
          />
          <Group gap="sm">
            {progress ? (
              <Text size="sm" role="status">
                {t('running', progress)}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('selectedCount', { count: chosen.length })}
              </Text>
            )}
            <Button
              disabled={chosen.length === 0 || progress !== null}
              onClick={() => void run(chosen.map((task) => ({ task, decision: { approve: true } })))}
            >
              {t('approveSelected')}
            </Button>
          </Group>
        </Group>
      )}

      {inbox.isLoading && <Text c="dimmed">{t('loading')}</Text>}
      {inbox.data && queue.length === 0 && (
        <Text c="dimmed" data-testid="signoff-empty">
          {t('empty')}
        </Text>
      )}
      {queue.map((task) => (
        <SignOffItem
          key={task.id}
          task={task}
          selected={selected.has(task.id)}
          onSelect={(on) => toggle(task.id, on)}
          busy={busy.has(task.id)}
          result={results[task.id]}
          onDecide={(decision) => void run([{ task, decision }])}
        />
      ))}
    </Stack>
  );
}
