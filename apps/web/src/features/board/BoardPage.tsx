import {
  BOARD_STAGES,
  type BoardCard,
  CASE_CATEGORY_LABELS,
  CASE_STAGE_LABELS,
  compareVietnameseNames,
} from '@donghanh/domain';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../shell/session';
import { type LiveStatus, useLiveBoard } from './useLiveBoard';

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Đang kết nối…',
  live: 'Trực tiếp',
  paused: 'Mất kết nối — đang thử lại, bảng sẽ tự cập nhật',
};

const HIGHLIGHT_MS = 2500;

export function BoardPage() {
  const { sessionEnded } = useSession();
  const { state, status, error, loading, named } = useLiveBoard(sessionEnded);
  // Presentation mode (wall screen, meeting projector): no child's name on any card.
  const [presenting, setPresenting] = useState(false);
  const showNames = named && !presenting;
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);

  const columns = useMemo(() => {
    const byStage = new Map(BOARD_STAGES.map((s) => [s, [] as BoardCard[]]));
    for (const card of state?.cards.values() ?? []) byStage.get(card.stage)?.push(card);
    for (const list of byStage.values())
      list.sort((a, b) => compareVietnameseNames(a.className, b.className) || a.code.localeCompare(b.code));
    return byStage;
  }, [state]);

  return (
    <div className="board-page">
      <header className="top">
        <h1>Bảng theo dõi hồ sơ</h1>
        <span className={`live live-${status}`} data-testid="live-status" data-status={status} role="status">
          <span className="dot" /> {STATUS_TEXT[status]}
        </span>
        <span className="who">
          {named && (
            <button type="button" onClick={() => setPresenting((p) => !p)} aria-pressed={presenting}>
              {presenting ? 'Thoát chế độ trình chiếu' : 'Chế độ trình chiếu'}
            </button>
          )}
        </span>
      </header>
      <p className="privacy" data-testid="privacy-note">
        {showNames
          ? 'Tên học sinh chỉ hiện cho cán bộ của trường và giáo viên phụ trách. / Names are shown to the school’s staff only.'
          : 'Bảng chỉ hiện mã hồ sơ, lớp và trường — không hiện tên học sinh. / Cards show case codes only.'}
      </p>
      {loading && <p className="empty">Đang tải…</p>}
      {error && (
        <p className="error" role="alert">
          Không tải được bảng: {error.message}
        </p>
      )}
      <main className="board" data-testid="board">
        {BOARD_STAGES.map((stage) => {
          const cards = columns.get(stage) ?? [];
          return (
            <section
              key={stage}
              className="column"
              data-stage={stage}
              aria-label={CASE_STAGE_LABELS[stage].vi}
            >
              <h2>
                {CASE_STAGE_LABELS[stage].vi} <span className="count">{cards.length}</span>
              </h2>
              {cards.length === 0 && <p className="empty">Chưa có hồ sơ</p>}
              {cards.map((c) => {
                const at = state?.highlighted.get(c.caseId);
                const fresh = at !== undefined && Date.now() - at < HIGHLIGHT_MS;
                return (
                  <article
                    key={c.caseId}
                    className={`card${fresh ? ' fresh' : ''}`}
                    data-testid="case-card"
                    data-case-id={c.caseId}
                    data-code={c.code}
                  >
                    <strong>{c.code}</strong>
                    {showNames && c.studentName && (
                      <span className="name" data-testid="student-name">
                        {c.studentName}
                      </span>
                    )}
                    <span className="where">
                      Lớp {c.className} · {c.schoolName}
                    </span>
                    {(c.riskLevel === 'high' || c.overdue) && (
                      <span className="flags">
                        {c.riskLevel === 'high' && <span className="flag risk">Nguy cơ cao</span>}
                        {c.overdue && <span className="flag overdue">Quá hạn</span>}
                      </span>
                    )}
                    <span className="tags">
                      {c.categories.map((k) => (
                        <span key={k} className="tag">
                          {CASE_CATEGORY_LABELS[k].vi}
                        </span>
                      ))}
                    </span>
                  </article>
                );
              })}
            </section>
          );
        })}
      </main>
    </div>
  );
}
