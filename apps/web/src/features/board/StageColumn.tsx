import { type BoardCard, CASE_STAGE_LABELS, type CaseStage } from '@donghanh/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { CaseCard } from './CaseCard';

/** Past this many cards a column renders only what is on screen (a province board: 2,000+). */
export const VIRTUAL_THRESHOLD = 60;
const HIGHLIGHT_MS = 2500;

interface Props {
  stage: CaseStage;
  cards: BoardCard[];
  highlighted: ReadonlyMap<string, number>;
  showNames: boolean;
  /** False when the board holds one school: its name would repeat on every card. */
  showSchool?: boolean;
  now: number;
}

export function StageColumn({ stage, cards, highlighted, showNames, showSchool = true, now }: Props) {
  const { t } = useTranslation('board');
  const label = CASE_STAGE_LABELS[stage][currentLocale()];
  const fresh = (c: BoardCard) => {
    const at = highlighted.get(c.caseId);
    return at !== undefined && now - at < HIGHLIGHT_MS;
  };
  return (
    <section className="column" data-stage={stage} aria-label={label}>
      <h2>
        {label} <span className="count">{cards.length}</span>
      </h2>
      {cards.length === 0 && <p className="empty">{t('noCases')}</p>}
      {cards.length > VIRTUAL_THRESHOLD ? (
        <VirtualCards cards={cards} fresh={fresh} showNames={showNames} showSchool={showSchool} />
      ) : (
        cards.map((c) => (
          <CaseCard key={c.caseId} card={c} fresh={fresh(c)} showName={showNames} showSchool={showSchool} />
        ))
      )}
    </section>
  );
}

function VirtualCards({
  cards,
  fresh,
  showNames,
  showSchool,
}: {
  cards: BoardCard[];
  fresh: (c: BoardCard) => boolean;
  showNames: boolean;
  showSchool: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 104,
    overscan: 8,
    getItemKey: (i) => cards[i]?.caseId ?? i,
  });
  return (
    <div ref={scroller} className="column-scroll" data-testid="virtual-column">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const card = cards[item.index];
          if (!card) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtual.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <CaseCard card={card} fresh={fresh(card)} showName={showNames} showSchool={showSchool} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
