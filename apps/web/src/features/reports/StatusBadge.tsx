import type { ReportStatus } from '@donghanh/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from './strings';

const COLOR: Record<ReportStatus, string> = {
  not_sent: 'gray',
  draft: 'blue',
  signed: 'indigo',
  submitted: 'cyan',
  returned: 'orange',
  accepted: 'green',
};

export function StatusBadge({
  status,
  late,
  testId,
}: {
  status: ReportStatus;
  late: boolean;
  testId?: string;
}) {
  const { t } = useTranslation(NS);
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId} data-status={status} data-late={late ? 'yes' : 'no'}>
      <Badge color={COLOR[status]} variant="light">
        {t(`status.${status}`)}
      </Badge>
      {late && (
        <Badge color="red" variant="light">
          {t('status.late')}
        </Badge>
      )}
    </Group>
  );
}
