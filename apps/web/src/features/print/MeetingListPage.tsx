import { CASE_CATEGORY_LABELS, CASE_STAGE_LABELS, type CaseCategory, type CaseStage } from '@donghanh/domain';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pick } from '../../shared/format';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import '../privacy/print.css';
import './meeting-list.css';
import { Letterhead } from './Letterhead';
import { NS } from './strings';

/** 'YYYY-MM' → 'mm/yyyy'. */
const monthText = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '—');

/**
 * fix2: the school's list of pupils being helped, for the staff meeting, on A4 with the
 * letterhead and signature lines. The server decides, row by row, whether a name may be on the
 * paper (the identity rule's export surface) and records the print.
 */
export default function MeetingListPage() {
  const { schoolId = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const list = useMutation(trpc.board.printMeeting.mutationOptions());
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    list.mutate({ schoolId });
  }, [schoolId, list.mutate]);
  const d = list.data;
  const lang = i18n.language;
  return (
    <div className="print-page" data-testid="print-page">
      <Group className="no-print" mb="md">
        <Anchor component={Link} to="/board" size="sm">
          ← {t('meeting.back')}
        </Anchor>
        {d && (
          <Button size="sm" onClick={() => window.print()} data-testid="print">
            {t('print')}
          </Button>
        )}
      </Group>
      {list.error ? (
        <Alert color="red" role="alert" data-testid="print-refused">
          {t('refused', { message: errorMessage(list.error, lang) })}
        </Alert>
      ) : d ? (
        <section className="print-sheet print-meeting" data-testid="print-sheet-meeting" data-named={d.named}>
          <Letterhead header={d.header} today={d.today} />
          <h2 className="print-title">{t('meeting.title')}</h2>
          <p className="print-center">{t('meeting.subtitle')}</p>
          {!d.named && <p className="print-small">{t('meeting.masked')}</p>}
          {d.rows.length === 0 ? (
            <p>{t('meeting.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('meeting.col.no')}</th>
                  <th>{t('meeting.col.code')}</th>
                  {d.named && <th>{t('meeting.col.name')}</th>}
                  <th>{t('meeting.col.className')}</th>
                  <th>{t('meeting.col.categories')}</th>
                  <th>{t('meeting.col.helper')}</th>
                  <th>{t('meeting.col.stage')}</th>
                  <th>{t('meeting.col.lastCheckIn')}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r, i) => (
                  <tr key={r.caseId} data-testid="meeting-row">
                    <td>{i + 1}</td>
                    <td className="print-nowrap">{r.code}</td>
                    {d.named && <td className="print-nowrap">{r.studentName ?? ''}</td>}
                    <td className="print-nowrap">{r.className}</td>
                    <td>
                      {r.categories
                        .map((c) => pick(CASE_CATEGORY_LABELS[c as CaseCategory], lang, c))
                        .join(', ')}
                    </td>
                    <td>{r.helperName ?? '—'}</td>
                    <td>{pick(CASE_STAGE_LABELS[r.stage as CaseStage], lang, r.stage)}</td>
                    <td className="print-nowrap">{monthText(r.lastCheckIn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="print-signatures" data-testid="print-signatures">
            <div>
              <div className="print-strong">{t('signCoordinator')}</div>
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
      ) : (
        <Text c="dimmed">{t('loading')}</Text>
      )}
    </div>
  );
}
