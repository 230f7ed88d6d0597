import { LIVE_EVENT, LIVE_REMOVED, type LiveCaseEvent, type LiveCaseRemoved } from '@donghanh/domain';
import { useQuery } from '@tanstack/react-query';
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
      auth: (cb) => cb({ cursor: stateRef.current?.cursor ?? undefined }),
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
      if (err.message === 'UNAUTHENTICATED') ended.current();
    });
    socket.on('live-error', (e: { code?: string }) => {
      if (e?.code === 'UNAUTHENTICATED') ended.current();
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
  }, [ready]);

  return {
    state,
    status,
    error: initial.error,
    loading: initial.isLoading,
    named: initial.data?.named ?? false,
    truncated: initial.data?.truncated ?? false,
  };
}
