import type { Connection } from '@temporalio/client';
import type pg from 'pg';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { ok: boolean; latencyMs: number; error?: string };
  temporal: { ok: boolean; latencyMs: number; error?: string };
  live: { listening: boolean };
}

async function probe(fn: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error's first line: never a connection string or a payload.
    const message =
      String((error as Error)?.message ?? error)
        .split('\n')[0]
        ?.slice(0, 200) ?? 'error';
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  }
}

/** 200 only when both the database and Temporal answer; 503 otherwise. */
export async function checkHealth(
  pool: pg.Pool,
  temporal: Connection,
  listening: boolean,
  timeoutMs = 2000,
): Promise<HealthReport> {
  const [database, tmp] = await Promise.all([
    probe(() => pool.query('SELECT 1'), timeoutMs),
    probe(() => temporal.healthService.check({}), timeoutMs),
  ]);
  return {
    status: database.ok && tmp.ok ? 'ok' : 'unavailable',
    database,
    temporal: tmp,
    live: { listening },
  };
}
