import { Alert, Anchor, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { PrintLinks } from '../print/PrintLinks';
import { ConsentSection } from '../privacy/ConsentSection';
import '../privacy/strings';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CheckInsSection } from './CheckInsSection';
import { EvaluationsSection } from './EvaluationsSection';
import { errorMessage } from './format';
import { HelpOverTimeSection } from './HelpOverTimeSection';
import { IdentityBlock } from './IdentityBlock';
import { NotesSection } from './NotesSection';
import { PlanSection } from './PlanSection';
import { NS } from './strings';
import { TasksSection } from './TasksSection';
import { TimelineSection } from './TimelineSection';

/** One case: who (as far as the reader may know), where it stands, what was given, what is next. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const { user } = useSession();
  const q = useQuery(trpc.case.get.queryOptions({ caseId }, { enabled: caseId !== '' }));
  if (q.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (q.isError)
    return (
      <Alert color="red" data-testid="case-error">
        {t('loadError', { message: errorMessage(q.error, i18n.language) })}
      </Alert>
    );
  const c = q.data;
  return (
    <Stack gap="md" data-testid="case-page" data-case-id={c.id}>
      <Anchor component={Link} to="/board" size="sm">
        ← {t('back')}
      </Anchor>
      <CaseHeader c={c} />
      <CaseActions c={c} />
      <PrintLinks caseId={c.id} schoolStaff={c.freeText} />
      {user.roles.some(
        (r) => (r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL') && r.unitId === c.school.unitId,
      ) && (
        <ConsentSection
          caseId={c.id}
          principal={user.roles.some((r) => r.role === 'PRINCIPAL' && r.unitId === c.school.unitId)}
        />
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <IdentityBlock c={c} />
            <TasksSection c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PlanSection c={c} />
        </Grid.Col>
      </Grid>
      <CheckInsSection c={c} />
      <HelpOverTimeSection c={c} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <EvaluationsSection c={c} />
            <NotesSection c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TimelineSection c={c} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
