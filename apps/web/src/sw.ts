/// <reference lib="webworker" />
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { NOT_APP_PAGES, OFFLINE_READS, READS_CACHE, SHELL_CACHE } from './offline/names';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

// The hashed scripts, styles and the icon: cached at install, served from the cache.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const okHtml = async ({ response }: { response: Response }) =>
  response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html') ? response : null;

/**
 * Every route of the app is the same page: from the network while there is one (each copy
 * carries its own CSP nonce), else the last copy the server gave, kept under one key.
 */
registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: SHELL_CACHE,
      plugins: [{ cacheKeyWillBeUsed: async () => '/', cacheWillUpdate: okHtml }],
    }),
    { denylist: NOT_APP_PAGES },
  ),
);

/**
 * The server marks `no-store` what a phone must not keep (an office's revealed case, a case for
 * someone not on it): not cached, and an earlier copy under the same address is dropped.
 */
const keepableRead = async ({ request, response }: { request: Request; response: Response }) => {
  if (response.status !== 200) return null;
  if (/no-store/i.test(response.headers.get('cache-control') ?? '')) {
    await (await caches.open(READS_CACHE)).delete(request);
    return null;
  }
  return response;
};

/** `/trpc/task.inbox?input=…` → `task.inbox`; a batched call (`a,b`) is never kept. */
const procedureOf = (url: URL) => decodeURIComponent(url.pathname.slice('/trpc/'.length));

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    url.pathname.startsWith('/trpc/') &&
    OFFLINE_READS.includes(procedureOf(url)),
  new NetworkFirst({ cacheName: READS_CACHE, plugins: [{ cacheWillUpdate: keepableRead }] }),
);
