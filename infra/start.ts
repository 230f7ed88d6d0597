/**
 * `npm start`: the whole product on one machine. Starts (or reuses) PostgreSQL and Temporal,
 * applies migrations, starts the worker and the server, loads the demo data once, and prints
 * where everything is. Ctrl-C stops every child; a second `npm start` fails with a clear
 * message instead of touching the running stack's data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createDb,
  dataDir,
  FieldCipher,
  migrateDeploy,
  pinnedToday,
  repoRoot,
  TODAY_ENV,
} from '@donghanh/db';
import { startEmbeddedPostgres, takeBackSignalHandling } from '@donghanh/db/embedded';
import { DEMO_PASSWORD, DEMO_TODAY } from '@donghanh/db/seed';
import { type CaseClock, dateAt, pinnedClock } from '@donghanh/domain';
import { MailCatcher } from '@donghanh/workflows/mail-catcher';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from './ensure-temporal.mjs';
import { acquireStackLock, type StackLock } from './stack-lock';
import { buildWeb, loadDemoData, waitForHealth } from './start-steps';

const started = performance.now();
const root = repoRoot();
// Settings may live in <repo>/.env (see .env.example); the real environment wins.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const data = dataDir();
const PORT = Number(process.env.PORT ?? 3000);
const PG_PORT = Number(process.env.DONGHANH_PG_PORT ?? 54329);
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const say = (m: string) => console.log(`\x1b[36m[đồng hành]\x1b[0m ${m}`);

const children: { name: string; proc: ChildProcess }[] = [];
let stopEmbedded: (() => Promise<void>) | null = null;
// Notifications (issue 13): the local SMTP catcher and its web inbox, unless SMTP_URL names a server.
let catcher: MailCatcher | null = null;
const MAIL_SMTP_PORT = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
const MAIL_WEB_PORT = Number(process.env.MAIL_CATCHER_WEB_PORT ?? 1080);
let pgData = '';
let lock: StackLock | null = null;
let shuttingDown = false;

async function shutdown(code: number, why?: string): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => {});
  shuttingDown = true;
  if (why) say(why);
  // Server and worker first (they hold connections), Temporal next, the database last.
  for (const name of ['server', 'worker', 'temporal']) {
    const child = children.find((c) => c.name === name);
    if (child) await stopChild(child.proc);
  }
  if (catcher) await catcher.stop().catch(() => undefined);
  if (stopEmbedded) await stopEmbedded().catch((e) => say(`PostgreSQL stop: ${e.message}`));
  lock?.release();
  say('đã dừng / stopped');
  process.exit(code);
}

function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 8000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/**
 * The key that seals family circumstances and Temporal payloads, for a machine without DATA_KEY:
 * made once, kept in .data/data-key (readable by this user only), given to the server and the
 * worker alike. Lose it and sealed records and running cases' history cannot be opened.
 */
