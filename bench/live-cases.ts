/**
 * Live-cases benchmark: starts the real stack (embedded PostgreSQL, Temporal dev server, case
 * worker, HTTP + socket.io server), creates cases through the tRPC API and measures
 *   (a) the `case.identify` mutation round trip,
 *   (b) mutation sent → the `case.identified` event arriving on a socket.io client,
 *   (c) a bare update-with-start + one no-op activity on the same Temporal server (baseline).
 * Prints a markdown table; writes the figures as JSON to bench/results/.
 *
 *   npm run live -w @donghanh/bench        (BENCH_CASES, BENCH_CONCURRENCY, BENCH_WARMUP override)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { migrateDeploy } from '@donghanh/db';
import { demoCampaign, demoClasses, loadDemoOrganisation } from '@donghanh/db/seed';
import { withDatabase } from '@donghanh/db/testing';
import { LIVE_EVENT, type LiveCaseEvent, searchKey } from '@donghanh/domain';
import { signedInClient, signIn, startTestStack, type TestStack } from '@donghanh/server/testing';
import { DataKeyCodec, sealedDataConverter } from '@donghanh/workflows/codec';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from '../infra/ensure-temporal.mjs';
import { bareUpdate, bareWorkflow } from './bare-workflow';
import {
  Cleanups,
  intEnv,
  log,
  machine as machineInfo,
  ms,
  pool,
  startBenchPostgres,
  stats,
  waitFor,
} from './bench-kit';

const CASES = intEnv('BENCH_CASES', 200);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 8);
const WARMUP = intEnv('BENCH_WARMUP', 10);
/** How long to wait, after the last mutation returned, for socket events still on their way. */
const EVENT_GRACE_MS = 15_000;
const BARE_TASK_QUEUE = 'bench-bare';

interface Sample {
  key: string;
  sent: number;
  returned?: number;
  event?: number;
  error?: string;
}

