import type { BoardCard } from '@donghanh/domain';
import { LIVE_EVENT, LIVE_REMOVED, type LiveCaseEvent, type LiveCaseRemoved } from '@donghanh/domain';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { setLiveCursor, useLiveSocket } from '../../shell/live-socket';
import { useTRPC } from '../../trpc';
import { applyLiveEvent, applyLiveRemoval, type BoardState, initialBoard } from './board-state';

export type LiveStatus = 'connecting' | 'live' | 'paused';

/**
 * Loads the board once, then follows the live feed from the cursor the load returned. On
 * reconnect the socket sends the cursor of the last event applied and is replayed what it
 * missed, so the board catches up without a reload.
 */
export function useLiveBoard(onSessionEnded: () => void) {
  const trpc = useTRPC();
  const initial = useQuery({ ...trpc.board.cards.queryOptions({}), staleTime: Number.POSITIVE_INFINITY });
  return {
    ...useLiveCards(initial, { onEnded: onSessionEnded }),
    named: initial.data?.named ?? false,
    truncated: initial.data?.truncated ?? false,
  };
}

/**
 * The cards a query loaded, kept live from its cursor. `wall`: a wall display's socket, held by
 * the display cookie (issue 14); it ends on `DISPLAY_NOT_PAIRED` (revoked) instead of sign-out.
 */
export function useLiveCards(
  initial: UseQueryResult<{ cards: BoardCard[]; cursor: string }, { message: string }>,
  o: { onEnded: () => void; wall?: boolean },
) {
  const { onEnded: onSessionEnded } = o;
  const wall = o.wall === true;
  const [state, setState] = useState<BoardState | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const stateRef = useRef<BoardState | null>(null);
  stateRef.current = state;
  const ended = useRef(onSessionEnded);
  ended.current = onSessionEnded;

  useEffect(() => {
    if (initial.data && !stateRef.current) setState(initialBoard(initial.data.cards, initial.data.cursor));
  }, [initial.data]);

  const refetch = initial.refetch;
  const reload = useRef(async () => {
    const r = await refetch();
    return r.data ? initialBoard(r.data.cards, r.data.cursor) : null;
  });
  const ready = state !== null;
  // The dashboard's one socket (shared with the bell), taken once the cards are loaded; a wall
  // display's own socket, held by its display cookie.
  const socket = useLiveSocket(ready, wall);
  useEffect(() => {
    if (!socket) return;
    // Evaluated on every (re)connect: always resume from the last event applied.
    setLiveCursor(() => stateRef.current?.cursor ?? undefined);
    const onConnect = () => setStatus('connecting');
    const onReady = (r: { cursor?: string }) => {
      // The replay read up to here: the next reconnect resumes from it, not from the last card.
      if (r?.cursor) setState((s) => (s && r.cursor ? { ...s, cursor: r.cursor } : s));
      setStatus('live');
    };
    const onResync = () => {
      // Too far behind to replay (a board closed for long): reload the cards, then reconnect.
      void reload.current().then((fresh) => {
        if (fresh) {
          stateRef.current = fresh;
          setState(fresh);
        }
        socket.connect();
      });
    };
    const onDisconnect = () => setStatus('paused');
    const onConnectError = (err: Error) => {
      setStatus('paused');
      // Signed out elsewhere or expired: back to the sign-in screen instead of retrying forever.
      if (err.message === 'UNAUTHENTICATED' || err.message === 'DISPLAY_NOT_PAIRED') ended.current();
    };
    const onLiveError = (e: { code?: string }) => {
      if (e?.code === 'UNAUTHENTICATED' || e?.code === 'DISPLAY_NOT_PAIRED') ended.current();
    };
    // While the cards are read again (below), frames wait and are applied on top of the fresh cards.
    let waiting: ((s: BoardState) => BoardState)[] | null = null;
    const apply = (f: (s: BoardState) => BoardState) => {
      if (waiting) waiting.push(f);
      else setState((s) => (s ? f(s) : s));
    };
    const onEvent = (e: LiveCaseEvent) => apply((s) => applyLiveEvent(s, e, Date.now()));
    const onRemoved = (e: LiveCaseRemoved) => apply((s) => applyLiveRemoval(s, e));
    socket.on('connect', onConnect);
    socket.on('live-ready', onReady);
    socket.on('resync', onResync);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('live-error', onLiveError);
    socket.on(LIVE_EVENT, onEvent);
    socket.on(LIVE_REMOVED, onRemoved);
    // Opened earlier without the board's cursor (by the bell): the server will not replay what
    // happened since the cards were read, so read them again now that every frame is heard, and
    // apply what arrives meanwhile on top (frames are idempotent by id and card version). The
    // page keeps its one connection; a later reconnect sends the cursor and is replayed.
    if (socket.active) {
      waiting = [];
      void reload.current().then((fresh) => {
        const pending = waiting ?? [];
        waiting = null;
        if (!fresh) {
          for (const f of pending) setState((s) => (s ? f(s) : s));
          return;
        }
        const next = pending.reduce((s, f) => f(s), fresh);
        stateRef.current = next;
        setState(next);
        if (socket.connected) setStatus('live');
      });
    }
    return () => {
      setLiveCursor(null);
      socket.off('connect', onConnect);
      socket.off('live-ready', onReady);
      socket.off('resync', onResync);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('live-error', onLiveError);
      socket.off(LIVE_EVENT, onEvent);
      socket.off(LIVE_REMOVED, onRemoved);
    };
  }, [socket]);

  return {
    state,
    status,
    error: initial.error,
    loading: initial.isLoading,
  };
}
