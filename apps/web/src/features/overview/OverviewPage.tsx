// The charts' CSS comes with this lazily loaded screen, not with the board's first bundle.
import '@mantine/charts/styles.layer.css';
import { Alert, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { CategoryChart } from './CategoryChart';
import { ExportButton } from './ExportButton';
import { errorMessage } from './format';
import { SchoolsTable } from './SchoolsTable';
import { StageChart } from './StageChart';
import { NS } from './strings';
import { Totals } from './Totals';

/** The office's view of its schools: counts, lateness, risk and help given; never a child's name. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const q = useQuery(trpc.board.summary.queryOptions({}));
  return (
    <Stack gap="md" data-testid="overview">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
      </Group>
      <ExportButton />
      {q.isPending ? (
        <Text c="dimmed">{t('loading')}</Text>
      ) : q.isError ? (
        <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>
      ) : q.data.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <>
          <Totals schools={q.data} />
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <StageChart schools={q.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <CategoryChart schools={q.data} />
            </Grid.Col>
          </Grid>
          <SchoolsTable schools={q.data} />
        </>
      )}
    </Stack>
  );
}
