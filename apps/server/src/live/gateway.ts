import type { Server as HttpServer } from 'node:http';
import {
  cursorAfter,
  decodeCursor,
  encodeCursor,
  type FeedCursor,
  type FeedEvent,
  readFeed,
} from '@donghanh/db';
import { LIVE_EVENT, type LiveCaseEvent } from '@donghanh/domain';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { CaseEventTailer } from './case-event-tailer';

const handshakeSchema = z.object({
  cursor: z.string().max(50).optional(),
  schoolIds: z.array(z.string().max(64)).max(500).optional(),
});

export function toLiveEvent(e: FeedEvent): LiveCaseEvent {
  return {
    id: e.id.toString(),
    cursor: encodeCursor({ txid: e.txid, id: e.id }),
    caseId: e.caseId,
    type: e.type,
    at: e.createdAt.toISOString(),
    // Cards are pseudonymous (code, class, school): no name leaves the server on this channel.
    card: e.card,
  };
}

interface Subscriber {
  socket: Socket;
  lastSent: FeedCursor;
  replaying: boolean;
  buffer: FeedEvent[];
  wants: (e: FeedEvent) => boolean;
}

/**
 * socket.io gateway: each socket gets the events it may see, in feed order, exactly once. A
 * (re)connecting client sends the cursor of the last event it has; it is replayed what it
 * missed from the table, then continues live without a gap or a duplicate.
 */
export function attachLiveGateway(http: HttpServer, tailer: CaseEventTailer): Server {
  const io = new Server(http, { path: '/socket.io', serveClient: false, cors: { origin: false } });
  const subscribers = new Map<string, Subscriber>();

  const send = (s: Subscriber, e: FeedEvent) => {
    const at = { txid: e.txid, id: e.id };
    if (!cursorAfter(at, s.lastSent) || !s.wants(e)) return;
    s.lastSent = at;
    s.socket.emit(LIVE_EVENT, toLiveEvent(e));
  };

  tailer.subscribe((events) => {
    for (const s of subscribers.values()) {
      if (s.replaying) s.buffer.push(...events);
      else for (const e of events) send(s, e);
    }
  });

  io.on('connection', (socket) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) {
      socket.emit('live-error', { code: 'VALIDATION_FAILED', message: 'Tham số kết nối không hợp lệ' });
      socket.disconnect(true);
      return;
    }
    const from = parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null;
    const schools = parsed.data.schoolIds ? new Set(parsed.data.schoolIds) : null;
    const sub: Subscriber = {
      socket,
      lastSent: from ?? tailer.position,
      replaying: from !== null,
      buffer: [],
      wants: (e) => !schools || schools.has(e.card.schoolId),
    };
    subscribers.set(socket.id, sub);
    socket.on('disconnect', () => subscribers.delete(socket.id));
    if (sub.replaying) {
      void replay(sub).catch(() => socket.disconnect(true));
    } else {
      socket.emit('live-ready', { cursor: encodeCursor(sub.lastSent) });
    }
  });

  async function replay(sub: Subscriber): Promise<void> {
    let at = sub.lastSent;
    for (;;) {
      const { events, next, more } = await readFeed(tailer.db, at);
      for (const e of events) send(sub, e);
      at = next;
      if (!more) break;
    }
    for (const e of sub.buffer) send(sub, e);
    sub.buffer = [];
    sub.replaying = false;
    sub.socket.emit('live-ready', { cursor: encodeCursor(sub.lastSent) });
  }

  return io;
}
