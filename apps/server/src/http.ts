import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type ApiDeps, appRouter } from '@donghanh/api';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import type { HealthReport } from './health';

export interface HttpOptions {
  deps: ApiDeps;
  health: () => Promise<HealthReport>;
  webDist?: string | undefined;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** One HTTP server: /healthz, the tRPC API under /trpc, and the built dashboard. */
export function createHttpServer(o: HttpOptions) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => ({
      ...o.deps,
      user: null,
      sessionId: null,
      clientAddress: null,
      requestId: randomUUID(),
    }),
    onError: ({ error, path }) => {
      // Log the code and path only: inputs may hold personal data.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`[trpc] ${path ?? '?'}: ${error.cause?.name ?? error.name}`);
    },
  });
  const web =
    o.webDist && existsSync(o.webDist) ? sirv(o.webDist, { single: true, gzip: true, etag: true }) : null;

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
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
      trpc(req, res);
      return;
    }
    if (url.startsWith('/socket.io')) return; // handled by the socket.io engine
    if (web) {
      web(req, res, () => {
        res.writeHead(404).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chưa có bản dựng giao diện (npm run build) / web build missing');
  });
}
