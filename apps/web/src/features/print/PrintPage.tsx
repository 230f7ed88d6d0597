import {
  CASE_CATEGORY_LABELS,
  type CaseCategory,
  EVALUATION_LEVEL_LABELS,
  type EvaluationDraft,
  type EvaluationLevel,
} from '@donghanh/domain';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLocale } from '../../i18n';
import { dateText, num, pick, vnd } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS as CASE_NS } from '../case/strings';
import type { CaseDetail } from '../case/types';
import { Letterhead } from './Letterhead';
import '../privacy/print.css';
import { NS } from './strings';

type Doc = 'case_file' | 'plan' | 'evaluation';
const DOCS: readonly Doc[] = ['case_file', 'plan', 'evaluation'];
const GOALS = ['week', 'month', 'semester'] as const;

interface PrintGrant {
  named: boolean;
  header: { school: string; parentUnit: string | null };
  today: string;
}

/** The child as this sheet may show them: by name only when the server's rule says so. */
function Who({ c, named }: { c: CaseDetail; named: boolean }) {
  const { t } = useTranslation(NS);
  const identity = named ? c.identity : null;
  return (
    <div data-testid="print-student">
      {identity ? (
        <>
          <p>{t('student', { name: identity.fullName })}</p>
          <p>{t('birthDate', { date: dateText(identity.birthDate) })}</p>
          <p>{t('code', { code: c.code })}</p>
        </>
      ) : (
        <p>{t('masked', { code: c.code })}</p>
      )}
      <p>{t('className', { className: c.className ?? '—', school: c.school.name })}</p>
    </div>
  );
}

function Plan({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation(CASE_NS);
  const plan = c.plans.at(-1);
  if (!plan) return <p>{t('noPlan')}</p>;
  const goals = (plan.goals ?? {}) as Partial<Record<(typeof GOALS)[number], string>>;
  return (
    <>
      <p className="print-strong">{t('planHeading', { version: plan.version })}</p>
      {c.freeText ? (
        GOALS.map((g) => (
          <p key={g}>
            {tc(`plan.goals.${g}`)}: {goals[g] ?? '—'}
          </p>
        ))
      ) : (
        <p>{t('goalsHidden')}</p>
      )}
      <p>
        {t('kinds', { list: plan.kinds.map((k) => tc(`plan.kind.${k}`, { defaultValue: k })).join(', ') })}
      </p>
    </>
  );
}

function Evaluation({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation(CASE_NS);
  const e = c.evaluations.at(-1);
  if (!e) return <p>{t('noEvaluation')}</p>;
  const d = e.content as Partial<EvaluationDraft>;
  const scale = (v: string | undefined) =>
    v ? (EVALUATION_LEVEL_LABELS[v as EvaluationLevel]?.[currentLocale()] ?? v) : '—';
  return (
    <>
      <p className="print-strong">{t('evaluationHeading', { term: e.term })}</p>
      <p>
        {tc('evaluations.results')}:{' '}
        {tc('evaluations.beforeAfter', { before: scale(d.resultsBefore), after: scale(d.resultsAfter) })}
      </p>
      <p>
        {tc('evaluations.conduct')}:{' '}
        {tc('evaluations.beforeAfter', { before: scale(d.conductBefore), after: scale(d.conductAfter) })}
      </p>
      {d.progress && (
        <p>
          {tc('evaluations.progress')}: {d.progress}
        </p>
      )}
      <p>
        {tc('evaluations.stillAtRisk')}: {d.stillAtRisk ? tc('evaluations.yes') : tc('evaluations.no')}
      </p>
      <p>
        {tc('evaluations.decision')}:{' '}
        {tc(`evaluations.decisions.${e.decision}`, { defaultValue: e.decision })}
      </p>
    </>
  );
}

function CheckIns({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation(CASE_NS);
  if (c.checkIns.length === 0) return <p>{t('noCheckIns')}</p>;
  return (
    <>
      <p className="print-strong">{t('checkIns')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('month')}</th>
            <th>{t('hours')}</th>
            <th>{t('materialVnd')}</th>
            <th>{t('risk')}</th>
          </tr>
        </thead>
        <tbody>
          {c.checkIns.map((ci) => (
            <tr key={ci.id}>
              <td>{`${ci.month.slice(5, 7)}/${ci.month.slice(0, 4)}`}</td>
              <td>{num(Number(ci.tutoringHours))}</td>
              <td>{vnd(Number(ci.materialVnd))}</td>
              <td>{tc(`riskLevel.${ci.riskLevel}`, { defaultValue: ci.riskLevel })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Sheet({ c, doc, grant }: { c: CaseDetail; doc: Doc; grant: PrintGrant }) {
  const { t, i18n } = useTranslation(NS);
  const helpers = c.helpers.filter((h) => h.status === 'ACTIVE').map((h) => h.user.displayName);
  return (
    <section className="print-sheet" data-testid={`print-sheet-${doc}`} data-named={grant.named}>
      <Letterhead header={grant.header} today={grant.today} />
      <h2 className="print-title">{t(`title.${doc}`)}</h2>
      <Who c={c} named={grant.named} />
      {doc === 'case_file' && (
        <p>
          {t('categories', {
            list: c.categories
              .map((cat) => pick(CASE_CATEGORY_LABELS[cat as CaseCategory], i18n.language, cat))
              .join(', '),
          })}
        </p>
      )}
      <p>{t('helpers', { names: helpers.join(', ') || '—' })}</p>
      {doc !== 'evaluation' && <Plan c={c} />}
      {doc === 'case_file' && <CheckIns c={c} />}
      {doc !== 'plan' && <Evaluation c={c} />}
      <div className="print-signatures" data-testid="print-signatures">
        <div>
          <div className="print-strong">{doc === 'case_file' ? t('signCoordinator') : t('signHelper')}</div>
          <div className="print-small">{t('signHint')}</div>
          <div className="print-sign-space" />
        </div>
        <div />
        <div>
          <div className="print-strong">{t('signPrincipal')}</div>
          <div className="print-small">{t('signHint')}</div>
          <div className="print-sign-space" />
        </div>
      </div>
    </section>
  );
}

/**
 * A case's sheet on A4 (window.print, or the browser's "save as PDF"): the school's letterhead,
 * the national motto, the content and the signature lines. The server says first whether this
 * person may print it and whether it may carry the child's name, and records the print.
 */
export default function PrintPage() {
  const { caseId = '', document = '' } = useParams();
  const doc = (DOCS as readonly string[]).includes(document) ? (document as Doc) : null;
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const grant = useMutation(trpc.case.print.mutationOptions());
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !doc) return;
    asked.current = true;
    grant.mutate({ caseId, document: doc });
  }, [caseId, doc, grant.mutate]);
  const q = useQuery({ ...trpc.case.get.queryOptions({ caseId }), enabled: grant.isSuccess });

  const error = grant.error ?? q.error;
  return (
    <div className="print-page" data-testid="print-page">
      <Group className="no-print" mb="md">
        <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
          ← {t('back')}
        </Anchor>
        {q.data && (
          <Button size="sm" onClick={() => window.print()} data-testid="print">
            {t('print')}
          </Button>
        )}
      </Group>
      {error ? (
        <Alert color="red" role="alert" data-testid="print-refused">
          {t('refused', { message: errorMessage(error, i18n.language) })}
        </Alert>
      ) : q.data && grant.data && doc ? (
        <Sheet c={q.data} doc={doc} grant={grant.data} />
      ) : (
        <Text c="dimmed">{t('loading')}</Text>
      )}
    </div>
  );
}
