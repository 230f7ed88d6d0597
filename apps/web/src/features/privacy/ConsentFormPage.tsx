import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateText } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';
import type { CaseConsentView } from './types';
import './print.css';

/** One copy of the form: filled from the recorded consent, or blank to be filled in by hand. */
function Sheet({ v, copy }: { v: CaseConsentView; copy: 'schoolCopy' | 'familyCopy' }) {
  const { t } = useTranslation(NS);
  const c = v.current?.basis === 'consent' ? v.current : null;
  const blank = t('sheet.blank');
  const on = c?.givenOn ?? null;
  const tick = (k: 'help' | 'schoolProcessing' | 'officeSharing') => (c ? (c.coverage[k] ? '☑' : '☐') : '☐');
  return (
    <section className="print-sheet" data-testid={`consent-sheet-${copy}`}>
      <div className="print-header">
        <div className="print-header-left">
          <div>{(v.header.parentUnit ?? '').toUpperCase()}</div>
          <div className="print-strong">{v.header.school.toUpperCase()}</div>
          {c?.formNumber && <div>{t('sheet.number', { number: c.formNumber })}</div>}
        </div>
        <div className="print-header-right">
          <div className="print-strong">{t('sheet.nation')}</div>
          <div className="print-motto">{t('sheet.motto')}</div>
        </div>
      </div>
      <p className="print-copy">{t(`sheet.${copy}`)}</p>
      <h2 className="print-title">{t('sheet.title')}</h2>
      <p className="print-center">{t('sheet.subtitle', { campaign: v.campaign.name })}</p>
      <p>{t('sheet.guardian', { name: c?.guardian?.name ?? blank })}</p>
      <p>
        {t('sheet.relation', {
          relation: c?.guardian?.relation ? t(`relation.${c.guardian.relation}`) : blank,
        })}
      </p>
      <p>
        {t('sheet.student', {
          name: v.child.fullName,
          birth: v.child.birthDate ? dateText(v.child.birthDate) : blank,
          className: v.child.className ?? blank,
          code: v.code,
        })}
      </p>
      <p>{t('sheet.agree')}</p>
      <p>
        {tick('help')} {t('consent.covers.help')}
        <br />
        {tick('schoolProcessing')} {t('consent.covers.schoolProcessing')}
        <br />
        {tick('officeSharing')} {t('consent.covers.officeSharing')}
      </p>
      <p className="print-small">{t('sheet.rights')}</p>
      <p>
        {c?.childAgreed ? '☑' : '☐'} {t('sheet.child')}
        {c && !c.childConsentRequired ? ` ${t('sheet.childNotNeeded')}` : ''}
      </p>
      <p className="print-right">
        {t('sheet.place', {
          day: on ? on.slice(8, 10) : '……',
          month: on ? on.slice(5, 7) : '……',
          year: on ? on.slice(0, 4) : '……',
        })}
      </p>
      <div className="print-signatures">
        <div>
          <div className="print-strong">{t('sheet.signGuardian')}</div>
          <div className="print-small">{t('sheet.signHint')}</div>
          <div className="print-sign-space" />
          <div>{c?.guardian?.name ?? ''}</div>
        </div>
        <div>
          <div className="print-strong">{t('sheet.signChild')}</div>
          <div className="print-small">{t('sheet.signHint')}</div>
        </div>
        <div>
          <div className="print-strong">{t('sheet.signSchool')}</div>
          <div className="print-small">{t('sheet.signHint')}</div>
        </div>
      </div>
    </section>
  );
}

/**
 * The consent form to print (window.print): the school's header, what is asked, the family's
 * rights, signatures — two copies, the school's and the family's, each on its own page.
 */
export default function ConsentFormPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const q = useQuery(trpc.consent.get.queryOptions({ caseId }, { enabled: caseId !== '' }));
  if (q.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (q.isError)
    return <Alert color="red">{t('loadError', { message: errorMessage(q.error, i18n.language) })}</Alert>;
  return (
    <div className="print-page" data-testid="consent-form-page">
      <Group className="no-print" mb="md">
        <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
          ← {t('back')}
        </Anchor>
        <Button size="xs" onClick={() => window.print()} data-testid="print">
          {t('print')}
        </Button>
      </Group>
      <Sheet v={q.data} copy="schoolCopy" />
      <Sheet v={q.data} copy="familyCopy" />
    </div>
  );
}
