/**
 * Helpers the benchmark scripts share: options, a bounded pool, percentiles, a free port, the
 * machine line. Plain functions, no side effects on import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@donghanh/db/embedded';

/** A positive integer from `--name=N` on the command line, then $NAME / $BENCH_NAME, else `fallback`. */
export function intOption(name: string, fallback: number): number {
  const flag = `--${name.toLowerCase().replaceAll('_', '-')}=`;
  const arg = process.argv.find((a) => a.startsWith(flag))?.slice(flag.length);
  for (const raw of [arg, process.env[name], process.env[`BENCH_${name}`]]) {
    const v = Number(raw);
    if (raw !== undefined && raw !== '' && Number.isInteger(v) && v > 0) return v;
  }
  return fallback;
}

/** A positive integer from $name, else `fallback`. */
export function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      await task(items[i] as T, i);
    }
  });
  await Promise.all(lanes);
}

export interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return {
    count: s.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: s[s.length - 1] ?? NaN,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN,
  };
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

export async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

export interface Machine {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
}

export function machine(): Machine {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${release()} ${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1),
  };
}

export function machineLine(m: Machine = machine()): string {
  return `Machine: Node ${m.node}, ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.platform}`;
}

/** What a benchmark must undo on the way out, undone last-in first-out; a failing step is logged. */
export class Cleanups {
  private readonly steps: [string, () => unknown][] = [];

  push(step: [string, () => unknown]): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const [name, fn] of this.steps.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`cleanup ${name} failed: ${(error as Error)?.message ?? error}`);
      }
    }
  }
}

/** A throwaway embedded PostgreSQL in a temp folder on a free port, removed by `cleanups`. */
export async function startBenchPostgres(
  prefix: string,
  database: string,
  cleanups: Cleanups,
): Promise<EmbeddedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(['temp dir', () => rmSync(dir, { recursive: true, force: true })]);
  const cluster = await startEmbeddedPostgres({
    directory: dir,
    port: await freePort(),
    database,
    ephemeral: true,
  });
  cleanups.push(['embedded postgres', () => cluster.stop()]);
  return cluster;
}
