import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface StackLock {
  recordChild(name: string, pid: number | undefined): void;
  release(): void;
}

interface LockFile {
  pid: number;
  startedAt: string;
  children: Record<string, number>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * One running stack per data folder. The lock holds the starter's pid and its children's; a
 * lock left by a killed `npm start` is cleaned up (its orphans stopped, PostgreSQL shut down
 * cleanly) before a new start takes over.
 */
export function acquireStackLock(path: string): StackLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const state: LockFile = { pid: process.pid, startedAt: new Date().toISOString(), children: {} };
      writeSync(fd, JSON.stringify(state));
      closeSync(fd);
      return {
        recordChild(name, pid) {
          if (pid) state.children[name] = pid;
          writeFileSync(path, JSON.stringify(state));
        },
        release() {
          try {
            if ((JSON.parse(readFileSync(path, 'utf8')) as LockFile).pid === process.pid)
              rmSync(path, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: LockFile | null = null;
      try {
        held = JSON.parse(readFileSync(path, 'utf8')) as LockFile;
      } catch {
        held = null;
      }
      if (held && alive(held.pid) && held.pid !== process.pid) {
        throw new Error(
          `Đồng Hành đang chạy (pid ${held.pid}, từ ${held.startedAt}) với dữ liệu ở ${dirname(path)}.\n` +
            `Đồng Hành is already running (pid ${held.pid}) on this data folder; stop it (Ctrl-C) before starting another.`,
        );
      }
      cleanupStale(held, dirname(path));
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the stack lock ${path}`);
}

function cleanupStale(held: LockFile | null, data: string): void {
  for (const [name, pid] of Object.entries(held?.children ?? {})) {
    const cmd = cmdline(pid);
    if (alive(pid) && /temporal|tsx|node/.test(cmd)) {
      console.log(`[đồng hành] stopping ${name} (pid ${pid}) left by a previous start`);
      process.kill(pid, 'SIGKILL');
    }
  }
  const pidFile = join(data, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && alive(pid) && /postgres/.test(cmdline(pid))) {
      console.log(`[đồng hành] shutting down PostgreSQL (pid ${pid}) left by a previous start`);
      process.kill(pid, 'SIGINT'); // fast shutdown: consistent on disk, nothing to recover
      const until = Date.now() + 15_000;
      // Synchronous wait: nothing else may touch the data folder until it is gone.
      while (alive(pid) && Date.now() < until)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}
