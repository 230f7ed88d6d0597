import type { BoardCard } from '@donghanh/domain';
import { LIVE_EVENT, LIVE_REMOVED, type LiveCaseEvent, type LiveCaseRemoved } from '@donghanh/domain';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
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
  useEffect(() => {
    if (!ready) return;
    const socket: Socket = io({
      path: '/socket.io',
      transports: ['websocket'],
      // Evaluated on every (re)connect: always resume from the last event applied.
      auth: (cb) => cb({ cursor: stateRef.current?.cursor ?? undefined, ...(wall ? { wall: true } : {}) }),
    });
    socket.on('connect', () => setStatus('connecting'));
    socket.on('live-ready', (r: { cursor?: string }) => {
      // The replay read up to here: the next reconnect resumes from it, not from the last card.
      if (r?.cursor) setState((s) => (s && r.cursor ? { ...s, cursor: r.cursor } : s));
      setStatus('live');
    });
    socket.on('resync', () => {
      // Too far behind to replay (a board closed for long): reload the cards, then reconnect.
      void reload.current().then((fresh) => {
        if (fresh) {
          stateRef.current = fresh;
          setState(fresh);
        }
        socket.connect();
      });
    });
    socket.on('disconnect', () => setStatus('paused'));
    socket.on('connect_error', (err) => {
      setStatus('paused');
      // Signed out elsewhere or expired: back to the sign-in screen instead of retrying forever.
      if (err.message === 'UNAUTHENTICATED' || err.message === 'DISPLAY_NOT_PAIRED') ended.current();
    });
    socket.on('live-error', (e: { code?: string }) => {
      if (e?.code === 'UNAUTHENTICATED' || e?.code === 'DISPLAY_NOT_PAIRED') ended.current();
    });
    socket.on(LIVE_EVENT, (e: LiveCaseEvent) => {
      setState((s) => (s ? applyLiveEvent(s, e, Date.now()) : s));
    });
    socket.on(LIVE_REMOVED, (e: LiveCaseRemoved) => {
      setState((s) => (s ? applyLiveRemoval(s, e) : s));
    });
    return () => {
      socket.close();
    };
  }, [ready, wall]);

  return {
    state,
    status,
    error: initial.error,
    loading: initial.isLoading,
  };
}
