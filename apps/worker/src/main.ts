import { createDb, exitWithParent, FieldCipher } from '@donghanh/db';
import { codecFromEnv, type DataKeyCodec, sealedDataConverter } from '@donghanh/workflows/codec';
import { mailerFromEnv, startNotificationRelay } from '@donghanh/workflows/notify';
import { createCaseWorker, temporalCaseHistories } from '@donghanh/workflows/worker';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('[worker] DATABASE_URL is required');
  process.exit(1);
}
// Every payload this worker writes to Temporal history is sealed with the data key, the same
// key the server's client uses: refuse to start without it rather than write plaintext.
let codec: DataKeyCodec;
try {
  codec = codecFromEnv();
} catch (e) {
  console.error(`[worker] ${(e as Error).message}`);
  process.exit(1);
}
// The SDK logs every bundle module at INFO; a running product only needs warnings.
Runtime.install({
  logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN'),
});
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const db = createDb(databaseUrl);
const connection = await connectWithRetry(address);
const mailer = mailerFromEnv();
// One client for the worker's own calls to Temporal (history erasure, the notification relay).
const clientConnection = await Connection.connect({ address });
const temporal = new Client({
  connection: clientConnection,
  namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  dataConverter: sealedDataConverter(codec),
});
const worker = await createCaseWorker({
  connection,
  db,
  namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  ...(process.env.TEMPORAL_TASK_QUEUE ? { taskQueue: process.env.TEMPORAL_TASK_QUEUE } : {}),
  maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 1000),
  codec,
  // codecFromEnv checked DATA_KEY: the same key seals the few values a step stores sealed.
  cipher: new FieldCipher((process.env.DATA_KEY ?? '').trim()),
  ...(mailer ? { mailer } : {}),
  // An erased case's histories are deleted through a client that seals like the worker.
  histories: temporalCaseHistories(temporal),
});
// Notifications (issue 13): the outbox relay hands each new notification to its delivery workflow.
const relay = startNotificationRelay({
  db,
  client: temporal,
  taskQueue: worker.options.taskQueue,
  onError: (e) => console.error(`[worker] notification relay: ${(e as Error).message}`),
});
console.log(
  `[worker] polling ${worker.options.taskQueue} on ${address}, payloads sealed with key ${codec.keyId} (pid ${process.pid}); notifications by e-mail: ${mailer ? 'SMTP_URL' : 'off (bell only)'}`,
);
// The SDK shuts the worker down gracefully on SIGINT/SIGTERM, letting running activities finish.
exitWithParent((why) => {
  console.log(`[worker] ${why}: draining`);
  worker.shutdown();
});
await worker.run();
await relay.stop();
await clientConnection.close();
await connection.close();
await db.$disconnect();
console.log('[worker] stopped');

async function connectWithRetry(target: string): Promise<NativeConnection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await NativeConnection.connect({ address: target });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
