import { Anchor, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { NS } from './strings';

interface Props {
  schoolId: string;
  classId: string | null;
  title: string;
  classes: { classId: string; name: string }[];
  onMoved: (message: string) => void;
  onError: (error: unknown) => void;
}

/** setup: a class's pupils (names as the identity rule gives them), each with its class to fix in place. */
export function PupilsTable({ schoolId, classId, title, classes, onMoved, onError }: Props) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pupils = useQuery(trpc.schoolClass.pupils.queryOptions({ schoolId, classId }));
  const update = useMutation(trpc.student.update.mutationOptions());
  const options = classes.map((c) => ({ value: c.classId, label: c.name }));
  const rows = pupils.data ?? [];
  return (
    <Stack gap="xs" data-testid="pupils">
      <Title order={4}>{title}</Title>
      {pupils.isLoading && <Text c="dimmed">{t('loading')}</Text>}
      {pupils.isSuccess && rows.length === 0 && <Text c="dimmed">{t('noPupils')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pupil')}</Table.Th>
                <Table.Th>{t('birthDate')}</Table.Th>
                <Table.Th>{t('pupilClass')}</Table.Th>
                <Table.Th>{t('family')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.studentId} data-testid="pupil-row" data-student-id={p.studentId}>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td>{p.birthDate ? dateText(p.birthDate) : '—'}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('moveTo', { name: p.fullName })}
                      data={options}
                      value={p.classId}
                      size="xs"
                      clearable
                      searchable
                      w={140}
                      data-testid="pupil-class"
                      disabled={update.isPending}
                      onChange={(next) =>
                        update.mutate(
                          { studentId: p.studentId, classId: next },
                          {
                            onSuccess: () => {
                              void queryClient.invalidateQueries(trpc.schoolClass.pupils.pathFilter());
                              const className = options.find((o) => o.value === next)?.label;
                              onMoved(
                                className
                                  ? t('moved', { name: p.fullName, className })
                                  : t('movedNone', { name: p.fullName }),
                              );
                            },
                            onError,
                          },
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/family/${p.studentId}`} size="sm">
                      {p.hasFamily ? `${t('family')} (${t('familyFilled')})` : t('family')}
                    </Anchor>
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