function dataKey(data: string): string {
  const file = join(data, 'data-key');
  if (!existsSync(file)) writeFileSync(file, `${FieldCipher.generateKey()}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The demo tells its story on DEMO_TODAY, so `npm start` pins the calendar there unless
 * DONGHANH_TODAY says otherwise ('today' for the wall clock). The pinned clock is kept in
 * .data/demo-clock.json from the first start, so the demo's days then pass in real time and a
 * restart a week later is on 30/11, not back on 23/11 (cases already started would disagree).
 */
function demoToday(data: string): string {
  const file = join(data, 'demo-clock.json');
  if (!existsSync(file)) writeFileSync(file, `${JSON.stringify(pinnedClock(Date.now(), DEMO_TODAY))}\n`);
  return dateAt(Date.now(), JSON.parse(readFileSync(file, 'utf8')) as CaseClock);
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const proc = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env, DONGHANH_PARENT_PID: String(process.pid) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[90m[${name}]\x1b[0m `;
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) =>
    stream?.on('data', (b: Buffer) => {
      for (const line of b.toString().split('\n')) if (line.trim()) out.write(`${prefix}${line}\n`);
    });
  pipe(proc.stdout, process.stdout);
  pipe(proc.stderr, process.stderr);
  proc.on('exit', (code, signal) => {
    if (!shuttingDown)
      void shutdown(1, `${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
  });
  children.push({ name, proc });
  lock?.recordChild(name, proc.pid);
  return proc;
}

function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new Error(
          `Cổng ${port} (${what}) đang được dùng / port ${port} (${what}) is in use — is another Đồng Hành running? Set PORT to use another port.`,
        ),
      ),
    );
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

async function main() {
  takeBackSignalHandling();
  process.on('SIGINT', () => void shutdown(0, 'Ctrl-C: đang dừng / stopping…'));
  process.on('SIGTERM', () => void shutdown(0, 'SIGTERM: đang dừng / stopping…'));
  mkdirSync(data, { recursive: true });
  lock = acquireStackLock(join(data, 'stack.lock'));
  process.on('exit', () => lock?.release());
  if (!process.env[TODAY_ENV] && process.env.DONGHANH_DEMO !== '0') process.env[TODAY_ENV] = demoToday(data);
  const today = pinnedToday();
  if (today)
    say(
      `lịch / calendar: hôm nay là / today is ${today} (${TODAY_ENV}; ${TODAY_ENV}=today for the real date)`,
    );

  await assertPortFree(PORT, 'web');
  const externalTemporal = process.env.TEMPORAL_ADDRESS;
  if (!externalTemporal) {
    await assertPortFree(TEMPORAL_PORT, 'Temporal');
    await assertPortFree(TEMPORAL_UI_PORT, 'Temporal UI');
  }

  const [, temporalCli] = await Promise.all([
    buildWeb(root, say),
    externalTemporal ? Promise.resolve(null) : ensureTemporalCli(),
  ]);

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ directory: join(data, 'postgres'), port: PG_PORT });
    say(`PostgreSQL nhúng / embedded PostgreSQL on 127.0.0.1:${PG_PORT} (data in ${pg.layout.dataDir})`);
    pgData = pg.layout.dataDir;
    stopEmbedded = pg.stop;
    databaseUrl = pg.url;
  }
  say('migrations: prisma migrate deploy');
  await migrateDeploy(databaseUrl);

  const temporalAddress = externalTemporal ?? `127.0.0.1:${TEMPORAL_PORT}`;
  if (temporalCli) {
    mkdirSync(join(data, 'temporal'), { recursive: true });
    run(
      'temporal',
      temporalCli,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(TEMPORAL_PORT),
        '--ui-port',
        String(TEMPORAL_UI_PORT),
        '--db-filename',
        join(data, 'temporal', 'temporal.db'),
        '--sqlite-pragma',
        'journal_mode=wal',
        // History is sealed (see docs/temporal-codec.md): the UI asks our server to open it.
        '--ui-codec-endpoint',
        `http://localhost:${PORT}/codec`,
        '--log-level',
        'warn',
      ],
      {},
    );
  }

  let smtpUrl = process.env.SMTP_URL;
  let catcherUrl = process.env.MAIL_CATCHER_URL ?? '';
  if (!smtpUrl) {
    await assertPortFree(MAIL_SMTP_PORT, 'mail catcher SMTP');
    await assertPortFree(MAIL_WEB_PORT, 'mail catcher inbox');
    catcher = await new MailCatcher({ smtpPort: MAIL_SMTP_PORT, httpPort: MAIL_WEB_PORT }).start();
    smtpUrl = catcher.smtpUrl;
    catcherUrl = catcher.webUrl;
    say(
      `hộp thư thử / local mail catcher: SMTP ${catcher.smtpUrl}, inbox http://localhost:${catcher.httpPort}`,
    );
  }

  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    MAIL_CATCHER_URL: catcherUrl,
    APP_URL: process.env.APP_URL ?? `http://localhost:${PORT}`,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(PORT),
    DATA_KEY: process.env.DATA_KEY ?? dataKey(data),
    // The embedded Temporal UI may call the codec endpoint with an administrator's session.
    CODEC_CORS_ORIGINS:
      process.env.CODEC_CORS_ORIGINS ??
      (temporalCli ? `http://localhost:${TEMPORAL_UI_PORT},http://127.0.0.1:${TEMPORAL_UI_PORT}` : ''),
  };
  // `node --import tsx`, not the tsx wrapper: one process per child, so the pid we record and
  // signal is the process that holds the ports and connections.
  run('worker', process.execPath, ['--import', 'tsx', join(root, 'apps/worker/src/main.ts')], env);
  run('server', process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], env);

  await waitForHealth(`http://127.0.0.1:${PORT}/healthz`, 120_000);
  const db = createDb(databaseUrl, { max: 2 });
  try {
    await loadDemoData(
      db,
      `http://127.0.0.1:${PORT}`,
      { address: temporalAddress, dataKey: env.DATA_KEY },
      say,
    );
  } finally {
    await db.$disconnect();
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
\x1b[32mĐồng Hành đã sẵn sàng / is ready\x1b[0m  (${seconds} s)

  Bảng theo dõi / dashboard   http://localhost:${PORT}
  Kiểm tra / health           http://localhost:${PORT}/healthz
  Temporal UI                 ${temporalCli ? `http://localhost:${TEMPORAL_UI_PORT}` : `(external: ${temporalAddress})`}
  Hộp thư thử / mail inbox    ${catcher ? `http://localhost:${catcher.httpPort}   (every mail the product sends; SMTP ${catcher.smtpUrl})` : `(SMTP_URL: a real server)`}
  PostgreSQL                  ${process.env.DATABASE_URL ? '(external DATABASE_URL)' : `127.0.0.1:${PG_PORT}, data in ${pgData}`}

  Tài khoản demo / demo accounts — mật khẩu / password: ${DEMO_PASSWORD}
${DEMO_ACCOUNT_LINES}

  Đăng nhập bảng điều khiển với một tài khoản trên / sign in to the dashboard as one of these:
    Đề xuất học sinh / propose a student   http://localhost:${PORT}/identify   (gv.lan, ct.huong)
    Việc của tôi / my tasks                http://localhost:${PORT}/tasks
    Ký duyệt / sign-off                    http://localhost:${PORT}/sign-off   (ht.binh, ht.minh)
    Tổng quan (ẩn danh) / office overview  http://localhost:${PORT}/overview   (cv.ha: no names)

  Ctrl-C để dừng / to stop.
`);
}

const DEMO_ACCOUNT_LINES = [
  ['quantri', 'quản trị / admin', 'Sở GD&ĐT Sơn La'],
  ['cv.ha', 'chuyên viên Sở / office coordinator', 'Sở GD&ĐT Sơn La'],
  ['cv.tuan', 'chuyên viên xã / office coordinator', 'Phòng VH–XH Chiềng Lề'],
  ['ht.binh', 'hiệu trưởng / principal', 'THCS Chiềng Lề'],
  ['ct.huong', 'điều phối / school coordinator', 'THCS Chiềng Lề'],
  ['gv.lan', 'giáo viên, GVCN 6A / teacher, homeroom', 'THCS Chiềng Lề'],
  ['gv.duc', 'giáo viên / teacher', 'THCS Chiềng Lề'],
  ['gv.uyen', 'giáo viên / teacher', 'THCS Chiềng Lề'],
  ['gv.thuy', 'giáo viên, GVCN 8A / teacher, homeroom', 'THCS Chiềng Lề'],
  ['ht.dung', 'hiệu trưởng / principal', 'THCS Quyết Thắng'],
  ['ct.phuong', 'điều phối / school coordinator', 'THCS Quyết Thắng'],
  ['gv.hoa', 'giáo viên / teacher', 'THCS Quyết Thắng'],
  ['ht.minh', 'hiệu trưởng / principal', 'THPT Tô Hiệu'],
  ['ct.thao', 'điều phối / school coordinator', 'THPT Tô Hiệu'],
  ['gv.son', 'giáo viên / teacher', 'THPT Tô Hiệu'],
  ['gv.nga', 'giáo viên, GVCN 11A2 / teacher, homeroom', 'THPT Tô Hiệu'],
]
  .map(([u, r, s]) => `    ${(u ?? '').padEnd(10)} ${(r ?? '').padEnd(40)} ${s}`)
  .join('\n');

main().catch((error: Error) => shutdown(1, `Không khởi động được / failed to start: ${error.message}`));
