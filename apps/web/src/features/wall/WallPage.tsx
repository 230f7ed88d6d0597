import '@mantine/core/styles.layer.css';
import { BOARD_STAGES, type BoardCard, CASE_CATEGORY_LABELS, CASE_STAGE_LABELS } from '@donghanh/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useTRPC } from '../../trpc';
import { useLiveCards } from '../board/useLiveBoard';
import '../board/strings';
import './strings';
import './wall.css';

/** How many cards a column shows before "+N more": a wall is read, not scrolled. */
export const WALL_CARDS_PER_COLUMN = 8;
const byClass = new Intl.Collator('vi', { numeric: true });

/**
 * The wall display (issue 14): the masked board of one unit, full screen, in type readable
 * across a room, with nothing to click through — no menu, no sign-out, no link. It is held by
 * the display cookie, never a person's session, and reads `wall.board` only, so a reload or a
 * power cut brings back the same masked board. `/wall#pair=<code>` pairs the screen once.
 */
export default function WallPage() {
  const { t } = useTranslation('wall');
  const trpc = useTRPC();
  const pairCode = useRef(pairCodeOf(window.location.hash));
  const pair = useMutation(trpc.wall.pair.mutationOptions());
  const [paired, setPaired] = useState(pairCode.current === null);
  useEffect(() => {
    const code = pairCode.current;
    if (!code) return;
    pairCode.current = null;
    // The code leaves the address bar before anything else: it pairs once and is then worthless.
    window.history.replaceState(null, '', '/wall');
    pair.mutate({ code }, { onSettled: () => setPaired(true) });
  }, [pair.mutate]);
  const board = useQuery({
    ...trpc.wall.board.queryOptions({}),
    enabled: paired,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [ended, setEnded] = useState(false);
  const live = useLiveCards(board, { wall: true, onEnded: () => setEnded(true) });
  useEffect(() => {
    document.title = board.data ? `${board.data.unitName} — ${t('title')}` : t('title');
  }, [board.data, t]);

  const notPaired =
    ended ||
    pair.isError ||
    (board.error as { data?: { appCode?: string } } | null)?.data?.appCode === 'DISPLAY_NOT_PAIRED';
  if (notPaired)
    return (
      <main className="wall wall-message" data-testid="wall-not-paired">
        <h1>{t('notPairedTitle')}</h1>
        {pair.isError && <p role="alert">{pair.error.message}</p>}
        <p>{t('notPaired')}</p>
      </main>
    );
  if (!paired || board.isLoading)
    return (
      <main className="wall wall-message">
        <p>{t('pairing')}</p>
      </main>
    );
  if (board.error)
    return (
      <main className="wall wall-message">
        <p role="alert">
          {t('loadError')}: {board.error.message}
        </p>
      </main>
    );
  return (
    <WallBoard
      cards={[...(live.state?.cards.values() ?? [])]}
      title={board.data ? `${board.data.unitName} · ${board.data.label}` : ''}
      status={live.status}
    />
  );
}

export function pairCodeOf(hash: string): string | null {
  const m = /^#pair=([A-Za-z0-9_-]{1,64})$/.exec(hash);
  return m?.[1] ?? null;
}

function WallBoard({ cards, title, status }: { cards: BoardCard[]; title: string; status: string }) {
  const { t } = useTranslation('wall');
  const { t: tb } = useTranslation('board');
  const l = currentLocale();
  const oneSchool = new Set(cards.map((c) => c.schoolId)).size <= 1;
  const columns = useMemo(() => {
    const byStage = new Map(BOARD_STAGES.map((s) => [s, [] as BoardCard[]]));
    for (const c of cards) byStage.get(c.stage)?.push(c);
    for (const list of byStage.values())
      list.sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          Number(b.riskLevel === 'high') - Number(a.riskLevel === 'high') ||
          byClass.compare(a.className, b.className) ||
          (a.code < b.code ? -1 : 1),
      );
    return byStage;
  }, [cards]);
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-head">
        <h1>{title}</h1>
        <p className="wall-masked" data-testid="wall-masked">
          {t('masked')}
        </p>
        <span className={`live live-${status}`} data-testid="live-status" data-status={status} role="status">
          <span className="dot" /> {tb(`status.${status}`)}
        </span>
        {!full && document.fullscreenEnabled && (
          <button
            type="button"
            className="wall-full"
            onClick={() => void document.documentElement.requestFullscreen()}
          >
            {t('fullscreen')}
          </button>
        )}
      </header>
      <main className="wall-board" data-testid="board">
        {BOARD_STAGES.map((stage) => {
          const list = columns.get(stage) ?? [];
          const label = CASE_STAGE_LABELS[stage][l];
          return (
            <section key={stage} className="wall-column" data-stage={stage} aria-label={label}>
              <h2>
                {label} <span className="count">{list.length}</span>
              </h2>
              {list.length === 0 && <p className="empty">{t('noCases')}</p>}
              {list.slice(0, WALL_CARDS_PER_COLUMN).map((c) => (
                <div key={c.caseId} className="wall-card" data-testid="case-card" data-code={c.code}>
                  <strong>{c.code}</strong>
                  <span className="where">
                    {t('classPrefix')} {c.className}
                    {oneSchool ? '' : ` · ${c.schoolName}`}
                  </span>
                  {(c.riskLevel === 'high' || c.overdue) && (
                    <span className="flags">
                      {c.riskLevel === 'high' && <span className="flag risk">{tb('risk.high')}</span>}
                      {c.overdue && <span className="flag overdue">{tb('overdue')}</span>}
                    </span>
                  )}
                  <span className="tags">
                    {c.categories.map((k) => (
                      <span key={k} className="tag">
                        {CASE_CATEGORY_LABELS[k][l]}
                      </span>
                    ))}
                  </span>
                </div>
              ))}
              {list.length > WALL_CARDS_PER_COLUMN && (
                <p className="wall-more">{t('more', { count: list.length - WALL_CARDS_PER_COLUMN })}</p>
              )}
            </section>
          );
        })}
      </main>
    </div>
  );
}
