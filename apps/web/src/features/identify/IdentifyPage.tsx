import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { NewStudentForm } from './NewStudentForm';
import { ProposeForm } from './ProposeForm';
import { ProposeResult } from './ProposeResult';
import { StudentSearch } from './StudentSearch';
import { NS } from './strings';
import type { IdentifyResult, StudentHit } from './types';

const MANAGERS = new Set(['SCHOOL_COORDINATOR', 'PRINCIPAL']);

/** A staff member finds a student in their scope and proposes them for the campaign. */
export default function IdentifyPage() {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const { user } = useSession();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const phone = useMediaQuery('(max-width: 36em)');
  const [student, setStudent] = useState<StudentHit | null>(null);
  const [result, setResult] = useState<IdentifyResult | null>(null);
  const [adding, setAdding] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const schools = me.data?.schools ?? [];
  const schoolName = useCallback((id: string) => schools.find((s) => s.id === id)?.name, [schools]);
  const managedSchool = useMemo(() => {
    const units = new Set(user.roles.filter((r) => MANAGERS.has(r.role)).map((r) => r.unitId));
    return schools.find((s) => units.has(s.unitId)) ?? null;
  }, [schools, user.roles]);
  const canAdd = user.roles.some((r) => MANAGERS.has(r.role));

  const pick = (s: StudentHit | null) => {
    setStudent(s);
    setResult(null);
  };
  // On a phone the form sits below the list: bring it into view once a student is chosen.
  useEffect(() => {
    if (student && phone) formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [student, phone]);

  return (
    <Stack gap="md" data-testid="identify-page">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Stack gap="sm">
            {canAdd && (
              <Group justify="flex-end">
                <Button variant="light" size="xs" onClick={() => setAdding(true)} data-testid="add-student">
                  {t('newStudent.open')}
                </Button>
              </Group>
            )}
            <StudentSearch selectedId={student?.id ?? null} schoolName={schoolName} onPick={pick} />
          </Stack>
        </Card>
        {student && (
          <Card withBorder padding="md" ref={formRef} data-testid="propose-panel">
            <Stack gap="sm">
              <Group justify="space-between" align="start" gap="xs">
                <Title order={3} size="h4" data-testid="propose-heading">
                  {t('form.heading', { name: student.fullName })}
                </Title>
                {!result && (
                  <Button variant="subtle" size="xs" onClick={() => pick(null)}>
                    {t('form.change')}
                  </Button>
                )}
              </Group>
              {result ? (
                <ProposeResult result={result} onAnother={() => pick(null)} />
              ) : (
                <ProposeForm key={student.id} student={student} onDone={setResult} />
              )}
            </Stack>
          </Card>
        )}
      </SimpleGrid>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('newStudent.title')}
        fullScreen={phone}
        size="lg"
      >
        {managedSchool ? (
          <NewStudentForm
            school={managedSchool}
            onCancel={() => setAdding(false)}
            onCreated={(s) => {
              setAdding(false);
              pick(s);
            }}
          />
        ) : (
          <Text c="dimmed">{t('newStudent.noSchool')}</Text>
        )}
      </Modal>
    </Stack>
  );
}
