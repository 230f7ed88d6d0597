import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * The dashboard's one socket.io connection (h13): the live board, the bell and the reports'
 * status all listen on it instead of opening one each. It connects while someone uses it and
 * closes when the last user lets go. The board's cursor travels in the handshake (`auth`), read
 * on every (re)connect, so a reconnect resumes the board where it stopped.
 */
let shared: Socket | null = null;
let users = 0;
let cursorOf: (() => string | undefined) | null = null;
/** A wall display's page (issue 14) holds the display cookie, not a person's: it asks for the wall feed. */
let wallMode = false;

function acquire(wall: boolean): Socket {
  // The wall page has no menu or bell, so a page never holds both kinds at once.
  if (!shared) wallMode = wall;
  if (!shared)
    shared = io({
      path: '/socket.io',
      transports: ['websocket'],
      autoConnect: false,
      auth: (cb) => {
        const cursor = cursorOf?.();
        cb({ ...(cursor ? { cursor } : {}), ...(wallMode ? { wall: true } : {}) });
      },
    });
  users += 1;
  if (!shared.connected && !shared.active) shared.connect();
  return shared;
}

function release(): void {
  users -= 1;
  if (users > 0 || !shared) return;
  shared.close();
  shared = null;
}

/** The board says where its feed stands (null when it unmounts). */
export function setLiveCursor(get: (() => string | undefined) | null): void {
  cursorOf = get;
}

/**
 * The shared socket while the component is mounted. Listeners added with `socket.on` must be
 * removed with `socket.off` (never `close`): others are listening on the same connection.
 */
export function useLiveSocket(enabled = true, wall = false): Socket | null {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    if (!enabled) return;
    setSocket(acquire(wall));
    return () => {
      setSocket(null);
      release();
    };
  }, [enabled, wall]);
  return socket;
}
