import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../shared/confirm/ConfirmModal';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import type { InboxTask } from '../sign-off/types';
import { ASSIGN_NS } from './assign-strings';
import { CapacityModal, type CapacityTarget } from './CapacityModal';
import { NS } from './strings';
import { useAfterStep } from './useCaseStep';

const REASON_COLOR: Record<string, string> = {
  same_class: 'grape',
  subject_fit: 'teal',
  same_grade: 'indigo',
  spare_capacity: 'gray',
};

interface Teacher {
  userId: string;
  displayName: string;
  capacity: number;
  load: number;
  spare: number;
  subjects: string[];
  reasons: string[];
}

function Fit({ h }: { h: Teacher }) {
  const { t } = useTranslation(NS);
  return (
    <Group gap={4}>
      {h.reasons.map((r) => (
        <Badge key={r} size="sm" variant="light" color={REASON_COLOR[r] ?? 'gray'}>
          {t(`assignment.reasons.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}

function Who({ h }: { h: Teacher }) {
  const { t } = useTranslation(NS);
  return (
    <>
      <Text fw={600} size="sm">
        {h.displayName}
      </Text>
      {h.subjects.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('assignment.subjects')}: {h.subjects.join(', ')}
        </Text>
      )}
    </>
  );
}

/**
 * The teachers for one case: those with a free place first (each with why they fit), then every
 * other teacher of the school with their load — the coordinator raises a capacity (audited) or asks
 * one of them, so the screen never ends without a next step. Every offer is confirmed first.
 */
export function AssignmentItem({ task, onDone }: { task: InboxTask; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const { t: ta } = useTranslation(ASSIGN_NS);
  const trpc = useTRPC();
  const after = useAfterStep();
  const suggest = useQuery(trpc.volunteer.suggest.queryOptions({ caseId: task.caseId, limit: 5 }));
  const assign = useMutation(trpc.case.assignHelper.mutationOptions());
  // The workflow refuses an offer without the family's consent or a legal basis: say so up front.
  const consent = useQuery(trpc.consent.get.queryOptions({ caseId: task.caseId }));
  const [offering, setOffering] = useState<{ teacher: Teacher; ask: boolean } | null>(null);
  const [note, setNote] = useState('');
  const [raising, setRaising] = useState<CapacityTarget | null>(null);
  const [raised, setRaised] = useState<string | null>(null);
  const consentState = consent.data?.state;
  const blocked = consentState === 'none' || consentState === 'withdrawn';
  if (suggest.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (suggest.error)
    return (
      <Alert color="red">{t('loadError', { message: errorMessage(suggest.error, i18n.language) })}</Alert>
    );
  const s = suggest.data;
  if (!s) return null;

  function offer() {
    if (!offering) return;
    const { teacher, ask } = offering;
    assign.mutate(
      {
        caseId: task.caseId,
        taskId: task.id,
        helperId: teacher.userId,
        ...(ask ? { ask: true } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setOffering(null);
          onDone(ta(ask ? 'asked' : 'assigned', { name: teacher.displayName, code: task.caseCode }));
          void after();
        },
      },
    );
  }
  const open = (teacher: Teacher, ask: boolean) => {
    assign.reset();
    setNote('');
    setOffering({ teacher, ask });
  };

  return (
    <Stack gap="xs" data-testid="suggestions">
      {s.weakSubjects.length > 0 && (
        <Text size="sm">{t('assignment.weakSubjects', { subjects: s.weakSubjects.join(', ') })}</Text>
      )}
      {s.declined.length > 0 && (
        <Alert color="gray" variant="light" title={ta('declined')} data-testid="declined">
          <List size="sm">
            {s.declined.map((d) => (
              <List.Item key={`${d.displayName}-${d.at}`}>
                {d.lapsed
                  ? ta('lapsed', { name: d.displayName })
                  : ta('declinedBy', { name: d.displayName, reason: d.reason ?? ta('noReason') })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {blocked && (
        <Alert color="yellow" data-testid="consent-needed">
          <Text size="sm">
            {t(consentState === 'withdrawn' ? 'assignment.consentWithdrawn' : 'assignment.consentNeeded')}
          </Text>
          {consentState === 'none' && (
            <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
              {t('assignment.recordConsent')}
            </Anchor>
          )}
        </Alert>
      )}
      {raised && (
        <Alert color="green" role="status" data-testid="capacity-raised">
          {raised}
        </Alert>
      )}
      <Text fw={600} size="sm">
        {t('assignment.suggestions')}
      </Text>
      {s.helpers.length === 0 ? (
        <Alert color="orange" variant="light" data-testid="no-free-place">
          {s.others.length > 0 ? ta('noFreePlace') : ta('noTeacher')}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" verticalSpacing="xs">
            <Table.Tbody>
              {s.helpers.map((h) => (
                <Table.Tr key={h.userId} data-testid="suggested-helper" data-user-id={h.userId}>
                  <Table.Td>
                    <Who h={h} />
                  </Table.Td>
                  <Table.Td>
                    <Fit h={h} />
                  </Table.Td>
                  <Table.Td>{t('assignment.spare', { spare: h.spare, capacity: h.capacity })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      aria-label={t('assignment.assign', { name: h.displayName })}
                      disabled={assign.isPending || blocked}
                      onClick={() => open(h, false)}
                    >
                      {t('assignment.assignShort')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {s.others.length > 0 && (
        <>
          <Text fw={600} size="sm">
            {ta('others')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table fz="sm" verticalSpacing="xs">
              <Table.Tbody>
                {s.others.map((h) => (
                  <Table.Tr key={h.userId} data-testid="other-teacher" data-user-id={h.userId}>
                    <Table.Td>
                      <Who h={h} />
                    </Table.Td>
                    <Table.Td>
                      <Fit h={h} />
                    </Table.Td>
                    <Table.Td>
                      {h.volunteer ? ta('load', { load: h.load, capacity: h.capacity }) : ta('notVolunteer')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={`${ta('raise')}: ${h.displayName}`}
                          onClick={() => {
                            setRaised(null);
                            setRaising(h);
                          }}
                        >
                          {ta('raise')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={ta('askLabel', { name: h.displayName })}
                          disabled={assign.isPending || blocked}
                          onClick={() => open(h, true)}
                        >
                          {ta('ask')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <ConfirmModal
        opened={offering !== null}
        title={
          offering
            ? ta(offering.ask ? 'askTitle' : 'assignTitle', { name: offering.teacher.displayName })
            : ''
        }
        confirmLabel={offering?.ask ? ta('confirmAsk') : ta('confirmAssign')}
        loading={assign.isPending}
        error={assign.error ? t('failed', { message: errorMessage(assign.error, i18n.language) }) : null}
        onClose={() => setOffering(null)}
        onConfirm={offer}
      >
        <Stack gap="sm">
          <Text size="sm">
            {offering &&
              (offering.ask
                ? ta('askBody', { name: offering.teacher.displayName })
                : ta('assignBody', { name: offering.teacher.displayName, code: task.caseCode }))}
          </Text>
          <Textarea
            label={ta('note')}
            description={ta('noteHelp')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-testid="assign-note"
          />
        </Stack>
      </ConfirmModal>
      <CapacityModal teacher={raising} onClose={() => setRaising(null)} onSaved={setRaised} />
    </Stack>
  );
}
