import { FieldCipher } from '@donghanh/db';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import type { CaseClock } from '@donghanh/domain';
import { DataKeyCodec } from '@donghanh/workflows/codec';
import { startTestTemporal } from '@donghanh/workflows/testing';
import { createCaseWorker, temporalCaseHistories } from '@donghanh/workflows/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { type RunningServer, startServer } from '../app';

export interface TestStack {
  database: TestDatabase;
  temporal: TestWorkflowEnvironment;
  worker: Worker;
  server: RunningServer;
  baseUrl: string;
  taskQueue: string;
  /** The key the worker, the stack's client and the server seal with: a restarted server needs it. */
  dataKey: string;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  pgAdminUrl: string;
  pgTemplate: string;
  temporalCli: string;
  webDist?: string;
  maxCachedWorkflows?: number;
  /** How often the live gateway re-checks open sockets' sessions (default 60 s). */
  liveSessionCheckMs?: number;
  /** The clock new cases run on (the server's override): compressed, a school year passes in seconds. */
  caseClock?: () => CaseClock;
}

/**
 * The real stack for integration tests and benchmarks: a fresh migrated database, a Temporal
 * dev server, the case worker and the HTTP/socket.io server on a free port.
 */
export async function startTestStack(o: TestStackOptions): Promise<TestStack> {
  const dataKey = FieldCipher.generateKey();
  const codec = new DataKeyCodec({ current: dataKey });
  const [database, temporal] = await Promise.all([
    createTestDatabase(o.pgAdminUrl, o.pgTemplate),
    startTestTemporal(o.temporalCli, { codec }),
  ]);
  const taskQueue = `cases-${database.name}`;
  const worker = await createCaseWorker({
    connection: temporal.nativeConnection,
    db: database.db,
    namespace: temporal.namespace ?? 'default',
    taskQueue,
    maxCachedWorkflows: o.maxCachedWorkflows ?? 500,
    codec,
    cipher: new FieldCipher(dataKey),
    histories: temporalCaseHistories(temporal.client),
  });
  const running = worker.run();
  const address = temporal.address;
  const server = await startServer(
    {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: temporal.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_TIMEOUT_MS: 10_000,
      WEB_DIST: o.webDist,
      DATA_KEY: dataKey,
      ...(o.liveSessionCheckMs ? { LIVE_SESSION_CHECK_MS: o.liveSessionCheckMs } : {}),
    },
    o.caseClock ? { caseClock: o.caseClock } : {},
  );
  const stack: TestStack = {
    database,
    temporal,
    worker,
    server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    taskQueue,
    dataKey,
    async stop() {
      // The server a test restarted, if it did.
      await stack.server.close();
      worker.shutdown();
      await running;
      await temporal.teardown();
      await database.drop();
    },
  };
  return stack;
}
