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
