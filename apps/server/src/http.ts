import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  type ApiDeps,
  appRouter,
  DISPLAY_COOKIE,
  resolveDisplaySession,
  resolveSession,
  withSecureFlag,
} from '@donghanh/api';
import { API_LIMITS, ERROR_MESSAGES } from '@donghanh/domain';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { CLASS_LIST_TEMPLATE_PATH, CLASS_LIST_UPLOAD_PATH, createClassListRoutes } from './class-list-upload';
import { clientAddressOf, parseTrustedProxies, type TrustedProxies } from './client-address';
import { CODEC_PATH, type CodecEndpointOptions, createCodecEndpoint } from './codec-endpoint';
import type { HealthReport } from './health';
import { createUnsubscribeEndpoint, UNSUBSCRIBE_PATH } from './unsubscribe';

export interface HttpOptions {
  deps: ApiDeps;
  health: () => Promise<HealthReport>;
  webDist?: string | undefined;
  /** Origins besides the server's own that may POST to /trpc (normalised, see parseAllowedOrigins). */
  allowedOrigins?: readonly string[] | undefined;
  /** Load balancers whose `X-Forwarded-For` names the client (TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies | undefined;
  /** `Secure` on the session cookie: when the request came over https (auto), always or never. */
  cookieSecure?: 'auto' | 'always' | 'never' | undefined;
  /** The Temporal UI's codec endpoint (/codec/decode, /codec/encode); absent, /codec is not served. */
  codec?: CodecEndpointOptions | undefined;
  /** Notifications' unsubscribe links (issue 13): the secret that signs them. */
  unsubscribeSecret?: string | undefined;
}

/**
 * The dashboard is a Vite build: scripts, styles and fonts from this origin only; the API and
 * socket.io (websocket) on this host. The page itself gets a fresh nonce for the one <style>
 * element the component library writes (see `servePage`); no other inline style or script runs.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': contentSecurityPolicy(),
};
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether the request reached us over https: directly, or through one of our trusted proxies
 * (TRUSTED_PROXIES) that says so in `X-Forwarded-Proto`. From any other peer the header is the
 * client's own word: believing it would send HSTS and a `Secure` cookie over plain http. The
 * right-most value is the one the proxy next to us wrote (a proxy that appends keeps what the
 * client sent on the left).
 */
export function cameOverHttps(req: IncomingMessage, trusted: TrustedProxies): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const peer = req.socket.remoteAddress;
  if (!peer || !trusted.has(peer)) return false;
  const forwarded = req.headers['x-forwarded-proto'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
    ?.split(',')
    .pop()
    ?.trim()
    .toLowerCase();
  return last === 'https';
}

/**
 * A browser's POST from another website carries that site's `Origin`: allowed only when it is
 * this server (same host as the request's `Host`, http or https) or listed in ALLOWED_ORIGINS.
 * No `Origin` (curl, server-to-server) is allowed: it is not a browser acting for a signed-in user.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

function appendSetCookie(res: ServerResponse, cookie: string) {
  const prev = res.getHeader('Set-Cookie');
  const list = Array.isArray(prev) ? prev : prev === undefined ? [] : [String(prev)];
  res.setHeader('Set-Cookie', [...list, cookie]);
}

/**
 * A GET carries no `Origin`, so the check above cannot see a link or an auto-submitted form on
 * another website: a top-level navigation sends the session cookie (SameSite=Lax) and would run a
 * read that writes an audit row (`case.get`). Browsers say where a request comes from in
 * `Sec-Fetch-Site`: from another site it is refused unless it is a CORS call (with an `Origin`)
 * from an allowed origin. Requests without the header (curl, older browsers) fall back on the
 * Origin check alone.
 */
export function fetchSiteAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return true;
  return req.headers.origin !== undefined && originAllowed(req, allowed);
}

/** An error answered before tRPC runs, in the shape tRPC's error formatter gives. */
function refuse(
  res: ServerResponse,
  appCode: 'CROSS_ORIGIN_REJECTED' | 'PAYLOAD_TOO_LARGE',
  details: Record<string, unknown> | null = null,
) {
  const m = ERROR_MESSAGES[appCode];
  const trpc =
    appCode === 'PAYLOAD_TOO_LARGE'
      ? { code: 'PAYLOAD_TOO_LARGE', rpc: -32013 }
      : { code: 'FORBIDDEN', rpc: -32003 };
  // The body is not read: the connection closes so the rest of it is not waited for.
  res.writeHead(m.http, {
    'content-type': 'application/json',
    ...(appCode === 'PAYLOAD_TOO_LARGE' ? { connection: 'close' } : {}),
  });
  res.end(
    JSON.stringify({
      error: {
        message: m.vi,
        code: trpc.rpc,
        data: { code: trpc.code, httpStatus: m.http, appCode, messageEn: m.en, details },
      },
    }),
  );
}

/** Too large to read: a declared body over the limit, or a batch of too many calls. */
function oversized(req: IncomingMessage, url: string): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(length) && length > API_LIMITS.maxBodyBytes) return true;
  const [path = '', query = ''] = url.slice('/trpc/'.length).split('?');
  return new URLSearchParams(query).get('batch') === '1' && path.split(',').length > API_LIMITS.maxBatchSize;
}

/**
 * Files under /assets/ carry a hash of their content in their name: a new build gives new names,
 * so a phone keeps them for a year without asking again. Everything else (the service worker, the
 * icon, index.html) is checked on each use, so a new build reaches it at once.
 */
