#!/usr/bin/env node
// Yields a Temporal CLI (with its dev server and Web UI) the way a user's machine can:
//   1. $TEMPORAL_CLI, or a `temporal` on PATH;
//   2. a cached build: <repo>/.tools/ or the user cache (~/.cache/donghanh), shared by clones;
//   3. `go install github.com/temporalio/cli/cmd/temporal@v1.5.1` (the first build takes minutes;
//      v1.6+ carry a `replace` directive and cannot be `go install`ed);
//   4. the official release archive, on a machine without Go;
// else it stops and says what to install. One build at a time per machine (a lock next to the
// cache; the others wait for it). Prints the binary's path on stdout; progress on stderr.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPORAL_CLI_VERSION = '1.5.1';
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const exe = process.platform === 'win32' ? 'temporal.exe' : 'temporal';
const log = (m) => process.stderr.write(`[temporal-cli] ${m}\n`);

function executable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

function cacheDirs() {
  const userCache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return [
    join(repo, '.tools', `temporal-v${TEMPORAL_CLI_VERSION}`),
    join(userCache, 'donghanh', `temporal-v${TEMPORAL_CLI_VERSION}`),
  ];
}

function goInstall(target) {
  const go = onPath('go') ?? (executable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) return null;
  log(`building Temporal CLI v${TEMPORAL_CLI_VERSION} with ${go} — the first build takes several minutes…`);
  mkdirSync(target, { recursive: true });
  const staging = join(target, `.build-${process.pid}`);
  const started = Date.now();
  const r = spawnSync(
    go,
    ['install', '-v', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'], // -v lists each package as it compiles: that is the progress
      env: { ...process.env, GOBIN: staging, GOFLAGS: `${process.env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
    },
  );
  if (r.status !== 0 || !existsSync(join(staging, exe))) {
    rmSync(staging, { recursive: true, force: true });
    log(`go install failed (exit ${r.status})`);
    return null;
  }
  // Rename is atomic: a concurrent run never sees half a binary.
  renameSync(join(staging, exe), join(target, exe));
  rmSync(staging, { recursive: true, force: true });
  log(`built in ${Math.round((Date.now() - started) / 1000)} s → ${join(target, exe)}`);
  return join(target, exe);
}

async function download(target) {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) return null;
  const url = `https://github.com/temporalio/cli/releases/download/v${TEMPORAL_CLI_VERSION}/temporal_cli_${TEMPORAL_CLI_VERSION}_${os}_${arch}.tar.gz`;
  log(`downloading ${url}`);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const archive = join(tmpdir(), `temporal-cli-${process.pid}.tar.gz`);
    writeFileSync(archive, Buffer.from(await res.arrayBuffer()));
    mkdirSync(target, { recursive: true });
    const r = spawnSync('tar', ['-xzf', archive, '-C', target, exe], { stdio: 'inherit' });
    rmSync(archive, { force: true });
    return r.status === 0 && executable(join(target, exe)) ? join(target, exe) : null;
  } catch (error) {
    log(`download failed: ${error.message}`);
    return null;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A lock folder whose owner never wrote its pid (killed between mkdir and write) is stale after this. */
const OWNERLESS_STALE_MS = 30_000;

/**
 * Runs `build` while holding `lockDir` (mkdir is atomic; the holder's pid is inside), so that on
 * a fresh machine two `npm test`s or `npm start`s do not each spend minutes building the same
 * CLI: the others wait, then take the holder's result through `ready`. A lock whose holder died
 * (Ctrl-C mid-build) is taken over. Returns `ready()` if it yields a path, else `build()`'s.
 * @template T
 * @param {string} lockDir
 * @param {{ ready: () => T | null, build: () => Promise<T | null>, log?: (m: string) => void,
 *   pollMs?: number, isAlive?: (pid: number) => boolean }} o
 * @returns {Promise<T | null>}
 */
export async function underBuildLock(lockDir, o) {
  const { ready, build, log: say = log, pollMs = 1000, isAlive = pidAlive } = o;
  let waitingFor = 0;
  for (;;) {
    const done = ready();
    if (done) return done;
    mkdirSync(dirname(lockDir), { recursive: true });
    let mine = false;
    try {
      mkdirSync(lockDir);
      mine = true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (mine) {
      writeFileSync(
        join(lockDir, 'owner.json'),
        JSON.stringify({ pid: process.pid, since: new Date().toISOString() }),
      );
      try {
        // Built by the holder we waited for, or between our look and our lock.
        return ready() ?? (await build());
      } finally {
        rmSync(lockDir, { recursive: true, force: true });
      }
    }
    let pid = 0;
    try {
      pid = Number(JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')).pid);
    } catch {
      // Not written yet (or the lock just went away).
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lockDir).mtimeMs;
    } catch {
      continue; // released meanwhile: look again
    }
    if ((pid > 0 && !isAlive(pid)) || (pid === 0 && age > OWNERLESS_STALE_MS)) {
      say(`stale build lock ${lockDir} (${pid ? `pid ${pid} is gone` : 'no owner'}): taking it over`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (pid && pid !== waitingFor) {
      say(`another process (pid ${pid}) is building the Temporal CLI: waiting for it…`);
      waitingFor = pid;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function ensureTemporalCli() {
  const explicit = process.env.TEMPORAL_CLI;
  if (explicit) {
    if (executable(explicit)) return explicit;
    throw new Error(`TEMPORAL_CLI=${explicit} is not an executable file`);
  }
  const found = onPath(exe);
  if (found) return found;
  const cached = () =>
    cacheDirs()
      .map((dir) => join(dir, exe))
      .find(executable) ?? null;
  const [, userCache] = cacheDirs();
  const built = await underBuildLock(`${userCache}.lock`, {
    ready: cached,
    build: async () => goInstall(userCache) ?? (await download(userCache)),
  });
  if (built) return built;
  throw new Error(
    [
      `No Temporal CLI v${TEMPORAL_CLI_VERSION} could be found or built.`,
      'Install one of:',
      '  • Go 1.24+ (https://go.dev/dl/) — this script then builds the CLI itself;',
      `  • the Temporal CLI (https://docs.temporal.io/cli#install) on your PATH;`,
      '  • or point TEMPORAL_ADDRESS at a running Temporal server and skip the embedded one.',
    ].join('\n'),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureTemporalCli().then(
    (path) => process.stdout.write(`${path}\n`),
    (error) => {
      log(error.message);
      process.exit(1);
    },
  );
}
