import { CLOSURE_REASON_LABELS, type ClosureReason, evaluationDraftSchema } from '@donghanh/domain';
import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../shared/confirm/ConfirmModal';
import { useTRPC } from '../../trpc';
import { CaseSummary } from './CaseSummary';
import { EvaluationView } from './EvaluationView';
import { dateText, errorMessage, pick } from './format';
import { NS } from './strings';
import type { CaseDetail, InboxTask } from './types';
import type { Decision } from './useDecide';

export interface ItemResult {
  ok: boolean;
  approve: boolean;
  /** A closure refused, not an evaluation returned: the words differ. */
  closure?: boolean;
  code: string;
  message?: string;
  /** setup: the case, linked from the result message. */
  caseId?: string;
}

interface Props {
  task: InboxTask;
  selected: boolean;
  onSelect: (on: boolean) => void;
  busy: boolean;
  result: ItemResult | undefined;
  onDecide: (d: Decision) => void;
}

/** The evaluation a sign-off task points at: its payload names the term and the draft's version. */
function evaluationOf(c: CaseDetail, task: InboxTask) {
  const p = (task.payload ?? {}) as { term?: string; version?: number };
  const e = c.evaluations.find((ev) => ev.term === p.term && ev.version === p.version);
  if (!e) return null;
  const draft = evaluationDraftSchema.safeParse(e.content);
  return draft.success ? draft.data : null;
}

/** One queued decision: the case, what is to be decided, approve, or return with a comment. */
export function SignOffItem({ task, selected, onSelect, busy, result, onDecide }: Props) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const detail = useQuery(trpc.case.get.queryOptions({ caseId: task.caseId }));
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  // setup: approving a closure ends the help: confirmed first.
  const [confirmClosure, setConfirmClosure] = useState(false);
  const isEval = task.type === 'signoff_evaluation';
  // Keyboard users land back on the button that opened the comment when they cancel it.
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!returning && refocus.current) {
      refocus.current = false;
      opener.current?.focus();
    }
  }, [returning]);
  const cancel = () => {
    refocus.current = true;
    setReturning(false);
  };

  const sendBack = () => {
    if (!comment.trim()) {
      setCommentError(isEval ? t('commentRequired') : t('commentRequiredRefuse'));
      return;
    }
    onDecide({ approve: false, comment: comment.trim() });
  };

  const closureReason = (detail.data?.closureReason ??
    (task.payload as { reason?: string } | null)?.reason) as ClosureReason | undefined;

  return (
    <Card
      withBorder
      padding="md"
      data-testid="signoff-item"
      data-task-id={task.id}
      data-case-code={task.caseCode}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <Checkbox
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
              aria-label={t('select', { code: task.caseCode })}
              disabled={busy}
            />
            <Badge color={isEval ? 'blue' : 'grape'}>{t(`kind.${task.type}`)}</Badge>
          </Group>
          <Group gap={4}>
            {task.overdue && <Badge color="red">{t('overdue')}</Badge>}
            {task.dueAt && (
              <Text size="sm" c="dimmed">
                {t('due', { date: dateText(task.dueAt) })}
              </Text>
            )}
          </Group>
        </Group>

        {detail.isLoading && <Text c="dimmed">{t('caseLoading')}</Text>}
        {detail.error && (
          <Alert color="red">{t('caseError', { message: errorMessage(detail.error, i18n.language) })}</Alert>
        )}
        {detail.data && <CaseSummary c={detail.data} />}

        {detail.data &&
          isEval &&
          (() => {
            const draft = evaluationOf(detail.data, task);
            return draft ? (
              <EvaluationView draft={draft} />
            ) : (
              <Text c="dimmed">{t('evaluationMissing')}</Text>
            );
          })()}
        {!isEval && (
          <Stack gap={2} data-testid="closure">
            {closureReason && (
              <Text size="sm">
                <b>{t('closureReason')}:</b>{' '}
                {pick(
                  CLOSURE_REASON_LABELS[closureReason] ?? { vi: closureReason, en: closureReason },
                  i18n.language,
                )}
              </Text>
            )}
            {detail.data?.closureNote && (
              <Text size="sm">
                <b>{t('closureNote')}:</b> {detail.data.closureNote}
              </Text>
            )}
          </Stack>
        )}

        {result && !result.ok && (
          <Alert color="red" role="alert" data-testid="item-error">
            {t('resultFailed')}: {result.message}
          </Alert>
        )}

        {returning ? (
          <Stack
            gap="xs"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !busy) cancel();
            }}
          >
            <Textarea
              label={t('comment')}
              placeholder={isEval ? t('commentPlaceholder') : t('commentPlaceholderRefuse')}
              data-autofocus
              autoFocus
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setCommentError(null);
              }}
              error={commentError}
              autosize
              minRows={2}
              required
              disabled={busy}
            />
            <Group gap="xs">
              <Button color="orange" onClick={sendBack} loading={busy}>
                {isEval ? t('confirmReturn') : t('confirmRefuse')}
              </Button>
              <Button variant="default" onClick={cancel} disabled={busy}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="xs">
            <Button
              onClick={() => (isEval ? onDecide({ approve: true }) : setConfirmClosure(true))}
              loading={busy}
            >
              {isEval ? t('approve') : t('approveClosure')}
            </Button>
            <Button
              ref={opener}
              variant="default"
              color="orange"
              onClick={() => setReturning(true)}
              disabled={busy}
            >
              {isEval ? t('return') : t('refuse')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirmClosure}
        title={t('confirmClosureTitle', { code: task.caseCode })}
        confirmLabel={t('approveClosure')}
        onClose={() => setConfirmClosure(false)}
        onConfirm={() => {
          setConfirmClosure(false);
          onDecide({ approve: true });
        }}
      >
        {t('confirmClosureBody')}
      </ConfirmModal>
    </Card>
  );
}
