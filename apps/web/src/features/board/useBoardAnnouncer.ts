import type { BoardCard } from '@donghanh/domain';
import { useEffect, useRef, useState } from 'react';
import { boardAnnouncement } from './announce';

/** Events that arrive within this window are read out as one sentence. */
const GATHER_MS = 1200;

/**
 * The sentence for the board's polite live region: changes since the last announcement,
 * gathered for a moment so a burst of events is one message. The first load is not announced.
 */
export function useBoardAnnouncer(cards: ReadonlyMap<string, BoardCard> | undefined, lang: 'vi' | 'en') {
  const [message, setMessage] = useState('');
  const baseline = useRef<ReadonlyMap<string, BoardCard> | null>(null);
  useEffect(() => {
    if (!cards) return;
    if (!baseline.current) {
      baseline.current = cards;
      return;
    }
    const timer = setTimeout(() => {
      const said = boardAnnouncement(baseline.current ?? cards, cards, lang);
      baseline.current = cards;
      if (said) setMessage(said);
    }, GATHER_MS);
    return () => clearTimeout(timer);
  }, [cards, lang]);
  return message;
}
