#!/usr/bin/env node
// Yields a Temporal CLI (with its dev server and Web UI) the way a user's machine can:
//   1. $TEMPORAL_CLI, or a `temporal` on PATH;
//   2. a cached build: <repo>/.tools/ or the user cache (~/.cache/donghanh), shared by clones;
//   3. `go install github.com/temporalio/cli/cmd/temporal@v1.5.1` (the first build takes minutes;
//      v1.6+ carry a `replace` directive and cannot be `go install`ed);
//   4. the official release archive, on a machine without Go;
// else it stops and says what to install. Prints the binary's path on stdout; progress on stderr.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

export async function ensureTemporalCli() {
  const explicit = process.env.TEMPORAL_CLI;
  if (explicit) {
    if (executable(explicit)) return explicit;
    throw new Error(`TEMPORAL_CLI=${explicit} is not an executable file`);
  }
  const found = onPath(exe);
  if (found) return found;
  for (const dir of cacheDirs()) if (executable(join(dir, exe))) return join(dir, exe);
  const [, userCache] = cacheDirs();
  const built = goInstall(userCache) ?? (await download(userCache));
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