export function cacheControlOf(pathname: string): string {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// fix3: which API answers a phone may keep for offline use (apps/web/src/sw.ts).
/**
 * Who is signed in and their inbox are the caller's own; a case page only in the school's full
 * view (`freeText`, staff with a lasting role on the case). An office's revealed view, an offered
 * teacher's or a masked one is never kept: a reveal expires, a cached copy would not.
 */
export function offlineKeepable(path: string, answer: unknown): boolean {
  if (path === 'auth.me' || path === 'task.inbox') return true;
  if (path !== 'case.get') return false;
  const out = (answer as { result?: { data?: { freeText?: unknown } } } | undefined)?.result?.data;
  return out?.freeText === true;
}

/** One HTTP server: /healthz, the tRPC API under /trpc, and the built dashboard. */
export function createHttpServer(o: HttpOptions) {
  const allowedOrigins = o.allowedOrigins ?? [];
  const cookieSecure = o.cookieSecure ?? 'auto';
  const trustedProxies = o.trustedProxies ?? parseTrustedProxies(undefined);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Chunked bodies (no Content-Length) are cut off here; declared ones before reading.
    maxBodySize: API_LIMITS.maxBodyBytes,
    maxBatchSize: API_LIMITS.maxBatchSize,
    createContext: async ({ req, res }) => {
      // The session cookie → the user and their roles (null when absent, unknown or expired).
      const session = await resolveSession(o.deps.db, req.headers.cookie);
      // wall: a wall display's cookie opens its masked board only (displayProcedure).
      const display = req.headers.cookie?.includes(`${DISPLAY_COOKIE}=`)
        ? await resolveDisplaySession(o.deps.db, req.headers.cookie, new Date())
        : null;
      const secure =
        cookieSecure === 'always' || (cookieSecure === 'auto' && cameOverHttps(req, trustedProxies));
      const userAgent = req.headers['user-agent'];
      return {
        ...o.deps,
        user: session?.user ?? null,
        sessionId: session?.sessionId ?? null,
        display,
        clientAddress: clientAddressOf(
          req.socket.remoteAddress,
          req.headers['x-forwarded-for'],
          trustedProxies,
        ),
        userAgent: typeof userAgent === 'string' ? userAgent : null,
        setCookie: (cookie: string) => appendSetCookie(res, withSecureFlag(cookie, secure)),
        requestId: randomUUID(),
      };
    },
    // fix3: only answers the phone may keep offline are storable (the service worker skips no-store).
    responseMeta: ({ paths, data, type }) =>
      type === 'query' && paths?.length === 1 && offlineKeepable(paths[0] as string, data[0])
        ? {}
        : { headers: { 'cache-control': 'no-store' } },
    onError: ({ error, path }) => {
      // Log the code and path only: inputs may hold personal data.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`[trpc] ${path ?? '?'}: ${error.cause?.name ?? error.name}`);
    },
  });
  const classLists = createClassListRoutes({ deps: o.deps, allowedOrigins, trustedProxies });
  const codec = o.codec ? createCodecEndpoint({ trustedProxies, ...o.codec }) : null;
  const unsubscribe = o.unsubscribeSecret
    ? createUnsubscribeEndpoint({ db: o.deps.db, secret: o.unsubscribeSecret })
    : null;
  const web =
    o.webDist && existsSync(o.webDist)
      ? sirv(o.webDist, {
          single: false,
          // The build writes x.br and x.gz beside each file (apps/web/build/precompress.ts): the
          // copy the browser accepts is sent as is, with Content-Encoding and Vary.
          brotli: true,
          gzip: true,
          etag: true,
          setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControlOf(pathname)),
        })
      : null;
  const indexPath = o.webDist ? join(o.webDist, 'index.html') : null;
  const page = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  /** The single-page app for any route: index.html with this response's CSP nonce. */
  const servePage = (res: ServerResponse) => {
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('Cache-Control', 'no-cache');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end((page as string).replaceAll('__CSP_NONCE__', nonce));
  };

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (cameOverHttps(req, trustedProxies)) res.setHeader('Strict-Transport-Security', HSTS);
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      o.health().then(
        (report) => {
          res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(report));
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unavailable' }));
        },
      );
      return;
    }
    if (url.startsWith('/trpc/')) {
      if (
        (req.method === 'POST' && !originAllowed(req, allowedOrigins)) ||
        !fetchSiteAllowed(req, allowedOrigins)
      ) {
        refuse(res, 'CROSS_ORIGIN_REJECTED');
        return;
      }
      if (oversized(req, url)) {
        refuse(res, 'PAYLOAD_TOO_LARGE', {
          maxBodyBytes: API_LIMITS.maxBodyBytes,
          maxBatchSize: API_LIMITS.maxBatchSize,
        });
        return;
      }
      trpc(req, res);
      return;
    }
    if (url.startsWith(CLASS_LIST_UPLOAD_PATH) || url.startsWith(CLASS_LIST_TEMPLATE_PATH)) {
      void classLists(req, res, url);
      return;
    }
    if (unsubscribe && (url === UNSUBSCRIBE_PATH || url.startsWith(`${UNSUBSCRIBE_PATH}?`))) {
      unsubscribe(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (codec && (url === CODEC_PATH || url.startsWith(`${CODEC_PATH}/`))) {
      void codec(req, res);
      return;
    }
    if (url.startsWith('/socket.io')) return; // handled by the socket.io engine
    if (web && page) {
      const path = url.split('?')[0] ?? '/';
      // Files have an extension (assets, favicon); every other path is a route of the app.
      if (req.method === 'GET' && !/\.[a-z0-9]+$/i.test(path)) return servePage(res);
      web(req, res, () => {
        res.writeHead(404).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chưa có bản dựng giao diện (npm run build) / web build missing');
  });
}
