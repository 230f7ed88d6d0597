import type { Server as HttpServer, IncomingMessage } from 'node:http';
import {
  boardScopeOf,
  type DisplaySession,
  resolveDisplayByHash,
  resolveDisplaySession,
  resolveSession,
  resolveSessionById,
  type SessionUser,
} from '@donghanh/api';
import {
  cursorAfter,
  type Db,
  decodeCursor,
  encodeCursor,
  type FeedCursor,
  type FeedEvent,
  readFeed,
  unreadNotificationCount,
} from '@donghanh/db';
import {
  type BoardScope,
  cardFor,
  cardViewFor,
  ERROR_MESSAGES,
  type ErrorCode,
  LIVE_EVENT,
  LIVE_NOTIFICATION,
  LIVE_REMOVED,
  LIVE_REPORT_STATUS,
  type LiveCaseEvent,
  type LiveCaseRemoved,
  type LiveNotification,
  type LiveReportStatus,
  maskedRoom,
  namedRoom,
  type ReportStatus,
  roomsOfCase,
  roomsOfFormer,
  roomsOfScope,
  wallCardFor,
  wallScope,
  wasInFormerAudience,
} from '@donghanh/domain';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { CaseEventTailer } from './case-event-tailer';

const handshakeSchema = z.object({
  cursor: z.string().max(50).optional(),
  /** Narrows the board to some schools; never widens it past the user's scope. */
  schoolIds: z.array(z.string().max(64)).max(500).optional(),
  /** wall: a wall display's socket, held by its display cookie and never by a person's session. */
  wall: z.literal(true).optional(),
});

export const LIVE_ERROR = 'live-error' as const;
export const LIVE_READY = 'live-ready' as const;
/** The client is too far behind to replay: reload the board (its cursor) and reconnect. */
export const LIVE_RESYNC = 'resync' as const;
const MAX_REPLAY_PAGES = 40;

export interface GatewayOptions {
  db: Db;
  /** Same rule as /trpc POSTs: a page of another website cannot open a socket with our cookie. */
  originAllowed: (req: IncomingMessage) => boolean;
  /** How often open sockets' sessions are checked again (sign-out, expiry, changed scope); 15 s. */
  sessionCheckMs?: number;
}

interface Subscriber {
  socket: Socket;
  sessionId: string;
  /** Null for a wall display's socket (issue 14), which `wall` then describes. */
  user: SessionUser | null;
  wall: (DisplaySession & { tokenHash: string }) | null;
  scope: BoardScope;
  lastSent: FeedCursor;
  replaying: boolean;
  buffer: FeedEvent[];
  schools: ReadonlySet<string> | null;
  /** Cases this socket was told had left it: told once, until the case comes back. */
  removed: Set<string>;
}

function liveError(code: ErrorCode) {
  const m = ERROR_MESSAGES[code];
  return Object.assign(new Error(code), { data: { code, message: m.vi, messageEn: m.en } });
}

/** The event as one subscriber may see it, or null when the case is outside their scope. */
function eventFor(s: Subscriber, e: FeedEvent): LiveCaseEvent | null {
  if (s.schools && !s.schools.has(e.card.schoolId)) return null;
  // A wall display: the rule on the `wall` surface, and the masked card's allow-list.
  const card = s.wall ? wallCardFor(s.scope, e.card, e.audience) : cardViewForSocket(s.scope, e);
  if (!card) return null;
  return {
    id: e.id.toString(),
    cursor: encodeCursor({ txid: e.txid, id: e.id }),
    caseId: e.caseId,
    type: e.type,
    at: e.createdAt.toISOString(),
    card,
  };
}

function cardViewForSocket(scope: BoardScope, e: FeedEvent) {
  const view = cardViewFor(scope, e.audience, 'socket');
  return view ? cardFor(e.card, view) : null;
}

/**
 * socket.io on the dashboard's session: the handshake's cookie must be a live session, the
 * socket joins the rooms of its user's scope (own schools named, office schools masked, own
 * cases), and each event goes only to sockets in the case's rooms, masked for their audience.
 * A (re)connecting client sends the cursor of the last event it has and is replayed what it
 * missed, filtered the same way, in feed order, exactly once.
 */
