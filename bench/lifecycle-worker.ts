/**
 * A worker process for the lifecycle benchmark, forked by lifecycle-cases.ts so its memory can
 * be read from /proc/<pid>/status on its own. BENCH_WORKER=case runs the real case worker
 * (createCaseWorker, real activities on PostgreSQL); BENCH_WORKER=bare the baseline workflow
 * with one no-op activity. Talks to its parent over IPC:
 *   → { type: 'ready' } once the worker is created (bundle built);
 *   ← { type: 'status', gc?: boolean } → { type: 'status', numCachedWorkflows, heapUsed, elu, … };
 *   parent gone (IPC disconnect) or SIGTERM → drains and exits.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDb, type Db, FieldCipher } from '@donghanh/db';
import { codecFromEnv, sealedDataConverter } from '@donghanh/workflows/codec';
import { createCaseWorker, temporalCaseHistories } from '@donghanh/workflows/worker';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

const kind = process.env.BENCH_WORKER;
const address = process.env.TEMPORAL_ADDRESS;
const taskQueue = process.env.TEMPORAL_TASK_QUEUE;
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const maxCachedWorkflows = Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 1000);
if ((kind !== 'case' && kind !== 'bare') || !address || !taskQueue || !process.send) {
  console.error('[bench-worker] needs BENCH_WORKER=case|bare, TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE and IPC');
  process.exit(2);
}
const send = (m: unknown) => process.send?.(m);

Runtime.install({ logger: new DefaultLogger('WARN') });
// Both workers seal payloads (DATA_KEY from the parent), so the baseline pays the codec too.
const codec = codecFromEnv();
const connection = await NativeConnection.connect({ address });
let db: Db | undefined;
let worker: Worker;
if (kind === 'case') {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for the case worker');
  db = createDb(url);
  // As apps/worker: the field cipher seals what steps store sealed, the client erases histories.
  worker = await createCaseWorker({
    connection,
    db,
    namespace,
    taskQueue,
    maxCachedWorkflows,
    codec,
    cipher: new FieldCipher((process.env.DATA_KEY ?? '').trim()),
    histories: temporalCaseHistories(
      new Client({
        connection: await Connection.connect({ address }),
        namespace,
        dataConverter: sealedDataConverter(codec),
      }),
    ),
  });
} else {
  worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
    activities: { noop: async () => {} },
    dataConverter: sealedDataConverter(codec),
    maxCachedWorkflows,
    reuseV8Context: true,
  });
}

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (m: { type?: string; gc?: boolean }) => {
  if (m?.type !== 'status') return;
  if (m.gc && gc) {
    gc();
    gc();
  }
  const s = worker.getStatus();
  const mem = process.memoryUsage();
  send({
    type: 'status',
    numCachedWorkflows: s.numCachedWorkflows,
    runState: s.runState,
    heapUsed: mem.heapUsed,
    external: mem.external,
    rss: mem.rss,
    // Cumulative since start: the parent diffs two readings.
    elu: performance.eventLoopUtilization(),
  });
});
// The parent died or let go of us: stop polling and leave.
process.on('disconnect', () => {
  try {
    worker.shutdown();
  } catch {
    // already shutting down
  }
});

const running = worker.run();
send({ type: 'ready', pid: process.pid });
await running;
await connection.close();
await db?.$disconnect();
process.exit(0);
