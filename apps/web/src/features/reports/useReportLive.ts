import { LIVE_REPORT_STATUS, type LiveReportStatus } from '@donghanh/domain';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * Follows report status frames on the live socket (codes and counts only): the latest frame per
 * report, and a callback so the screen can reload its totals. A reconnect reloads everything.
 */
export function useReportLive(onChange: () => void) {
  const [frames, setFrames] = useState<Map<string, LiveReportStatus>>(new Map());
  const [live, setLive] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const socket: Socket = io({ path: '/socket.io', transports: ['websocket'] });
    socket.on('live-ready', () => {
      setLive(true);
      changed.current();
    });
    socket.on('disconnect', () => setLive(false));
    socket.on('connect_error', () => setLive(false));
    socket.on(LIVE_REPORT_STATUS, (f: LiveReportStatus) => {
      setFrames((m) => {
        const prev = m.get(f.reportId);
        if (prev && prev.version > f.version) return m;
        return new Map(m).set(f.reportId, f);
      });
      changed.current();
    });
    return () => {
      socket.close();
    };
  }, []);
  return { frames, live };
}
