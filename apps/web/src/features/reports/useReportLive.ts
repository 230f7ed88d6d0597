import { LIVE_REPORT_STATUS, type LiveReportStatus } from '@donghanh/domain';
import { useEffect, useRef, useState } from 'react';
import { useLiveSocket } from '../../shell/live-socket';

/**
 * Follows report status frames on the live socket (codes and counts only): the latest frame per
 * report, and a callback so the screen can reload its totals. A reconnect reloads everything.
 */
export function useReportLive(onChange: () => void) {
  const [frames, setFrames] = useState<Map<string, LiveReportStatus>>(new Map());
  const [live, setLive] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;
  // The dashboard's one socket (h13), shared with the bell.
  const socket = useLiveSocket();
  useEffect(() => {
    if (!socket) return;
    const onReady = () => {
      setLive(true);
      changed.current();
    };
    const onDown = () => setLive(false);
    const onFrame = (f: LiveReportStatus) => {
      setFrames((m) => {
        const prev = m.get(f.reportId);
        if (prev && prev.version > f.version) return m;
        return new Map(m).set(f.reportId, f);
      });
      changed.current();
    };
    socket.on('live-ready', onReady);
    socket.on('disconnect', onDown);
    socket.on('connect_error', onDown);
    socket.on(LIVE_REPORT_STATUS, onFrame);
    // Already connected by another screen: live from now on (reload once, as a reconnect does).
    if (socket.connected) onReady();
    return () => {
      socket.off('live-ready', onReady);
      socket.off('disconnect', onDown);
      socket.off('connect_error', onDown);
      socket.off(LIVE_REPORT_STATUS, onFrame);
    };
  }, [socket]);
  return { frames, live };
}
