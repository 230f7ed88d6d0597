import { Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
// setup: classes and homeroom teachers (issue 14)
import { ClassesPanel } from '../classes/ClassesPanel';
import { ImportWizard } from './ImportWizard';
import { NewYearPanel } from './NewYearPanel';
import { NS } from './strings';

/** A school's pupils: class lists in from the ministry's Excel, and the move to a new school year. */
export default function StudentsPage() {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const schools = useQuery(trpc.classList.schools.queryOptions({}));
  const [picked, setPicked] = useState<string | null>(null);
  const list = schools.data?.schools ?? [];
  const schoolId = picked ?? list[0]?.id ?? null;
  // The year offered for the move: the one after the server's current school year (editable).
  const nextYear = (schools.data?.schoolYear ?? 2000) + 1;
  return (
    <Stack gap="md" data-testid="students-page">
      <Title order={2}>{t('title')}</Title>
      {schools.isSuccess && list.length === 0 && <Text>{t('noSchool')}</Text>}
      {list.length > 1 && (
        <Select
          label={t('school')}
          data={list.map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={setPicked}
          maw={400}
          data-testid="students-school"
        />
      )}
      {schoolId && (
        <Tabs defaultValue="import" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="import">{t('tabs.import')}</Tabs.Tab>
            <Tabs.Tab value="new-year" data-testid="tab-new-year">
              {t('tabs.newYear')}
            </Tabs.Tab>
            <Tabs.Tab value="classes" data-testid="tab-classes">
              {t('tabs.classes')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="import" pt="md">
            <ImportWizard key={schoolId} schoolId={schoolId} />
          </Tabs.Panel>
          <Tabs.Panel value="new-year" pt="md">
            <NewYearPanel key={schoolId} schoolId={schoolId} defaultYear={nextYear} />
          </Tabs.Panel>
          <Tabs.Panel value="classes" pt="md">
            <ClassesPanel key={schoolId} schoolId={schoolId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
