import { Button, Group, Paper, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { ProposeClosureModal } from './ProposeClosureModal';
import { ReasonModal } from './ReasonModal';
import { ReplaceHelperModal } from './ReplaceHelperModal';
import { NS } from './strings';
import type { CaseDetail } from './types';
import { useAfterAction } from './useCaseAction';

type Action = 'evaluate' | 'close' | 'reopen' | 'replace';

/** The stages in which the case workflow accepts each step (it re-checks; this only hides buttons). */
const STAGES: Record<Action, readonly string[]> = {
  evaluate: ['active'],
  close: ['assignment', 'plan', 'active', 'evaluation'],
  reopen: ['closed'],
  replace: ['plan', 'active', 'evaluation'],
};

/** The school's coordinator or principal: the API's `case:coordinator` rule. */
function isCoordinator(c: CaseDetail, roles: { role: string; unitId: string }[]) {
  return roles.some(
    (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === c.school.unitId,
  );
}

/** What the school's coordinator may do on the case outside the task inbox. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { user } = useSession();
  const trpc = useTRPC();
  const after = useAfterAction(c.id);
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const done = {
    onSuccess: async () => {
      await after();
      close();
    },
  };
  const evaluate = useMutation(trpc.case.startEvaluation.mutationOptions(done));
  const reopen = useMutation(trpc.case.reopen.mutationOptions(done));
  if (!isCoordinator(c, user.roles)) return null;
  const available = (Object.keys(STAGES) as Action[]).filter((a) => STAGES[a].includes(c.stage));
  if (available.length === 0) return null;
  const openAction = (a: Action) => {
    evaluate.reset();
    reopen.reset();
    setOpen(a);
  };
  return (
    <Paper withBorder p="md" data-testid="case-actions">
      <Title order={4} mb="sm">
        {t('actions.title')}
      </Title>
      <Group gap="xs">
        {available.includes('evaluate') && (
          <Button variant="light" data-testid="action-evaluate" onClick={() => openAction('evaluate')}>
            {t('actions.evaluate.button')}
          </Button>
        )}
        {available.includes('replace') && (
          <Button variant="light" data-testid="action-replace" onClick={() => openAction('replace')}>
            {t('actions.replace.button')}
          </Button>
        )}
        {available.includes('close') && (
          <Button
            variant="light"
            color="orange"
            data-testid="action-close"
            onClick={() => openAction('close')}
          >
            {t('actions.closure.button')}
          </Button>
        )}
        {available.includes('reopen') && (
          <Button variant="light" data-testid="action-reopen" onClick={() => openAction('reopen')}>
            {t('actions.reopen.button')}
          </Button>
        )}
      </Group>
      {open === 'evaluate' && (
        <ReasonModal
          opened
          onClose={close}
          title={t('actions.evaluate.title')}
          explain={t('actions.evaluate.explain')}
          label={t('actions.evaluate.reason')}
          placeholder={t('actions.evaluate.placeholder')}
          required={t('actions.evaluate.required')}
          submit={t('actions.evaluate.submit')}
          testId="start-evaluation-form"
          pending={evaluate.isPending}
          error={evaluate.error}
          onSubmit={(reason) => evaluate.mutate({ caseId: c.id, reason })}
        />
      )}
      {open === 'reopen' && (
        <ReasonModal
          opened
          onClose={close}
          title={t('actions.reopen.title')}
          explain={t('actions.reopen.explain')}
          label={t('actions.reopen.reason')}
          placeholder={t('actions.reopen.placeholder')}
          required={t('actions.reopen.required')}
          submit={t('actions.reopen.submit')}
          testId="reopen-form"
          pending={reopen.isPending}
          error={reopen.error}
          onSubmit={(reason) => reopen.mutate({ caseId: c.id, reason })}
        />
      )}
      {open === 'close' && <ProposeClosureModal caseId={c.id} opened onClose={close} />}
      {open === 'replace' && <ReplaceHelperModal caseId={c.id} opened onClose={close} />}
    </Paper>
  );
}
