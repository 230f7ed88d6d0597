import type { Db } from '@donghanh/db';
import type { Client } from '@temporalio/client';

/** What every procedure receives: the database read model and the Temporal client. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue?: string;
  /** How long a person waits for the case workflow before getting a clear error (ms). */
  workflowTimeoutMs?: number;
}

export interface Context extends ApiDeps {
  /** Signed-in user; sign-in arrives with the roles and privacy work. */
  userId: string | null;
  requestId: string;
}
