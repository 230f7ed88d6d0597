import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { underBuildLock } from '../ensure-temporal.mjs';

/** On a fresh machine, concurrent runs each started a minutes-long `go install` of the Temporal CLI. */
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeCache() {
  dir = mkdtempSync(join(tmpdir(), 'donghanh-lock-'));
  const binary = join(dir, 'temporal');
  let running = 0;
  let most = 0;
  let builds = 0;
  const build = async () => {
    builds++;
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 150));
    writeFileSync(binary, '');
    running--;
    return binary;
  };
  const ready = () => (existsSync(binary) ? binary : null);
  return { lock: join(dir, 'temporal.lock'), build, ready, stats: () => ({ most, builds }) };
}

describe('the Temporal CLI build lock', () => {
  it('lets one of several concurrent runs build; the others wait and take its binary', async () => {
    const c = fakeCache();
    const logs: string[] = [];
    const paths = await Promise.all(
      Array.from({ length: 4 }, () =>
        underBuildLock(c.lock, {
          ready: c.ready,
          build: c.build,
          pollMs: 20,
          log: (m: string) => logs.push(m),
        }),
      ),
    );
    expect(new Set(paths)).toEqual(new Set([join(dir, 'temporal')]));
    expect(c.stats()).toEqual({ most: 1, builds: 1 });
    expect(existsSync(c.lock)).toBe(false);
  });

  it('takes over a lock whose holder died mid-build (Ctrl-C) and builds', async () => {
    const c = fakeCache();
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    mkdirSync(c.lock);
    writeFileSync(join(c.lock, 'owner.json'), JSON.stringify({ pid: dead }));
    const logs: string[] = [];
    const path = await underBuildLock(c.lock, {
      ready: c.ready,
      build: c.build,
      pollMs: 20,
      isAlive: (pid: number) => pid !== dead,
      log: (m: string) => logs.push(m),
    });
    expect(path).toBe(join(dir, 'temporal'));
    expect(logs.join('\n')).toContain(`pid ${dead} is gone`);
  });

  it('waits while a live holder builds, and says for whom', async () => {
    const c = fakeCache();
    mkdirSync(c.lock);
    writeFileSync(join(c.lock, 'owner.json'), JSON.stringify({ pid: process.pid }));
    const logs: string[] = [];
    const waiting = underBuildLock(c.lock, {
      ready: c.ready,
      build: c.build,
      pollMs: 20,
      log: (m: string) => logs.push(m),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(c.stats().builds).toBe(0);
    // The holder finishes: its binary is there and its lock gone.
    writeFileSync(join(dir, 'temporal'), '');
    rmSync(c.lock, { recursive: true });
    await expect(waiting).resolves.toBe(join(dir, 'temporal'));
    expect(c.stats().builds).toBe(0);
    expect(logs.join('\n')).toContain(`pid ${process.pid}`);
  });
});
