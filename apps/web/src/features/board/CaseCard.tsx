import { type BoardCard, CASE_CATEGORY_LABELS } from '@donghanh/domain';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n';
import { placeText } from '../../shared/format';

/** One card: the case code always, the child's name only when the server sent it and allowed. */
export const CaseCard = memo(function CaseCard({
  card,
  fresh,
  showName,
  showSchool = true,
}: {
  card: BoardCard;
  fresh: boolean;
  showName: boolean;
  showSchool?: boolean;
}) {
  const { t } = useTranslation('board');
  const l = currentLocale();
  return (
    <Link
      to={`/cases/${card.caseId}`}
      className={`card${fresh ? ' fresh' : ''}`}
      data-testid="case-card"
      data-case-id={card.caseId}
      data-code={card.code}
      data-version={card.version}
    >
      <strong>{card.code}</strong>
      {showName && card.studentName && (
        <span className="name" data-testid="student-name">
          {card.studentName}
        </span>
      )}
      <span className="where">
        {placeText(card.className, showSchool ? card.schoolName : null, t('classPrefix'))}
      </span>
      {card.helperName && <span className="where">{card.helperName}</span>}
      {(card.riskLevel === 'high' || card.overdue) && (
        <span className="flags">
          {card.riskLevel === 'high' && <span className="flag risk">{t('risk.high')}</span>}
          {card.overdue && <span className="flag overdue">{t('overdue')}</span>}
        </span>
      )}
      <span className="tags">
        {card.categories.map((k) => (
          <span key={k} className="tag">
            {CASE_CATEGORY_LABELS[k][l]}
          </span>
        ))}
      </span>
    </Link>
  );
});
