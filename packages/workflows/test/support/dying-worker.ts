/**
 * A case worker in its own process whose SMTP channel kills the process (SIGKILL, no cleanup) the
 * instant the server accepted a matching mail — before the activity can record it. Used by
 * notifications.test.ts to prove a worker killed mid-delivery does not send the mail again.
 */
import { createDb, FieldCipher } from '@donghanh/db';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataKeyCodec, sealedDataConverter } from '../../src/codec';
import { type NotificationChannel, type OutgoingMessage, SmtpChannel } from '../../src/notify';
import { createCaseWorker, temporalCaseHistories } from '../../src/worker';

const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const env = {
  SMTP_URL: need('SMTP_URL'),
  CATCHER_URL: need('CATCHER_URL'),
  DIE_ON_TO: need('DIE_ON_TO'),
  DATABASE_URL: need('DATABASE_URL'),
  TEMPORAL_ADDRESS: need('TEMPORAL_ADDRESS'),
  TEMPORAL_NAMESPACE: need('TEMPORAL_NAMESPACE'),
  TASK_QUEUE: need('TASK_QUEUE'),
  DATA_KEY: need('DATA_KEY'),
};
const smtp = new SmtpChannel({ url: env.SMTP_URL, from: 'test@donghanh.test', catcherUrl: env.CATCHER_URL });
const channel: NotificationChannel = {
  name: 'email',
  async send(m: OutgoingMessage) {
    const r = await smtp.send(m);
    if (m.to === env.DIE_ON_TO) process.kill(process.pid, 'SIGKILL');
    return r;
  },
  wasAccepted: (id) => smtp.wasAccepted(id),
};
const db = createDb(env.DATABASE_URL);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const codec = new DataKeyCodec({ current: env.DATA_KEY });
const client = new Client({
  connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }),
  namespace: env.TEMPORAL_NAMESPACE,
  dataConverter: sealedDataConverter(codec),
});
const worker = await createCaseWorker({
  connection,
  db,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TASK_QUEUE,
  codec,
  cipher: new FieldCipher(env.DATA_KEY),
  histories: temporalCaseHistories(client),
  mailer: { channel, appUrl: 'http://app.test', unsubscribeSecret: 'test-unsubscribe-secret' },
});
console.log('ready');
await worker.run();
