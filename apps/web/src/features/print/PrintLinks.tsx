import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NS } from './strings';

/**
 * The case's sheets to print. Shown to every reader of the case: the server decides what each
 * sheet holds (and refuses the case file to anyone but the school's staff on the case).
 */
export function PrintLinks({ caseId, schoolStaff }: { caseId: string; schoolStaff: boolean }) {
  const { t } = useTranslation(NS);
  const docs = schoolStaff
    ? (['case_file', 'plan', 'evaluation'] as const)
    : (['plan', 'evaluation'] as const);
  return (
    <Group gap="xs" className="no-print" data-testid="print-links">
      {docs.map((d) => (
        <Button
          key={d}
          component={Link}
          to={`/cases/${caseId}/print/${d}`}
          variant="default"
          size="sm"
          data-testid={`print-${d}`}
        >
          {t(`links.${d}`)}
        </Button>
      ))}
    </Group>
  );
}
