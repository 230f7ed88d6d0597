import { registerSW } from 'virtual:pwa-register';
import { READS_CACHE } from './names';

/**
 * Installs the service worker (src/sw.ts) in a production build; `vite` dev runs without it.
 * Registered once the page has loaded: on a slow line its downloads must not compete with the
 * first screen's.
 */
export function registerServiceWorker() {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) void registerSW();
}

/** At sign-out: the cached reads hold the child's case, and a phone may be shared. */
export async function forgetOfflineReads() {
  if ('caches' in window) await caches.delete(READS_CACHE);
}

// fix3: the reads cache belongs to one person's session.
const LAST_USER = 'dh.offlineUser';

/**
 * Called with whoever the server says is signed in (null: nobody, e.g. the session expired or was
 * ended elsewhere): when that is no longer the person whose reads are cached, they are dropped.
 */
export async function keepOfflineReadsFor(userId: string | null) {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_USER);
    if (userId) localStorage.setItem(LAST_USER, userId);
    else localStorage.removeItem(LAST_USER);
  } catch {
    // storage unavailable: we cannot tell whose reads these are
    last = userId === null ? '' : null;
  }
  if (last !== null && last !== userId) await forgetOfflineReads();
}
