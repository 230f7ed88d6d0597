import type { Server as HttpServer } from 'node:http';
import type { SignInSchedule } from '@donghanh/api';
import { createDb, FieldCipher, purgeExpiredClassListUploads } from '@donghanh/db';
import type { CaseClock } from '@donghanh/domain';
import { codecFromEnv, sealedDataConverter } from '@donghanh/workflows/codec';
import { unsubscribeSecretFrom } from '@donghanh/workflows/notify';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import type { Server as IoServer } from 'socket.io';
import { parseTrustedProxies } from './client-address';
import { parseAllowedOrigins, type ServerConfig } from './config';
import { checkHealth } from './health';
import { createHttpServer, originAllowed } from './http';
import { CaseEventTailer } from './live/case-event-tailer';
import { attachLiveGateway } from './live/gateway';

export interface RunningServer {
  http: HttpServer;
  io: IoServer;
  port: number;
  tailer: CaseEventTailer;
  close(): Promise<void>;
}

/**
 * What only tests change: a shorter sign-in slow-down, so a test of it takes seconds; a
 * compressed clock for new cases, so a school year's timers (retention, erasure) fire in seconds.
 */
export interface ServerOverrides {
  signInSchedule?: SignInSchedule;
  caseClock?: () => CaseClock;
}

/** Wires the server from its configuration; tests start it the same way as `npm start`. */
export async function startServer(
  config: ServerConfig,
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  // First: a bad key stops the server before it opens anything.
  const codec = codecFromEnv({ DATA_KEY: config.DATA_KEY, CODEC_PREVIOUS_KEYS: config.CODEC_PREVIOUS_KEYS });
  const db = createDb(config.DATABASE_URL);
  // Lazy: the server comes up (and /healthz says 503) even while Temporal is still starting.
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: sealedDataConverter(codec),
  });
  const healthPool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2 });
  healthPool.on('error', () => {});
  const tailer = new CaseEventTailer({
    databaseUrl: config.DATABASE_URL,
    onError: (e) => console.error(`[live] ${(e as Error)?.message?.split('\n')[0] ?? e}`),
  });
  await tailer.start();

  const allowedOrigins = parseAllowedOrigins(config.ALLOWED_ORIGINS);
  const trustedProxies = parseTrustedProxies(config.TRUSTED_PROXIES);
  const http = createHttpServer({
    deps: {
      db,
      temporal,
      workflowTimeoutMs: config.TEMPORAL_TIMEOUT_MS,
      cipher: new FieldCipher(config.DATA_KEY),
      ...(overrides.signInSchedule ? { signInSchedule: overrides.signInSchedule } : {}),
      ...(overrides.caseClock ? { caseClock: overrides.caseClock } : {}),
      ...(config.TEMPORAL_TASK_QUEUE ? { taskQueue: config.TEMPORAL_TASK_QUEUE } : {}),
    },
    health: () => checkHealth(healthPool, connection, tailer.isListening),
    webDist: config.WEB_DIST,
    allowedOrigins,
    trustedProxies,
    cookieSecure: config.COOKIE_SECURE,
    unsubscribeSecret: unsubscribeSecretFrom(config.DATA_KEY),
    codec: {
      db,
      codec,
      namespace: config.TEMPORAL_NAMESPACE,
      uiOrigins: parseAllowedOrigins(config.CODEC_CORS_ORIGINS),
    },
  });
  const io = attachLiveGateway(http, tailer, {
    db,
    originAllowed: (req) => originAllowed(req, allowedOrigins),
    ...(config.LIVE_SESSION_CHECK_MS ? { sessionCheckMs: config.LIVE_SESSION_CHECK_MS } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // Uploaded class lists hold pupils' names: the unfinished ones past their day go every hour.
  const purgeUploads = () =>
    void purgeExpiredClassListUploads(db, new Date()).catch((e: unknown) =>
      console.error(`[uploads] purge failed: ${(e as Error)?.message?.split('\n')[0] ?? e}`),
    );
  purgeUploads();
  const uploadPurge = setInterval(purgeUploads, 60 * 60 * 1000);
  uploadPurge.unref();

  return {
    http,
    io,
    port,
    tailer,
    async close() {
      clearInterval(uploadPurge);
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // Idle keep-alive connections (a browser's) would hold the port open until they time out.
      http.closeIdleConnections();
      await closed;
      await tailer.stop();
      await healthPool.end().catch(() => {});
      await connection.close().catch(() => {});
      await db.$disconnect();
    },
  };
}
