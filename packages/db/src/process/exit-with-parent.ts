/**
 * A child of `npm start` stops itself when its supervisor disappears (e.g. killed with -9),
 * so no server or worker keeps ports and connections as an orphan.
 */
export function exitWithParent(shutdown: (reason: string) => void, everyMs = 1000): void {
  if (!process.env.DONGHANH_PARENT_PID) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      shutdown('supervisor gone');
    }
  }, everyMs);
  timer.unref();
}