export function attachLiveGateway(http: HttpServer, tailer: CaseEventTailer, o: GatewayOptions): Server {
  const io = new Server(http, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    allowRequest: (req, callback) => callback(null, o.originAllowed(req)),
  });
  const subscribers = new Map<string, Subscriber>();
  /** Wall displays' sockets (issue 14), by socket id. */
  const walls = new Map<string, Subscriber>();

  const send = (s: Subscriber, e: FeedEvent) => {
    const at = { txid: e.txid, id: e.id };
    if (!cursorAfter(at, s.lastSent)) return;
    const event = eventFor(s, e);
    if (event) {
      s.lastSent = at;
      s.removed.delete(e.caseId);
      s.socket.emit(LIVE_EVENT, event);
      return;
    }
    // The case left this socket's audience (helper replaced, transferred, offer lapsed): the
    // board still shows the card, named perhaps, until it hears so.
    if (s.removed.has(e.caseId) || !wasInFormerAudience(s.scope, e.former)) return;
    s.lastSent = at;
    s.removed.add(e.caseId);
    const removal: LiveCaseRemoved = { id: e.id.toString(), cursor: encodeCursor(at), caseId: e.caseId };
    s.socket.emit(LIVE_REMOVED, removal);
  };

  const unsubscribe = tailer.subscribe((events) => {
    for (const e of events) {
      const seen = new Set<string>();
      for (const room of [...roomsOfCase(e.audience), ...roomsOfFormer(e.former)]) {
        for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const s = subscribers.get(id);
          if (!s) continue;
          if (s.replaying) s.buffer.push(e);
          else send(s, e);
        }
      }
      // Wall displays join no room (no report frames, no bell): offered every event of their
      // schools, and of the schools a case left.
      for (const s of walls.values()) {
        if (
          !s.scope.maskedSchoolIds.has(e.audience.schoolId) &&
          !e.former.schoolIds.some((id) => s.scope.maskedSchoolIds.has(id))
        )
          continue;
        if (s.replaying) s.buffer.push(e);
        else send(s, e);
      }
    }
  });

  /** When each user's access last changed: a socket whose session was read before is re-checked. */
  const accessChangedAt = new Map<string, number>();
  io.use((socket, next) => {
    socket.data.resolvedAt = Date.now();
    if ((socket.handshake.auth as { wall?: unknown } | undefined)?.wall === true) {
      // A wall display's socket: its display cookie alone, never the person's session beside it.
      resolveDisplaySession(o.db, socket.request.headers.cookie, new Date()).then(
        (display) => {
          if (!display) return next(liveError('DISPLAY_NOT_PAIRED'));
          socket.data.display = display;
          next();
        },
        () => next(liveError('INTERNAL')),
      );
      return;
    }
    resolveSession(o.db, socket.request.headers.cookie).then(
      (session) => {
        if (!session) return next(liveError('UNAUTHENTICATED'));
        if (session.user.mustChangePassword) return next(liveError('PASSWORD_CHANGE_REQUIRED'));
        socket.data.session = session;
        next();
      },
      () => next(liveError('INTERNAL')),
    );
  });

  io.on('connection', (socket) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth ?? {});
    const from = parsed.success && parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null;
    if (!parsed.success || (parsed.data.cursor && !from)) {
      socket.emit(LIVE_ERROR, liveError('VALIDATION_FAILED').data);
      socket.disconnect(true);
      return;
    }
    const display = socket.data.display as (DisplaySession & { tokenHash: string }) | undefined;
    if (display) {
      const sub: Subscriber = {
        socket,
        sessionId: display.tokenHash,
        user: null,
        wall: display,
        scope: wallScope(display.id, display.schoolIds),
        lastSent: from ?? tailer.position,
        replaying: from !== null,
        buffer: [],
        schools: null,
        removed: new Set(),
      };
      walls.set(socket.id, sub);
      const changed = Math.max(accessChangedAt.get(sub.scope.userId) ?? 0, accessChangedAt.get('*') ?? 0);
      if (changed >= (socket.data.resolvedAt as number)) recheck(new Set([sub.scope.userId]));
      socket.on('disconnect', () => walls.delete(socket.id));
      void (
        sub.replaying
          ? replay(sub)
          : Promise.resolve(socket.emit(LIVE_READY, { cursor: encodeCursor(sub.lastSent) }))
      ).catch(() => socket.disconnect(true));
      return;
    }
    const { user, sessionId } = socket.data.session as { user: SessionUser; sessionId: string };
    void boardScopeOf(o.db, user)
      .then(async (scope) => {
        if (!socket.connected) return;
        const sub: Subscriber = {
          socket,
          sessionId,
          user,
          wall: null,
          scope,
          lastSent: from ?? tailer.position,
          replaying: from !== null,
          buffer: [],
          schools: parsed.data.schoolIds ? new Set(parsed.data.schoolIds) : null,
          removed: new Set(),
        };
        subscribers.set(socket.id, sub);
        // A NOTIFY that arrived while this handshake read the session would otherwise wait for
        // the periodic pass.
        const changed = Math.max(accessChangedAt.get(user.id) ?? 0, accessChangedAt.get('*') ?? 0);
        if (changed >= (socket.data.resolvedAt as number)) recheck(new Set([user.id]));
        socket.on('disconnect', () => subscribers.delete(socket.id));
        await socket.join(roomsOfScope(scope));
        if (sub.replaying) await replay(sub);
        else socket.emit(LIVE_READY, { cursor: encodeCursor(sub.lastSent) });
      })
      .catch(() => socket.disconnect(true));
  });

  /**
   * Replays from the client's cursor, at most MAX_REPLAY_PAGES pages: a client further behind
   * (a board left closed for days) is told to `resync` — reload the board and start afresh.
   */
  async function replay(sub: Subscriber): Promise<void> {
    let at = sub.lastSent;
    for (let page = 0; ; page++) {
      if (!sub.socket.connected) return;
      if (page >= MAX_REPLAY_PAGES) {
        sub.socket.emit(LIVE_RESYNC, { reason: 'too_far_behind' });
        sub.socket.disconnect(true);
        return;
      }
      const { events, next, more } = await readFeed(tailer.db, at);
      for (const e of events) send(sub, e);
      at = next;
      if (!more) break;
    }
    for (const e of sub.buffer) send(sub, e);
    sub.buffer = [];
    sub.replaying = false;
    // Everything up to `at` was read: the next resume starts there even if none of it was ours.
    if (cursorAfter(at, sub.lastSent)) sub.lastSent = at;
    sub.socket.emit(LIVE_READY, { cursor: encodeCursor(sub.lastSent) });
  }

  /**
   * A session signed out, expired or disabled closes its sockets; a changed scope (roles
   * changed, a unit moved) moves the socket to its new rooms. Checking does not count as
   * activity, so an unattended board still goes idle. `only` limits the pass to some users.
   */
  async function recheckSessions(only: ReadonlySet<string> | null): Promise<void> {
    await recheckWalls(only);
    const bySession = new Map<string, Subscriber[]>();
    for (const s of subscribers.values()) {
      if (!s.user || (only && !only.has(s.user.id))) continue;
      bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s]);
    }
    for (const [sessionId, subs] of bySession) {
      try {
        const session = await resolveSessionById(o.db, sessionId, new Date(), { touch: false });
        if (!session) {
          for (const s of subs) {
            s.socket.emit(LIVE_ERROR, liveError('UNAUTHENTICATED').data);
            s.socket.disconnect(true);
          }
          continue;
        }
        const scope = await boardScopeOf(o.db, session.user);
        const rooms = roomsOfScope(scope);
        for (const s of subs) {
          const before = roomsOfScope(s.scope);
          s.user = session.user;
          s.scope = scope;
          if (before.length === rooms.length && before.every((r) => rooms.includes(r))) continue;
          for (const room of before) if (!rooms.includes(room)) await s.socket.leave(room);
          await s.socket.join(rooms);
        }
      } catch (e) {
        console.error(`[live] session check failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`);
      }
    }
  }
  /**
   * A revoked display (NOTIFY 'display:<id>') or one unseen too long closes its sockets. The
   * check counts as the display being seen: a screen left on shows as seen in the list.
   */
  async function recheckWalls(only: ReadonlySet<string> | null): Promise<void> {
    for (const s of walls.values()) {
      if (!s.wall || (only && !only.has(s.scope.userId) && !only.has('*'))) continue;
      try {
        const display = await resolveDisplayByHash(o.db, s.wall.tokenHash, new Date());
        if (!display) {
          s.socket.emit(LIVE_ERROR, liveError('DISPLAY_NOT_PAIRED').data);
          s.socket.disconnect(true);
          continue;
        }
        s.wall = display;
        s.scope = wallScope(display.id, display.schoolIds);
      } catch (e) {
        console.error(`[live] display check failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`);
      }
    }
  }
  // One pass at a time, in order. A NOTIFY names the users whose access changed (from any server
  // process) and is checked at once; the periodic pass over everyone stays as the backstop
  // for what sends no NOTIFY (a session's idle or absolute expiry) and for a lost one.
  let passes: Promise<void> = Promise.resolve();
  let waiting: Set<string> | 'all' | null = null;
  const recheck = (users: Set<string> | 'all') => {
    if (waiting) {
      // Coalesce with the pass already queued.
      if (waiting !== 'all') waiting = users === 'all' ? 'all' : new Set([...waiting, ...users]);
      return;
    }
    waiting = users;
    passes = passes.then(() => {
      const batch = waiting;
      waiting = null;
      return recheckSessions(batch === 'all' || batch === null ? null : batch).catch((e) =>
        console.error(`[live] session check failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`),
      );
    });
  };
  // Report rounds (issue 12): a school's report changed. Its status frame (codes and counts only)
  // goes to the school's coordinators and principal and to the offices above it.
  const unlistenReports = tailer.onReportEvent((reportId) => {
    void (async () => {
      const r = await o.db.schoolReport.findUnique({
        where: { id: reportId },
        select: { campaignId: true, round: true, schoolId: true, status: true, late: true, version: true },
      });
      if (!r) return;
      const last = await o.db.reportEvent.findFirst({
        where: { reportId },
        orderBy: { id: 'desc' },
        select: { type: true, createdAt: true },
      });
      const frame: LiveReportStatus = {
        reportId,
        campaignId: r.campaignId,
        round: r.round,
        schoolId: r.schoolId,
        status: r.status as ReportStatus,
        late: r.late,
        version: r.version,
        type: last?.type ?? 'report.changed',
        at: (last?.createdAt ?? new Date()).toISOString(),
      };
      io.to([namedRoom(r.schoolId), maskedRoom(r.schoolId)]).emit(LIVE_REPORT_STATUS, frame);
    })().catch((e) =>
      console.error(`[live] report status failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`),
    );
  });
  const unlisten = tailer.onAccessChanged((userId) => {
    accessChangedAt.set(userId ?? '*', Date.now());
    recheck(userId === null || userId === '*' ? 'all' : new Set([userId]));
  });
  // Notifications (issue 13): a new bell item tells the person's sockets the unread count.
  const unlistenBell = tailer.onNotification((userId) => {
    const sockets = [...subscribers.values()].filter((s) => s.user?.id === userId);
    if (sockets.length === 0) return;
    void unreadNotificationCount(o.db, userId).then(
      (unread) => {
        const frame: LiveNotification = { unread };
        for (const s of sockets) s.socket.emit(LIVE_NOTIFICATION, frame);
      },
      () => undefined,
    );
  });
  const timer = setInterval(() => {
    const old = Date.now() - 60_000;
    for (const [id, at] of accessChangedAt) if (at < old) accessChangedAt.delete(id);
    if (!waiting) recheck('all');
  }, o.sessionCheckMs ?? 15_000);
  timer.unref();
  const close = io.close.bind(io);
  io.close = (fn) => {
    clearInterval(timer);
    unsubscribe();
    unlisten();
    unlistenReports();
    unlistenBell();
    return close(fn);
  };

  return io;
}
