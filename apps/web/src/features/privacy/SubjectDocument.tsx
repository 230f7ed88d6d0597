import { useTranslation } from 'react-i18next';
import { dateText, dateTimeText, num, vnd } from '../../shared/format';
import { NS } from './strings';
import type { SubjectDocument as Doc } from './types';

const json = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** Everything held about the child, laid out to print and hand to the guardian. */
export function SubjectDocument({
  doc,
  header,
}: {
  doc: Doc;
  header: { school: string; parentUnit: string | null };
}) {
  const { t } = useTranslation(NS);
  const none = <p>{t('document.none')}</p>;
  return (
    <section className="print-sheet" data-testid="subject-document">
      <div className="print-header">
        <div className="print-header-left">
          <div>{(header.parentUnit ?? '').toUpperCase()}</div>
          <div className="print-strong">{header.school.toUpperCase()}</div>
        </div>
        <div className="print-header-right">
          <div className="print-strong">{t('sheet.nation')}</div>
          <div className="print-motto">{t('sheet.motto')}</div>
        </div>
      </div>
      <h2 className="print-title">{t('document.title')}</h2>
      <p className="print-center">
        {t('document.generated', { time: dateTimeText(doc.generatedAt), name: doc.generatedBy })}
      </p>
      <h3>{t('document.identity')}</h3>
      <table>
        <tbody>
          <tr>
            <th>Họ và tên / Name</th>
            <td data-testid="document-name">{doc.identity.fullName}</td>
          </tr>
          <tr>
            <th>Ngày sinh / Birth date</th>
            <td>{dateText(doc.identity.birthDate)}</td>
          </tr>
          <tr>
            <th>Giới tính / Gender</th>
            <td>{doc.identity.gender ?? ''}</td>
          </tr>
          <tr>
            <th>Dân tộc / Ethnicity</th>
            <td>{doc.identity.ethnicity ?? ''}</td>
          </tr>
          <tr>
            <th>Mã định danh / Ministry id</th>
            <td>{doc.identity.moetCode ?? ''}</td>
          </tr>
          <tr>
            <th>Trường, lớp / School, class</th>
            <td>
              {doc.identity.school}, {doc.identity.className ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('document.family')}</th>
            <td>{doc.identity.family ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('document.cases')}</h3>
      {doc.cases.length === 0 && none}
      {doc.cases.map((c) => (
        <div key={c.caseId}>
          <p className="print-strong">
            {c.code} — {c.campaign} — {c.school} ({c.stage}) {dateText(c.openedAt)}
            {c.closedAt ? ` → ${dateText(c.closedAt)}` : ''}
          </p>
          <p>
            {t('document.helpers')}: {c.helpers.map((h) => `${h.name} (${h.status})`).join(', ') || '—'}
          </p>
          <p className="print-strong">{t('document.consents')}</p>
          {c.consent.length === 0
            ? none
            : c.consent.map((k) => (
                <p key={k.id}>
                  {dateText(k.givenOn)} —{' '}
                  {k.basis === 'consent'
                    ? `${k.guardian?.name ?? ''} (${k.guardian?.relation ?? ''})`
                    : `${k.legalBasis?.title} (${k.legalBasis?.reference})`}
                  {k.withdrawal ? ` — rút lại/withdrawn ${dateText(k.withdrawal.on)}` : ''}
                </p>
              ))}
          <p className="print-strong">{t('document.help')}</p>
          {c.helpReceived.length === 0
            ? none
            : c.helpReceived.map((h) => (
                <p key={h.month}>
                  {t('document.month', {
                    month: h.month,
                    hours: num(h.tutoringHours),
                    money: vnd(h.materialVnd),
                  })}
                </p>
              ))}
          <p className="print-strong">{t('document.evaluations')}</p>
          {c.evaluations.length === 0
            ? none
            : c.evaluations.map((e) => (
                <p key={`${e.term}-${e.version}`}>
                  {e.term} v{e.version} ({e.status}): {json(e.content)}
                </p>
              ))}
          <p className="print-strong">{t('document.history')}</p>
          <table>
            <tbody>
              {c.history.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and read once
                <tr key={i}>
                  <td>{dateTimeText(h.at)}</td>
                  <td>{h.type}</td>
                  <td>{h.by ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>{t('document.corrections')}</h3>
      {doc.corrections.length === 0
        ? none
        : doc.corrections.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: corrections are append-only
            <p key={i}>
              {dateTimeText(c.at)} — {c.field}: {c.from ?? ''} → {c.to ?? ''} ({c.reason ?? ''}) — {c.by}
            </p>
          ))}
      <h3>{t('document.reads')}</h3>
      <table data-testid="document-reads">
        <tbody>
          {doc.readsOfTheRecord.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the audit trail is append-only
            <tr key={i}>
              <td>{dateTimeText(r.at)}</td>
              <td>{r.by}</td>
              <td>{t(`document>actions>${r.action}`, { defaultValue: r.action, keySeparator: '>' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
