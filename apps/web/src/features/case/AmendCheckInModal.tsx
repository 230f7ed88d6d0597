import type { CheckInReport } from '@donghanh/domain';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestId } from '../../shared/request-id';
import { useTRPC } from '../../trpc';
import { errorMessage, monthText } from './format';
import { NS } from './strings';
import type { CaseCheckIn } from './types';
import { useAfterAction } from './useCaseAction';

/** Mirrors the API's rule for case.amendCheckIn: the active helper, or the school's coordinator or principal. */
export function canAmendCheckIn(
  c: { helpers: { userId: string; status: string }[]; school: { unitId: string } },
  userId: string,
  roles: { role: string; unitId: string }[],
) {
  if (c.helpers.some((h) => h.userId === userId && h.status === 'ACTIVE')) return true;
  return roles.some(
    (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === c.school.unitId,
  );
}

/** Corrects a filed check-in's figures with a reason; the server keeps the replaced version. */
export function AmendCheckInModal({
  caseId,
  ci,
  onClose,
}: {
  caseId: string;
  ci: CaseCheckIn;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterAction(caseId);
  const original = ci.report as CheckInReport;
  const [sessions, setSessions] = useState<number>(original.tutoring?.sessions ?? 0);
  const [hours, setHours] = useState<number>(original.tutoring?.hours ?? 0);
  const [absent, setAbsent] = useState<number>(original.absentDays ?? 0);
  const [risk, setRisk] = useState<string>(original.riskLevel);
  const [reason, setReason] = useState('');
  // One correction per opening of the modal: a second click or a retry writes it once.
  const { id: amendmentId, renewAfter } = useRequestId();
  const amend = useMutation(
    trpc.case.amendCheckIn.mutationOptions({
      onError: renewAfter,
      onSuccess: async () => {
        await after();
        onClose();
      },
    }),
  );
  const tooShort = reason.trim().length < 5;
  const submit = () =>
    amend.mutate({
      caseId,
      amendmentId,
      month: ci.month,
      reason: reason.trim(),
      report: {
        ...original,
        tutoring: { ...original.tutoring, sessions, hours },
        absentDays: absent,
        riskLevel: risk as CheckInReport['riskLevel'],
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('amend.title', { month: monthText(ci.month) })} size="lg">
      <Stack data-testid="amend-checkin">
        <Text size="sm">{t('amend.explain')}</Text>
        <Group grow>
          <NumberInput
            label={t('amend.sessions')}
            value={sessions}
            min={0}
            max={100}
            onChange={(v) => setSessions(Number(v) || 0)}
          />
          <NumberInput
            label={t('amend.hours')}
            value={hours}
            min={0}
            max={300}
            step={0.5}
            onChange={(v) => setHours(Number(v) || 0)}
          />
          <NumberInput
            label={t('checkIns.absent')}
            value={absent}
            min={0}
            max={31}
            onChange={(v) => setAbsent(Number(v) || 0)}
          />
        </Group>
        <Select
          label={t('checkIns.risk')}
          data={['low', 'medium', 'high'].map((r) => ({ value: r, label: t(`riskLevel.${r}`) }))}
          value={risk}
          onChange={(v) => v && setRisk(v)}
          allowDeselect={false}
        />
        <Textarea
          label={t('amend.reason')}
          description={t('amend.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={2}
          maxLength={500}
          data-testid="amend-reason"
        />
        {amend.error && <Alert color="red">{errorMessage(amend.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('amend.cancel')}
          </Button>
          <Button disabled={tooShort} loading={amend.isPending} onClick={submit} data-testid="amend-submit">
            {t('amend.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
