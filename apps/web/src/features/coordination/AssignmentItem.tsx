import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../sign-off/format';
import type { InboxTask } from '../sign-off/types';
import { NS } from './strings';
import { useAfterStep } from './useCaseStep';

const REASON_COLOR: Record<string, string> = {
  same_class: 'grape',
  subject_fit: 'teal',
  same_grade: 'indigo',
  spare_capacity: 'gray',
};

/** The ranked teachers for one case, each with why they fit and how many places they have left. */
export function AssignmentItem({ task }: { task: InboxTask }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const after = useAfterStep();
  const suggest = useQuery(trpc.volunteer.suggest.queryOptions({ caseId: task.caseId, limit: 5 }));
  const assign = useMutation(trpc.case.assignHelper.mutationOptions({ onSuccess: () => void after() }));
  // The workflow refuses an offer without the family's consent or a legal basis: say so up front.
  const consent = useQuery(trpc.consent.get.queryOptions({ caseId: task.caseId }));
  const consentState = consent.data?.state;
  const blocked = consentState === 'none' || consentState === 'withdrawn';
  if (suggest.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (suggest.error)
    return (
      <Alert color="red">{t('loadError', { message: errorMessage(suggest.error, i18n.language) })}</Alert>
    );
  const s = suggest.data;
  if (!s) return null;
  return (
    <Stack gap="xs" data-testid="suggestions">
      <Text fw={600} size="sm">
        {t('assignment.suggestions')}
      </Text>
      {s.weakSubjects.length > 0 && (
        <Text size="sm">{t('assignment.weakSubjects', { subjects: s.weakSubjects.join(', ') })}</Text>
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
      {assign.error && (
        <Alert color="red" role="alert">
          {t('failed', { message: errorMessage(assign.error, i18n.language) })}
        </Alert>
      )}
      {s.helpers.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('assignment.noSuggestion')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" verticalSpacing="xs">
            <Table.Tbody>
              {s.helpers.map((h) => (
                <Table.Tr key={h.userId} data-testid="suggested-helper" data-user-id={h.userId}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {h.displayName}
                    </Text>
                    {h.subjects.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('assignment.subjects')}: {h.subjects.join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {h.reasons.map((r) => (
                        <Badge key={r} size="sm" variant="light" color={REASON_COLOR[r] ?? 'gray'}>
                          {t(`assignment.reasons.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('assignment.spare', { spare: h.spare, capacity: h.capacity })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      aria-label={t('assignment.assign', { name: h.displayName })}
                      loading={assign.isPending && assign.variables?.helperId === h.userId}
                      disabled={assign.isPending || blocked}
                      onClick={() =>
                        assign.mutate({ caseId: task.caseId, taskId: task.id, helperId: h.userId })
                      }
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
    </Stack>
  );
}
