import { fileURLToPath } from 'node:url';
import type { Db, FieldCipher } from '@donghanh/db';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type CaseActivities, createCaseActivities, reportActivities } from './activities';
import { type DataKeyCodec, sealedDataConverter } from './codec';
import type { CaseHistories } from './history/case-histories';
import { TASK_QUEUE } from './messages';
import type { Mailer } from './notify/channel';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface CaseWorkerOptions {
  connection: NativeConnection;
  db: Db;
  namespace?: string;
  taskQueue?: string;
  /** Each cached workflow keeps its own copy of the bundle's globals: bound it explicitly. */
  maxCachedWorkflows?: number;
  bundle?: WorkerOptions['workflowBundle'];
  /** Tests hold an activity at a chosen moment to reproduce a race; production passes nothing. */
  wrapActivities?: (activities: CaseActivities) => CaseActivities;
  /** Seals every payload the worker writes to history; required so no worker writes plaintext. */
  codec: DataKeyCodec;
  /** The data key's field cipher, for the values a step stores sealed (a withdrawal's note). */
  cipher?: FieldCipher;
  /** Temporal's side of erasure (a client with the same codec): deletes an erased case's histories. */
  histories: CaseHistories;
  /** The report rounds' wall clock for timestamps (tests); the real one by default. */
  now?: () => Date;
  /** Where notifications' mails go; absent, notifications reach the bell only. */
  mailer?: Mailer;
}

/** The worker that runs case workflows and their activities; apps/worker and tests share it. */
export async function createCaseWorker(o: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace ?? 'default',
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    ...(o.bundle ? { workflowBundle: o.bundle } : { workflowsPath }),
    activities: {
      ...(o.wrapActivities ?? ((a) => a))(
        createCaseActivities({
          db: o.db,
          histories: o.histories,
          ...(o.cipher ? { cipher: o.cipher } : {}),
          ...(o.mailer ? { mailer: o.mailer } : {}),
        }),
      ),
      ...reportActivities({ db: o.db, ...(o.now ? { now: o.now } : {}) }),
    },
    dataConverter: sealedDataConverter(o.codec),
    maxCachedWorkflows: o.maxCachedWorkflows ?? 1000,
    reuseV8Context: true,
  });
}

export { type CaseHistories, temporalCaseHistories } from './history/case-histories';
