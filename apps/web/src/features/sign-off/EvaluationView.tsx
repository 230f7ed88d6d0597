import {
  CLOSURE_REASON_LABELS,
  EVALUATION_LEVEL_LABELS,
  type EvaluationDraft,
  type EvaluationLevel,
} from '@donghanh/domain';
import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { pick } from './format';
import { NS } from './strings';

/** The helper's semester evaluation as the principal reads it: before/after on the official scale. */
export function EvaluationView({ draft }: { draft: EvaluationDraft }) {
  const { t, i18n } = useTranslation(NS);
  const scale = (v: string) => EVALUATION_LEVEL_LABELS[v as EvaluationLevel]?.[currentLocale()] ?? v;
  return (
    <div data-testid="evaluation">
      <Table withTableBorder withColumnBorders fz="sm" maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('before')}</Table.Th>
            <Table.Th>{t('after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('results')}</Table.Th>
            <Table.Td>{scale(draft.resultsBefore)}</Table.Td>
            <Table.Td>{scale(draft.resultsAfter)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('conduct')}</Table.Th>
            <Table.Td>{scale(draft.conductBefore)}</Table.Td>
            <Table.Td>{scale(draft.conductAfter)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        <b>{t('progress')}:</b> {draft.progress}
      </Text>
      <Text size="sm">
        <b>{t('stillAtRisk')}:</b> {draft.stillAtRisk ? t('yes') : t('no')}
      </Text>
      <Text size="sm">
        <b>{t('recommendation')}:</b> {t(`recommendations.${draft.recommendation}`)}
        {draft.closureReason
          ? ` — ${t('closureReason')}: ${pick(CLOSURE_REASON_LABELS[draft.closureReason], i18n.language)}`
          : ''}
      </Text>
      {draft.recommendation === 'propose_closure' && (
        <Alert color="orange" mt="xs" p="xs">
          {t('signoffCloses')}
        </Alert>
      )}
    </div>
  );
}
