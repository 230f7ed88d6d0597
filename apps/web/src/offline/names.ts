/**
 * What the service worker keeps for a phone that loses its line. Shared by the worker (src/sw.ts)
 * and the page (which empties the reads cache at sign-out: it holds the child's case).
 */
export const SHELL_CACHE = 'donghanh-shell';
export const READS_CACHE = 'donghanh-reads';

/**
 * The reads a teacher needs to see and fill their open tasks offline: who is signed in, the
 * inbox and the case behind a task. They go unbatched (src/trpc.ts) so each has a stable URL the
 * worker can answer from its cache.
 */
export const OFFLINE_READS: readonly string[] = ['auth.me', 'task.inbox', 'case.get'];

/** Paths served by the server itself, never the app's page (downloads, links in mails, tools). */
export const NOT_APP_PAGES = [
  /^\/trpc\//,
  /^\/socket\.io/,
  /^\/healthz/,
  /^\/codec/,
  /^\/unsubscribe/,
  /^\/upload\//,
  /^\/files\//,
];