async function main(): Promise<number> {
  const cleanups = new Cleanups();
  const cleanup = () => cleanups.run();

  try {
    // ── 1. The real stack ──────────────────────────────────────────────────────────────────
    let t = performance.now();
    const temporalCli: string = await ensureTemporalCli();
    const cluster = await startBenchPostgres('donghanh-bench-pg-', 'postgres', cleanups);
    const template = 'bench_template';
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${template}"`);
    } finally {
      await admin.end();
    }
    await migrateDeploy(withDatabase(cluster.url, template));
    log(`PostgreSQL up and migrated in ${ms(performance.now() - t)} ms`);

    t = performance.now();
    const stack: TestStack = await startTestStack({
      pgAdminUrl: cluster.url,
      pgTemplate: template,
      temporalCli,
    });
    cleanups.push(['test stack', () => stack.stop()]);
    log(`stack up in ${ms(performance.now() - t)} ms at ${stack.baseUrl} (task queue ${stack.taskQueue})`);

    // ── 2. Seed ────────────────────────────────────────────────────────────────────────────
    const db = stack.database.db;
    await loadDemoOrganisation(db);
    // One school's classes: its coordinator, signed in, identifies every case.
    const classes = demoClasses.filter((c) => c.schoolId === 's-thcs-chiengle');
    const student = (prefix: string, n: number, i: number) => {
      const cls = classes[i % classes.length] as (typeof demoClasses)[number];
      const fullName = `Học Sinh Thử ${prefix === 'bench-warm' ? 'Khởi Động' : 'Đo'} ${n}`;
      return {
        id: `${prefix}-${String(n).padStart(3, '0')}`,
        schoolId: cls.schoolId,
        classId: cls.id,
        fullName,
        searchName: searchKey(fullName),
      };
    };
    const warmStudents = Array.from({ length: WARMUP }, (_, i) => student('bench-warm', i + 1, i));
    const benchStudents = Array.from({ length: CASES }, (_, i) => student('bench-st', i + 1, i));
    await db.student.createMany({ data: [...warmStudents, ...benchStudents] });
    log(`seeded demo organisation + ${warmStudents.length} warm-up + ${benchStudents.length} bench students`);

    // ── 3. Live socket from the board's cursor ─────────────────────────────────────────────
    const api = await signedInClient(stack.baseUrl, 'ct.huong');
    // The socket signs in as the province office: the audience whose cards are masked.
    const officeCookie = await signIn(stack.baseUrl, 'cv.ha');
    const board = await api.board.cards.query({});
    const arrivals = new Map<string, number>();
    let identifiedEvents = 0;
    let otherEvents = 0;
    const socket: Socket = io(stack.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: officeCookie },
      auth: { cursor: board.cursor },
      reconnection: false,
    });
    cleanups.push(['socket', () => socket.close()]);
    socket.on(LIVE_EVENT, (e: LiveCaseEvent) => {
      const now = performance.now();
      if (e.type !== 'case.identified') {
        otherEvents++;
        return;
      }
      identifiedEvents++;
      if (!arrivals.has(e.caseId)) arrivals.set(e.caseId, now);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no live-ready within 15 s')), 15_000);
      socket.once('live-ready', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('live-error', (e: unknown) => reject(new Error(`live-error: ${JSON.stringify(e)}`)));
      socket.once('connect_error', (e: Error) => reject(e));
    });
    log(`socket live (board had ${board.cards.length} cards)`);

    // ── 4. Cases through the API ───────────────────────────────────────────────────────────
    const identify = async (studentId: string): Promise<Sample> => {
      const sample: Sample = { key: '', sent: performance.now() };
      try {
        const r = await api.case.identify.mutate({
          campaignId: demoCampaign.id,
          studentId,
          categories: ['economic_hardship'],
        });
        sample.returned = performance.now();
        sample.key = r.caseId;
        if (!r.created) sample.error = `case ${r.caseId} already existed`;
      } catch (error) {
        sample.returned = performance.now();
        sample.error = `${studentId}: ${(error as Error)?.message ?? error}`;
      }
      return sample;
    };

    const warm: Sample[] = [];
    await pool(warmStudents, CONCURRENCY, async (s) => {
      warm.push(await identify(s.id));
    });
    const warmErrors = warm.filter((s) => s.error);
    if (warmErrors.length) throw new Error(`warm-up failed: ${warmErrors.map((s) => s.error).join('; ')}`);
    await waitFor(() => warm.every((s) => arrivals.has(s.key)), EVENT_GRACE_MS);
    log(`warm-up: ${warm.length} cases, ${warm.filter((s) => arrivals.has(s.key)).length} events`);

    const cases: Sample[] = [];
    const caseStart = performance.now();
    await pool(benchStudents, CONCURRENCY, async (s) => {
      cases.push(await identify(s.id));
    });
    const caseMutationsEnd = performance.now();
    const okCases = cases.filter((s) => !s.error);
    await waitFor(() => okCases.every((s) => arrivals.has(s.key)), EVENT_GRACE_MS);
    for (const s of okCases) s.event = arrivals.get(s.key);
    const received = okCases.filter((s) => s.event !== undefined);
    const lastEvent = Math.max(...received.map((s) => s.event as number));
    const caseErrors = cases.filter((s) => s.error);
    for (const s of caseErrors.slice(0, 5)) log(`identify error: ${s.error}`);
    log(`cases: ${cases.length} sent, ${okCases.length} ok, ${received.length} events received`);

    // ── 5. Bare baseline: update-with-start + no-op activity on the same Temporal server ──
    const bareWorker = await Worker.create({
      connection: stack.temporal.nativeConnection,
      namespace: stack.temporal.namespace ?? 'default',
      taskQueue: BARE_TASK_QUEUE,
      workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
      activities: { noop: async () => {} },
      // The stack's client seals payloads: this worker must open them with the same key.
      dataConverter: sealedDataConverter(new DataKeyCodec({ current: stack.dataKey })),
    });
    const bareRunning = bareWorker.run();
    cleanups.push([
      'bare worker',
      async () => {
        bareWorker.shutdown();
        await bareRunning;
      },
    ]);
    const client = stack.temporal.client;
    const runId = Date.now().toString(36);
    const bare = async (n: number, prefix: string): Promise<Sample> => {
      const workflowId = `bench-bare-${runId}-${prefix}-${n}`;
      const sample: Sample = { key: workflowId, sent: performance.now() };
      try {
        await client.workflow.executeUpdateWithStart(bareUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(bareWorkflow, {
            workflowId,
            taskQueue: BARE_TASK_QUEUE,
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
      } catch (error) {
        sample.error = `${workflowId}: ${(error as Error)?.message ?? error}`;
      }
      sample.returned = performance.now();
      return sample;
    };
    const bareWarm: Sample[] = [];
    await pool(
      Array.from({ length: WARMUP }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        bareWarm.push(await bare(i, 'warm'));
      },
    );
    if (bareWarm.some((s) => s.error))
      throw new Error(
        `bare warm-up failed: ${bareWarm
          .map((s) => s.error)
          .filter(Boolean)
          .join('; ')}`,
      );
    const bares: Sample[] = [];
    const bareStart = performance.now();
    await pool(
      Array.from({ length: CASES }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        bares.push(await bare(i, 'run'));
      },
    );
    const bareEnd = performance.now();
    const bareErrors = bares.filter((s) => s.error);
    for (const s of bareErrors.slice(0, 5)) log(`bare error: ${s.error}`);
    const okBares = bares.filter((s) => !s.error);

    // ── 6. Report ──────────────────────────────────────────────────────────────────────────
    const rows = [
      {
        name: '(a) `case.identify` mutation round trip',
        stats: stats(okCases.map((s) => (s.returned as number) - s.sent)),
        throughput: okCases.length / ((caseMutationsEnd - caseStart) / 1000),
        counts: `sent ${cases.length}, ok ${okCases.length}, failed ${caseErrors.length}`,
      },
      {
        name: '(b) mutation sent → `case.identified` on socket',
        stats: stats(received.map((s) => (s.event as number) - s.sent)),
        throughput: received.length / ((lastEvent - caseStart) / 1000),
        counts: `received ${received.length}, missing ${okCases.length - received.length}`,
      },
      {
        name: '(c) bare update-with-start + no-op activity',
        stats: stats(okBares.map((s) => (s.returned as number) - s.sent)),
        throughput: okBares.length / ((bareEnd - bareStart) / 1000),
        counts: `sent ${bares.length}, ok ${okBares.length}, failed ${bareErrors.length}`,
      },
    ];
    const machine = machineInfo();
    const missing = okCases.length - received.length;

    const out: string[] = [];
    out.push('');
    out.push(`## Live cases benchmark — ${new Date().toISOString()}`);
    out.push('');
    out.push(
      `Machine: Node ${machine.node}, ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.platform}`,
    );
    out.push(
      `Run: ${CASES} cases, ${CONCURRENCY} in flight, ${WARMUP} warm-up not counted; server, case worker, ` +
        'bare worker and clients share one Node process; PostgreSQL and Temporal dev server are local.',
    );
    out.push('');
    out.push('| measure | n | p50 ms | p95 ms | max ms | mean ms | throughput /s | counts |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const r of rows) {
      const s = r.stats;
      out.push(
        `| ${r.name} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${ms(s.mean)} | ${r.throughput.toFixed(1)} | ${r.counts} |`,
      );
    }
    out.push('');
    out.push(
      `Socket: ${identifiedEvents} \`case.identified\` events seen in total (incl. ${warm.length} warm-up), ` +
        `${otherEvents} other events; missing ${missing}.`,
    );
    out.push('');
    process.stdout.write(`${out.join('\n')}\n`);

    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `live-cases-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          machine,
          config: { cases: CASES, concurrency: CONCURRENCY, warmup: WARMUP },
          results: rows.map((r) => ({
            name: r.name,
            ...r.stats,
            throughputPerS: r.throughput,
            counts: r.counts,
          })),
          socket: { identifiedEvents, otherEvents, missing },
        },
        null,
        2,
      )}\n`,
    );
    log(`results written to ${file}`);

    const failed = missing > 0 || caseErrors.length > 0 || bareErrors.length > 0;
    if (failed)
      log(
        `FAILED: ${missing} missing events, ${caseErrors.length} case errors, ${bareErrors.length} bare errors`,
      );
    return failed ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${(error as Error)?.stack ?? error}`);
    process.exit(1);
  },
);
