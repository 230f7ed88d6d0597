import { useTranslation } from 'react-i18next';
import { NS } from './strings';

/**
 * The top of every printed sheet: the office and the school on the left, the national motto on
 * the right, then the place and day ("…, ngày dd tháng mm năm yyyy").
 */
export function Letterhead({
  header,
  today,
}: {
  header: { parentUnit?: string | null; school: string };
  today: string;
}) {
  const { t } = useTranslation(NS);
  const [year, month, day] = today.split('-');
  return (
    <>
      <div className="print-header">
        <div>
          <div>{(header.parentUnit ?? '').toUpperCase()}</div>
          <div className="print-strong">{header.school.toUpperCase()}</div>
        </div>
        <div>
          <div className="print-strong">{t('nation')}</div>
          <div className="print-motto">{t('motto')}</div>
        </div>
      </div>
      <p className="print-right">{t('place', { day, month, year })}</p>
    </>
  );
}
