import { type BoardCard, CASE_STAGE_LABELS } from '@donghanh/domain';

/** How many changes one announcement names before it says "and N more". */
const NAMED = 3;

const WORDS = {
  vi: {
    moved: (code: string, stage: string) => `Hồ sơ ${code} chuyển sang ${stage}`,
    added: (code: string, stage: string) => `Hồ sơ mới ${code} ở bước ${stage}`,
    removed: (code: string) => `Hồ sơ ${code} không còn trên bảng`,
    more: (n: number) => `và ${n} hồ sơ khác thay đổi`,
  },
  en: {
    moved: (code: string, stage: string) => `Case ${code} moved to ${stage}`,
    added: (code: string, stage: string) => `New case ${code} in ${stage}`,
    removed: (code: string) => `Case ${code} left the board`,
    more: (n: number) => `and ${n} more ${n === 1 ? 'case' : 'cases'} changed`,
  },
} as const;

/**
 * What a screen reader hears when live events change the board: one sentence for the batch
 * ("Hồ sơ HS-… chuyển sang Lập kế hoạch"), never card by card, and only codes (no child's name).
 * Cards that changed without changing column (a risk, a helper) are not announced. Pure.
 */
export function boardAnnouncement(
  before: ReadonlyMap<string, BoardCard>,
  after: ReadonlyMap<string, BoardCard>,
  lang: 'vi' | 'en',
): string {
  const w = WORDS[lang];
  const stage = (c: BoardCard) => CASE_STAGE_LABELS[c.stage]?.[lang] ?? c.stage;
  const changes: string[] = [];
  for (const [id, card] of after) {
    const old = before.get(id);
    if (!old) changes.push(w.added(card.code, stage(card)));
    else if (old.stage !== card.stage) changes.push(w.moved(card.code, stage(card)));
  }
  for (const [id, card] of before) if (!after.has(id)) changes.push(w.removed(card.code));
  if (changes.length === 0) return '';
  const named = changes.slice(0, NAMED).join('; ');
  return changes.length > NAMED ? `${named}; ${w.more(changes.length - NAMED)}.` : `${named}.`;
}
