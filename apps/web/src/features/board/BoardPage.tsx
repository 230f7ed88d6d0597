import { BOARD_STAGES, type BoardCard } from '@donghanh/domain';
import { Alert, Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../shell/session';
import { MeetingListLinks } from '../print/MeetingListLinks';
import './strings';
import { BoardFilters } from './BoardFilters';
import {
  type BoardFilter,
  filterFromParams,
  filterOptions,
  matchesFilter,
  matchesSearch,
  paramsFromFilter,
} from './board-filter';
import { StageColumn } from './StageColumn';
import { useBoardAnnouncer } from './useBoardAnnouncer';
import { useLiveBoard } from './useLiveBoard';

/** Classes in natural order (6A, 7B … 10A1), with one collator: this sort runs on every event. */
const byClass = new Intl.Collator('vi', { numeric: true });

/** The live board: columns by stage, filters, cards that move as events arrive. */
export function BoardPage() {
  const { t, i18n } = useTranslation('board');
  const { sessionEnded } = useSession();
  const { state, status, error, loading, named, truncated } = useLiveBoard(sessionEnded);
  // Presentation mode (wall screen, meeting projector): no child's name on any card.
  const [presenting, setPresenting] = useState(false);
  // wall (issue 14): the filters live in the address, so a reload or a shared link keeps them.
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const setFilter = useCallback(
    (f: BoardFilter) => setParams(paramsFromFilter(f), { replace: true }),
    [setParams],
  );
  const [search, setSearch] = useState('');
  const showNames = named && !presenting;
  // Re-render each second only while a highlight is fading.
  const [now, setNow] = useState(() => Date.now());
  const fading = state ? [...state.highlighted.values()].some((at) => now - at < 3000) : false;
  useEffect(() => {
    if (!fading) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [fading]);
  useEffect(() => {
    if (state) setNow(Date.now());
  }, [state]);

  const all = state?.cards;
  // a11y: live changes are read out politely, one summary per burst, not card by card.
  const announcement = useBoardAnnouncer(all, i18n.language === 'en' ? 'en' : 'vi');
  const options = useMemo(() => filterOptions(all?.values() ?? []), [all]);
  const { columns, shown, total } = useMemo(() => {
    const byStage = new Map(BOARD_STAGES.map((s) => [s, [] as BoardCard[]]));
    let shown = 0;
    let total = 0;
    for (const card of all?.values() ?? []) {
      const list = byStage.get(card.stage);
      if (!list) continue; // declined cases have no column
      total++;
      if (!matchesFilter(card, filter) || !matchesSearch(card, search, showNames)) continue;
      list.push(card);
      shown++;
    }
    for (const list of byStage.values())
      list.sort(
        (a, b) =>
          byClass.compare(a.className, b.className) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      );
    return { columns: byStage, shown, total };
  }, [all, filter, search, showNames]);
  // One school on the board: its name on every card says nothing.
  const oneSchool = options.schools.size <= 1;

  return (
    <div className="board-page">
      <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
        <Title order={1} size="h3">
          {t('title')}
        </Title>
        <Group gap="xs">
          <span
            className={`live live-${status}`}
            data-testid="live-status"
            data-status={status}
            role="status"
          >
            <span className="dot" /> {t(`status.${status}`)}
          </span>
          {named && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setPresenting((p) => !p)}
              aria-pressed={presenting}
            >
              {presenting ? t('stopPresenting') : t('present')}
            </Button>
          )}
          {!presenting && <MeetingListLinks />}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="privacy-note" mb="xs">
        {showNames ? t('privacyNamed') : t('privacyMasked')}
      </Text>
      {!presenting && (
        <Group gap="xs" align="end" wrap="wrap">
          <TextInput
            size="xs"
            type="search"
            label={t('search.label')}
            placeholder={showNames ? t('search.named') : t('search.masked')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={80}
            w={240}
            data-testid="board-search"
          />
          <BoardFilters value={filter} onChange={setFilter} options={options} />
        </Group>
      )}
      {all && (
        <Text size="xs" c="dimmed" mt={4} data-testid="board-count">
          {t('filters.shown', { shown, total })}
        </Text>
      )}
      {truncated && (
        <Alert color="yellow" mt="xs">
          {t('truncated')}
        </Alert>
      )}
      {loading && <Text c="dimmed">…</Text>}
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {t('loadError')}: {error.message}
        </Alert>
      )}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="board-announcer">
        {announcement}
      </div>
      <section className="board" data-testid="board" aria-label={t('columns')}>
        {BOARD_STAGES.map((stage) => (
          <StageColumn
            key={stage}
            stage={stage}
            cards={columns.get(stage) ?? []}
            highlighted={state?.highlighted ?? new Map()}
            showNames={showNames}
            showSchool={!oneSchool}
            now={now}
          />
        ))}
      </section>
    </div>
  );
}
